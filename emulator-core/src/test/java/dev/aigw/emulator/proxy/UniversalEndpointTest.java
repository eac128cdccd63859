package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.RecordedRequest;
import io.undertow.util.HttpString;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The universal endpoint: steps tried in order, the first success answers with {@code cf-aig-step} (proxy.md 1.4). */
@Timeout(30)
class UniversalEndpointTest {

    private static UpstreamStub answering(int status, String body) {
        return new UpstreamStub(exchange -> {
            exchange.setStatusCode(status);
            exchange.getResponseHeaders().put(new HttpString("content-type"), "application/json");
            exchange.getResponseSender().send(body);
        });
    }

    private static String steps(String... steps) {
        return "[" + String.join(",", steps) + "]";
    }

    private static String step(String provider, String endpoint, String key) {
        return "{\"provider\":\"" + provider + "\",\"endpoint\":\"" + endpoint + "\","
                + "\"headers\":{\"Authorization\":\"Bearer " + key + "\",\"Content-Type\":\"application/json\","
                + "\"cf-aig-cache-ttl\":\"0\"},"
                + "\"query\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}";
    }

    @Test
    void aFailingFirstStepFallsBackToTheNextProviderWhichAnswersWithItsStepIndex() {
        try (UpstreamStub failing = answering(503, "{\"error\":\"down\"}");
             UpstreamStub healthy = answering(200, "{\"answer\":\"from groq\"}");
             AiGatewayEmulator emulator = AiGatewayEmulator.builder()
                     .upstream("openai", failing.baseUrl()).upstream("groq", healthy.baseUrl()).build().start()) {
            emulator.createGateway("gw");

            HttpResponse<String> response = new ProxyClient(emulator).post("/v1/" + emulator.accountId() + "/gw",
                    steps(step("openai", "chat/completions", "sk-openai"), step("groq", "chat/completions", "gsk-groq")));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"answer\":\"from groq\"}");
            assertThat(response.headers().firstValue("cf-aig-step")).contains("1");
            List<RecordedRequest> attempts = emulator.recordedRequests();
            assertThat(attempts).extracting(RecordedRequest::provider).containsExactly("openai", "groq");
            assertThat(attempts).extracting(RecordedRequest::step).containsExactly(0, 1);
            assertThat(attempts.get(1).url()).isEqualTo("https://api.groq.com/openai/v1/chat/completions");
            assertThat(healthy.received().get(0).header("authorization")).isEqualTo("Bearer gsk-groq");
            assertThat(healthy.received().get(0).headers()).doesNotContainKey("cf-aig-cache-ttl");
            assertThat(healthy.received().get(0).body())
                    .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        }
    }

    @Test
    void theFirstSuccessfulStepAnswersAndLaterStepsAreNotTried() {
        try (UpstreamStub healthy = answering(200, "{\"answer\":1}");
             AiGatewayEmulator emulator = AiGatewayEmulator.builder().upstream("openai", healthy.baseUrl()).build().start()) {
            emulator.createGateway("gw");

            HttpResponse<String> response = new ProxyClient(emulator).post("/v1/" + emulator.accountId() + "/gw/",
                    steps(step("openai", "chat/completions", "a"), step("groq", "chat/completions", "b")));

            assertThat(response.headers().firstValue("cf-aig-step")).contains("0");
            assertThat(emulator.recordedRequests()).hasSize(1);
        }
    }

    @Test
    void whenEveryStepFailsTheClientGetsTheLastStepsReply() {
        try (UpstreamStub first = answering(500, "{\"error\":\"first\"}");
             UpstreamStub last = answering(429, "{\"error\":\"last\"}");
             AiGatewayEmulator emulator = AiGatewayEmulator.builder()
                     .upstream("openai", first.baseUrl()).upstream("groq", last.baseUrl()).build().start()) {
            emulator.createGateway("gw");

            HttpResponse<String> response = new ProxyClient(emulator).post("/v1/" + emulator.accountId() + "/gw",
                    steps(step("openai", "chat/completions", "a"), step("groq", "chat/completions", "b")));

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.body()).isEqualTo("{\"error\":\"last\"}");
            assertThat(response.headers().firstValue("cf-aig-step")).contains("1");
        }
    }

    @Test
    void aSingleStepObjectIsAcceptedLikeAOneElementArray() {
        try (UpstreamStub healthy = answering(200, "{\"ok\":true}");
             AiGatewayEmulator emulator = AiGatewayEmulator.builder().upstream("openai", healthy.baseUrl()).build().start()) {
            emulator.createGateway("gw");

            HttpResponse<String> response = new ProxyClient(emulator).post("/v1/" + emulator.accountId() + "/gw",
                    step("openai", "chat/completions", "a"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("cf-aig-step")).contains("0");
        }
    }
}
