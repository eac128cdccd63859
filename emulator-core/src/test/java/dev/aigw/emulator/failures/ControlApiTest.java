package dev.aigw.emulator.failures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The control API drives the same scenarios as the Java API, from JSON. */
@Timeout(30)
class ControlApiTest {

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-04-01T08:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__emulator" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return RetryScenariosTest.JSON.readTree(response.body());
    }

    @Test
    void theExponentialBackoffScenarioRunsFromJsonAndItsTimelineReadsBackAsJson() throws Exception {
        emulator.createGateway("gw");

        HttpResponse<String> queued = call("POST", "/scripts/openai", "{\"steps\":[{\"status\":503,\"times\":4}]}");
        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(json(queued).get("pending").intValue()).as("responses, not steps").isEqualTo(4);

        assertThat(RetryScenariosTest.send(emulator, "gw", "cf-aig-max-attempts", "5", "cf-aig-retry-delay", "5000",
                "cf-aig-backoff", "exponential").statusCode()).isEqualTo(200);

        JsonNode timeline = json(call("GET", "/timelines?gateway_id=gw", null)).get("timelines").get(0);
        assertThat(timeline.get("status").intValue()).isEqualTo(200);
        assertThat(timeline.get("provider").textValue()).isEqualTo("openai");
        assertThat(timeline.get("started_at").textValue()).isEqualTo("2026-04-01T08:00:00.000Z");
        JsonNode attempts = timeline.get("attempts");
        assertThat(attempts).hasSize(5);
        assertThat(attempts.get(4).get("start_offset_ms").longValue()).isEqualTo(75_000L);
        assertThat(attempts.get(0).get("outcome").textValue()).isEqualTo("http_error");
        assertThat(attempts.get(0).get("status").intValue()).isEqualTo(503);
        assertThat(attempts.get(3).get("delay_before_next_ms").longValue()).isEqualTo(40_000L);

        JsonNode requests = json(call("GET", "/requests?provider=openai", null)).get("requests");
        assertThat(requests).hasSize(5);
        assertThat(requests.get(1).get("attempt").intValue()).isEqualTo(2);
        assertThat(requests.get(1).get("at").textValue()).isEqualTo("2026-04-01T08:00:05.000Z");
        assertThat(requests.get(0).get("path").textValue()).isEqualTo("/v1/chat/completions");
        assertThat(requests.get(0).get("body").textValue()).isEqualTo(RetryScenariosTest.CHAT);
    }

    @Test
    void theClockIsReadSwitchedAndAdvanced() throws Exception {
        JsonNode read = json(call("GET", "/clock", null));
        assertThat(read.get("mode").textValue()).isEqualTo("auto");
        assertThat(read.get("now").textValue()).isEqualTo("2026-04-01T08:00:00.000Z");

        assertThat(json(call("PUT", "/clock", "{\"mode\":\"manual\"}")).get("mode").textValue()).isEqualTo("manual");
        assertThat(clock.mode()).isEqualTo(ClockMode.MANUAL);

        JsonNode advanced = json(call("POST", "/clock/advance", "{\"millis\":1500}"));
        assertThat(advanced.get("now").textValue()).isEqualTo("2026-04-01T08:00:01.500Z");
    }

    @Test
    void faultStepsAndScopesAreAcceptedAndDeleteClearsThem() throws Exception {
        emulator.createGateway("gw");
        call("POST", "/scripts/openai", "{\"test_id\":\"t1\",\"steps\":[{\"fault\":\"connection_reset\",\"times\":\"always\"}]}");

        assertThat(RetryScenariosTest.send(emulator, "gw", AiGatewayEmulator.TEST_ID_HEADER, "t1").statusCode()).isEqualTo(400);
        assertThat(RetryScenariosTest.send(emulator, "gw").statusCode()).isEqualTo(200);
        assertThat(json(call("GET", "/requests?test_id=t1", null)).get("requests")).hasSize(1);

        assertThat(call("DELETE", "/scripts/openai", null).statusCode()).isEqualTo(200);
        assertThat(RetryScenariosTest.send(emulator, "gw", AiGatewayEmulator.TEST_ID_HEADER, "t1").statusCode()).isEqualTo(200);
    }

    @Test
    void resetEmptiesTheEmulatorButKeepsTokens() throws Exception {
        emulator.createGateway("gw");
        RetryScenariosTest.send(emulator, "gw");

        assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(200);

        assertThat(json(call("GET", "/requests", null)).get("requests")).isEmpty();
        assertThat(json(call("GET", "/timelines", null)).get("timelines")).isEmpty();
        emulator.createGateway("gw");
    }

    @Test
    void badScriptStepsAreRefusedWithTheV4EnvelopeNamingTheField() throws Exception {
        assertValidationError(call("POST", "/scripts/openai", "{\"steps\":[{\"status\":99}]}"), "steps.0.status");
        assertValidationError(call("POST", "/scripts/openai", "{\"steps\":[{\"fault\":\"explode\"}]}"), "steps.0.fault");
        assertValidationError(call("POST", "/scripts/openai", "{\"steps\":[{\"status\":500,\"times\":0}]}"), "steps.0.times");
        assertValidationError(call("POST", "/scripts/openai", "{\"steps\":[]}"), "steps");
        assertValidationError(call("POST", "/scripts/openai", "{\"steps\":[{\"fault\":\"hang\",\"status\":500}]}"), "steps.0");
        assertValidationError(call("POST", "/scripts/openai", "{oops"), "the body is not valid JSON");
        assertThat(emulator.script("openai").pending()).isZero();
    }

    @Test
    void clockChangesAreRefusedOnTheSystemClock() throws Exception {
        try (AiGatewayEmulator real = AiGatewayEmulator.builder().clock(EmulatorClock.system()).build().start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(real.baseUrl() + "/__emulator/clock/advance"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":1000}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("message").textValue())
                    .contains("system clock").contains("AIGW_CLOCK=virtual");
        }
    }

    @Test
    void unknownControlPathsAndMethodsAnswerLikeTheV4Api() throws Exception {
        HttpResponse<String> unknown = call("GET", "/nothing-here", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("errors").get(0).get("code").intValue()).isEqualTo(7003);

        HttpResponse<String> wrongMethod = call("DELETE", "/clock", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("errors").get(0).get("code").intValue()).isEqualTo(10405);
    }

    private static void assertValidationError(HttpResponse<String> response, String mentioned) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("success").booleanValue()).isFalse();
        assertThat(body.get("errors").get(0).get("code").intValue()).isEqualTo(7001);
        assertThat(body.get("errors").get(0).get("message").textValue()).contains(mentioned);
    }
}
