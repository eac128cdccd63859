package dev.aigw.emulator.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.testsupport.RawHttp;
import dev.aigw.emulator.testsupport.RawHttp.Reply;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The control API answers only the test's machine: a foreign {@code Host} (DNS rebinding) and a state-changing
 * request from another origin's page get 403 saying how to allow a host; plain HTTP clients are unaffected.
 */
@Timeout(30)
class ControlApiOriginTest {

    private static final String SCRIPT = "{\"steps\":[{\"status\":503}]}";

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().gateway("kept").build().start();

    @AfterEach
    void close() {
        emulator.close();
    }

    private Reply post(String path, String body, String... headers) throws IOException {
        return RawHttp.send(emulator.port(), "POST", "/__emulator" + path, body, headers);
    }

    private Reply get(String path, String... headers) throws IOException {
        return RawHttp.send(emulator.port(), "GET", "/__emulator" + path, null, headers);
    }

    @Test
    void aResetWithAForeignHostIsRefusedAndSaysHowToAllowTheHost() throws IOException {
        Reply reply = post("/reset", "", "Host: evil.example", "Origin: http://evil.example",
                "Content-Type: text/plain");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("\"success\":false", "\"code\":10403", "\"result\":null",
                "the Host header names \\\"evil.example\\\"", "allowedHosts(", "--allowed-hosts",
                "AIGW_ALLOWED_HOSTS", "allowed_hosts");
        assertThat(emulator.gateways()).extracting(g -> g.id()).contains("kept");
    }

    @Test
    void aForeignHostCannotReadTheRecordedRequestsWhichHoldAuthorizationHeaders() throws IOException {
        assertThat(get("/requests", "Host: rebound.evil.example:" + emulator.port()).status()).isEqualTo(403);
        assertThat(get("/requests", "Host: 127.0.0.1.evil.example").status()).isEqualTo(403);
        assertThat(get("/requests", "Host: localhost.evil.example").status()).isEqualTo(403);
    }

    @Test
    void aPostFromAForeignOriginsPageIsRefusedEvenWithALoopbackHost() throws IOException {
        Reply reply = post("/scripts/openai", SCRIPT, "Host: 127.0.0.1:" + emulator.port(),
                "Origin: http://evil.example", "Content-Type: text/plain");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("a POST from a page of the origin \\\"http://evil.example\\\"");
        assertThat(post("/reset", "", "Host: localhost", "Origin: null").status()).isEqualTo(403);
        assertThat(emulator.script("openai").pending()).isZero();
    }

    @Test
    void aPostABrowserSentFromAnotherSiteIsRefused() throws IOException {
        assertThat(post("/reset", "", "Host: localhost", "Sec-Fetch-Site: cross-site").status()).isEqualTo(403);
        assertThat(post("/reset", "", "Host: localhost", "Sec-Fetch-Site: same-site").status()).isEqualTo(403);
        assertThat(emulator.gateways()).extracting(g -> g.id()).contains("kept");
    }

    @Test
    void aPageOfALocalOriginMayPost() throws IOException {
        Reply reply = post("/scripts/openai", SCRIPT, "Host: localhost:" + emulator.port(),
                "Origin: http://localhost:3000", "Sec-Fetch-Site: same-site", "Content-Type: application/json");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aCurlLikePlainPostIsAcceptedWhateverItsContentType() throws IOException {
        Reply reply = post("/scripts/openai", SCRIPT, "Host: 127.0.0.1:" + emulator.port(),
                "Content-Type: text/plain", "User-Agent: curl/8.5.0");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(post("/scripts/openai", SCRIPT, "Host: 127.0.0.1",
                "Content-Type: application/x-www-form-urlencoded").status()).isEqualTo(200);
        assertThat(emulator.script("openai").pending()).isEqualTo(2);
    }

    @Test
    void everyLoopbackNameAndAddressIsAccepted() throws IOException {
        for (String host : new String[] {"localhost", "LOCALHOST:80", "localhost.", "app.localhost:9",
                "127.0.0.1", "127.1.2.3:8787", "[::1]", "[::1]:8787", "[0:0:0:0:0:0:0:1]:1"}) {
            assertThat(get("/requests", "Host: " + host).status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void anAllowedHostIsAcceptedAndOthersStillRefused() throws IOException {
        try (AiGatewayEmulator aliased = AiGatewayEmulator.builder().allowedHosts("aigw", "10.0.0.5").build()
                .start()) {
            int port = aliased.port();
            assertThat(RawHttp.send(port, "GET", "/__emulator/requests", null, "Host: aigw:8787").status())
                    .isEqualTo(200);
            assertThat(RawHttp.send(port, "POST", "/__emulator/scripts/openai", SCRIPT, "Host: AIGW",
                    "Origin: http://aigw:8080").status()).isEqualTo(200);
            assertThat(RawHttp.send(port, "GET", "/__emulator/requests", null, "Host: 10.0.0.5").status())
                    .isEqualTo(200);
            assertThat(RawHttp.send(port, "GET", "/__emulator/requests", null, "Host: evil.example").status())
                    .isEqualTo(403);
        }
    }

    @Test
    void theStarAllowsAnyHost() throws IOException {
        try (AiGatewayEmulator open = AiGatewayEmulator.builder().allowedHosts("*").build().start()) {
            assertThat(RawHttp.send(open.port(), "GET", "/__emulator/requests", null, "Host: anything.example")
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void anAllowedHostWithAPortOrPathIsRefusedAtBuildTime() {
        assertThatThrownBy(() -> AiGatewayEmulator.builder().allowedHosts("aigw:8787"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an allowed host is a host name or address without port or path (\"my-alias\","
                        + " \"10.0.0.5\", \"[fd00::1]\", or \"*\" for any), got: \"aigw:8787\"");
    }

    @Test
    void theManagementApiAndTheProxyAreNotGuarded() throws IOException {
        Reply proxied = RawHttp.send(emulator.port(), "POST", "/v1/" + emulator.accountId() + "/kept/openai/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "Host: gateway.ai.cloudflare.com", "Content-Type: application/json");

        assertThat(proxied.status()).isEqualTo(200);
    }
}
