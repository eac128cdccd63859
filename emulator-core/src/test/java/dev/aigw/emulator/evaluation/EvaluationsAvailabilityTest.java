package dev.aigw.emulator.evaluation;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertPage;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The setting {@code evaluations.available} (management-api-2.md 5), switched through the control API: off, every
 * dataset and evaluation write answers 403/10000 with the deprecation message and the reads find nothing.
 */
@Timeout(30)
class EvaluationsAvailabilityTest {

    private static final String UNAVAILABLE = "Evaluations are deprecated and unavailable to new accounts";
    private static final String TYPES = "[\"aig-eval-cost\"]";

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().gateway("gw").build().start();
    private final ManagementApi api = ManagementApi.of(emulator);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        emulator.close();
    }

    private JsonNode control(String method, String body, int status) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__emulator/evaluations"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String createDataset() {
        return assertOk(api.post("/gateways/gw/datasets", "{\"name\":\"all\",\"enable\":true,\"filters\":[]}"))
                .get("id").textValue();
    }

    private String createEvaluation(String dataset) {
        return assertOk(api.post("/gateways/gw/evaluations", "{\"name\":\"e\",\"dataset_ids\":[\"" + dataset
                + "\"],\"evaluation_type_ids\":" + TYPES + "}")).get("id").textValue();
    }

    @Test
    void theSwitchIsOnByDefaultAndReadsBackWhatWasSet() {
        assertThat(control("GET", null, 200)).isEqualTo(json("{\"available\":true}"));

        assertThat(control("PUT", "{\"available\":false}", 200)).isEqualTo(json("{\"available\":false}"));

        assertThat(control("GET", null, 200)).isEqualTo(json("{\"available\":false}"));
    }

    @Test
    void offEveryWriteIs403WithTheDeprecationMessageAndChangesNothing() {
        String dataset = createDataset();
        String evaluation = createEvaluation(dataset);
        control("PUT", "{\"available\":false}", 200);

        for (ApiReply reply : new ApiReply[] {
                api.post("/gateways/gw/datasets", "{\"name\":\"new\",\"enable\":true,\"filters\":[]}"),
                api.put("/gateways/gw/datasets/" + dataset, "{\"name\":\"x\",\"enable\":true,\"filters\":[]}"),
                api.delete("/gateways/gw/datasets/" + dataset),
                api.post("/gateways/gw/evaluations", "{\"name\":\"f\",\"dataset_ids\":[\"" + dataset
                        + "\"],\"evaluation_type_ids\":" + TYPES + "}"),
                api.delete("/gateways/gw/evaluations/" + evaluation)}) {
            assertFrontDoorError(reply, 403, 10000, UNAVAILABLE);
        }

        control("PUT", "{\"available\":true}", 200);
        assertThat(assertOk(api.get("/gateways/gw/datasets/" + dataset)).get("name").textValue()).isEqualTo("all");
        assertOk(api.get("/gateways/gw/evaluations/" + evaluation));
    }

    @Test
    void offTheListsAreEmptyAndNothingIsFound() {
        String dataset = createDataset();
        String evaluation = createEvaluation(dataset);

        control("PUT", "{\"available\":false}", 200);

        assertPage(api.get("/gateways/gw/datasets"), 1, 20, 0, 0);
        assertPage(api.get("/gateways/gw/evaluations"), 1, 20, 0, 0);
        assertPage(api.get("/evaluation-types"), 1, 20, 0, 0);
        assertNotFound(api.get("/gateways/gw/datasets/" + dataset));
        assertNotFound(api.get("/gateways/gw/evaluations/" + evaluation));
        assertNotFound(api.get("/gateways/nope/datasets"));
    }

    @Test
    void aResetMakesThemAvailableAgain() {
        control("PUT", "{\"available\":false}", 200);

        emulator.reset();

        assertThat(control("GET", null, 200)).isEqualTo(json("{\"available\":true}"));
        assertPage(api.get("/evaluation-types"), 1, 20, 3, 3);
    }

    @Test
    void aBadSwitchBodyIsRefusedByMember() {
        JsonNode typo = control("PUT", "{\"availabel\":false}", 400);
        assertThat(typo.get("errors").get(0).get("message").textValue()).contains("did you mean \"available\"?");
        assertThat(typo.get("errors").get(0).get("path")).isEqualTo(json("[\"body\",\"availabel\"]"));
        JsonNode notBoolean = control("PUT", "{\"available\":\"no\"}", 400);
        assertThat(notBoolean.get("errors").get(0).get("path")).isEqualTo(json("[\"body\",\"available\"]"));
        assertThat(control("GET", null, 200)).isEqualTo(json("{\"available\":true}"));
    }
}
