package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.RecordedRequest;
import io.undertow.util.HttpString;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RealUpstreamForwardingTest {

    @Test
    void forwardsMethodPathQueryHeadersAndBodyAndRelaysTheAnswer() {
        try (UpstreamStub openai = new UpstreamStub(exchange -> {
                    exchange.setStatusCode(201);
                    exchange.getResponseHeaders().put(new HttpString("x-request-id"), "req-123");
                    exchange.getResponseHeaders().put(new HttpString("content-type"), "application/json");
                    exchange.getResponseSender().send("{\"id\":\"chatcmpl-stub\"}");
                });
             AiGatewayEmulator emulator = AiGatewayEmulator.builder().upstream("openai", openai.baseUrl()).build().start()) {
            emulator.createGateway("gw");

            HttpResponse<String> response = new ProxyClient(emulator).post(
                    "/v1/" + emulator.accountId() + "/gw/openai/chat/completions?foo=bar", ProxyClient.CHAT,
                    "authorization", "Bearer sk-provider-key",
                    "cf-aig-metadata", "{\"user\":\"u1\"}",
                    "cf-aig-authorization", "Bearer some-token",
                    "cf-skip-cache", "true",
                    AiGatewayEmulator.TEST_ID_HEADER, "test-42",
                    "x-custom", "kept");

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"id\":\"chatcmpl-stub\"}");
            assertThat(response.headers().firstValue("x-request-id")).contains("req-123");
            assertThat(response.headers().firstValue("cf-aig-log-id")).isPresent();
            UpstreamStub.Received got = openai.received().get(0);
            assertThat(got.method()).isEqualTo("POST");
            assertThat(got.path()).isEqualTo("/v1/chat/completions");
            assertThat(got.query()).isEqualTo("foo=bar");
            assertThat(got.body()).isEqualTo(ProxyClient.CHAT);
            assertThat(got.header("authorization")).isEqualTo("Bearer sk-provider-key");
            assertThat(got.header("x-custom")).isEqualTo("kept");
            assertThat(got.headers().keySet()).noneMatch(h -> h.startsWith("cf-aig-"))
                    .doesNotContain("cf-skip-cache", AiGatewayEmulator.TEST_ID_HEADER);

            RecordedRequest recorded = emulator.takeRequest();
            assertThat(recorded.provider()).isEqualTo("openai");
            assertThat(recorded.url()).isEqualTo("https://api.openai.com/v1/chat/completions?foo=bar");
            assertThat(recorded.testId()).isEqualTo("test-42");
            assertThat(recorded.header("authorization")).contains("Bearer sk-provider-key");
            assertThat(recorded.headers().keySet()).noneMatch(h -> h.startsWith("cf-aig-"));
        }
    }

    @Test
    void relaysAStreamEventByEventBeforeTheUpstreamFinishes() throws Exception {
        CountDownLatch clientSawFirstEvent = new CountDownLatch(1);
        try (UpstreamStub openai = new UpstreamStub(exchange -> {
                    exchange.getResponseHeaders().put(new HttpString("content-type"), "text/event-stream");
                    OutputStream out = exchange.getOutputStream();
                    out.write("data: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    // The upstream holds the rest of its stream until the client has read the first event.
                    if (!clientSawFirstEvent.await(10, TimeUnit.SECONDS)) {
                        out.write("data: {\"n\":\"too-late\"}\n\n".getBytes(StandardCharsets.UTF_8));
                    }
                    out.write("data: {\"n\":2}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                    out.close();
                });
             AiGatewayEmulator emulator = AiGatewayEmulator.builder().upstream("openai", openai.baseUrl()).build().start()) {
            emulator.createGateway("gw");

            HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.providerUrl("gw", "openai") + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}"))
                    .build();
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(reader.readLine()).isEqualTo("data: {\"n\":1}");
                clientSawFirstEvent.countDown();
                assertThat(reader.readLine()).isEmpty();
                assertThat(reader.readLine()).isEqualTo("data: {\"n\":2}");
                assertThat(reader.readLine()).isEmpty();
                assertThat(reader.readLine()).isEqualTo("data: [DONE]");
            }
        }
    }

    @Test
    void anUnreachableUpstreamIsAFailedAttemptAnsweredWith2005() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder()
                .upstream("openai", "http://127.0.0.1:" + closedPort).build().start()) {
            emulator.createGateway("gw");

            HttpResponse<String> response = new ProxyClient(emulator).post(
                    new ProxyClient(emulator).path("gw", "openai/chat/completions"), ProxyClient.CHAT);

            ProxyClient.assertGatewayError(response, 400, 2005, "Failed to get response from provider");
            assertThat(emulator.recordedRequests()).hasSize(1);
        }
    }
}
