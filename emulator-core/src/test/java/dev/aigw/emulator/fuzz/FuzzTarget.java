package dev.aigw.emulator.fuzz;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.Permission;
import java.time.Duration;
import java.io.IOException;

/**
 * The emulator {@link FuzzTest} attacks, in a child JVM whose stderr (slf4j-simple, Undertow's logs through SLF4J)
 * the test reads for ERROR lines: a virtual clock on auto, so no scripted wait takes real time; the owner's token on
 * the protected account and the fuzzer's token on another. Prints {@code port=N}, serves until stdin closes.
 */
public final class FuzzTarget {

    static final String OWNER_ACCOUNT = "0000000000000000000000000000000a";
    static final String FUZZ_ACCOUNT = "0000000000000000000000000000000b";
    static final String OWNER_TOKEN = "owner-token-the-fuzzer-never-holds";
    static final String FUZZ_TOKEN = "fuzz-token";

    private FuzzTarget() {
    }

    /** Starts the emulator and serves until stdin closes; takes no arguments. */
    public static void main(String[] args) throws IOException {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder()
                .accountId(FUZZ_ACCOUNT)
                .account(OWNER_ACCOUNT)
                .token(ApiToken.of(OWNER_TOKEN, OWNER_ACCOUNT, Permission.values()))
                .token(ApiToken.of(FUZZ_TOKEN, FUZZ_ACCOUNT, Permission.values()))
                .workerThreads(64)
                // A malformed chunked body is closed at this limit; the fuzzer's own wait for an answer is 10 s.
                .requestReadTimeout(Duration.ofSeconds(1))
                .gateway("fz-0").gateway("fz-1").gateway("fz-2").gateway("fz-3")
                .gateway("fz-4", GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5)).build())
                .gateway("fz-5", GatewaySettings.builder().retryMaxAttempts(3).retryDelay(Duration.ofMillis(500))
                        .retryBackoff(GatewaySettings.Backoff.EXPONENTIAL).build())
                .gateway("fz-6", GatewaySettings.builder().rateLimitingLimit(5)
                        .rateLimitingInterval(Duration.ofSeconds(10)).build())
                .gateway("fz-7", GatewaySettings.builder().authentication(true).build())
                .build().start()) {
            System.out.println("port=" + emulator.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serve until the test closes our stdin.
            }
        }
    }
}
