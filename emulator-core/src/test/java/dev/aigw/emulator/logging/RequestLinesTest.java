package dev.aigw.emulator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.testsupport.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a backend, the emulator logs through it: a DEBUG line per gateway request on {@code dev.aigw.emulator.requests}
 * and each hint on {@code dev.aigw.emulator.hints}, turned on as the README says (run in a child JVM, since
 * slf4j-simple reads its levels once).
 */
@Timeout(60)
class RequestLinesTest {

    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    private static final String REQUESTS_AT_DEBUG = "org.slf4j.simpleLogger.log.dev.aigw.emulator.requests=debug";
    private static final String HINTS_AT_DEBUG = "org.slf4j.simpleLogger.log.dev.aigw.emulator.hints=debug";
    private static final String QUICK_START_LINE = "DEBUG dev.aigw.emulator.requests - POST /v1/" + ACCOUNT
            + "/my-gateway/openai/chat/completions status=200 gateway=my-gateway provider=openai attempts=5 cache=-"
            + " duration=75000ms";

    @TempDir
    Path dir;

    @Test
    void theRequestAndHintLoggersWriteOneLineEachAtDebug() throws Exception {
        ChildJvm.Ended run = ChildJvm.withSlf4jSimple().jvmOptions("-D" + REQUESTS_AT_DEBUG, "-D" + HINTS_AT_DEBUG,
                        "-Dorg.slf4j.simpleLogger.showThreadName=false")
                .run(dir, 30, LoggedRequests.class);

        assertThat(run.exitCode()).as("exit code; stderr: " + run.stderr()).isZero();
        assertThat(run.stderr().lines()).containsExactly(
                QUICK_START_LINE,
                "DEBUG dev.aigw.emulator.requests - POST /v1/" + ACCOUNT + "/cached/openai/chat/completions"
                        + " status=200 gateway=cached provider=openai attempts=1 cache=MISS duration=0ms",
                "DEBUG dev.aigw.emulator.requests - POST /v1/" + ACCOUNT + "/cached/openai/chat/completions"
                        + " status=200 gateway=cached provider=openai attempts=0 cache=HIT duration=0ms",
                "DEBUG dev.aigw.emulator.hints - POST /v1/" + ACCOUNT + "/no-such-gateway/openai/chat/completions"
                        + " answered 400 (code 2001): Gateway \"no-such-gateway\" does not exist in account " + ACCOUNT
                        + ". Create it first (POST /client/v4/accounts/" + ACCOUNT + "/ai-gateway/gateways, or"
                        + " emulator.createGateway(\"no-such-gateway\") in Java), or use the gateway \"default\" with a"
                        + " cf-aig-authorization: Bearer <token> header, which creates it on first use",
                "DEBUG dev.aigw.emulator.requests - POST /v1/" + ACCOUNT + "/no-such-gateway/openai/chat/completions"
                        + " status=400 gateway=- provider=- attempts=0 cache=- duration=0ms");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void theReadmeShowsTheseSettingsAndTheQuickStartsLine() throws Exception {
        assertThat(Files.readString(Path.of("../README.md")))
                .contains(REQUESTS_AT_DEBUG, HINTS_AT_DEBUG, QUICK_START_LINE,
                        "<logger name=\"dev.aigw.emulator.requests\" level=\"DEBUG\"/>");
    }

    @Test
    void withoutDebugTheRequestLoggerWritesNothing() throws Exception {
        ChildJvm.Ended run = ChildJvm.withSlf4jSimple().run(dir, 30, LoggedRequests.class);

        assertThat(run.exitCode()).as("exit code; stderr: " + run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEmpty();
    }
}
