package dev.aigw.emulator.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.evaluation.EvaluationCalls;
import dev.aigw.emulator.internal.evaluation.GatewayResource;
import dev.aigw.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The dataset and evaluation operations of an emulator running elsewhere: the management API with the account's
 * API token, every page of a list read; the switch through {@code /__emulator/evaluations}. An error envelope
 * becomes the {@link ApiException} the emulator raised. Thread-safe.
 */
public final class RemoteEvaluations implements EvaluationCalls {

    private static final int PAGE = 100;
    private static final int TYPES_PAGE = 50;
    private static final String SWITCH = "/__emulator/evaluations";

    private final HttpTransport http;
    private final String base;
    private final String apiToken;

    /** Calls the operations of {@code accountId} on the emulator behind {@code http} with {@code apiToken}. */
    public RemoteEvaluations(HttpTransport http, String accountId, String apiToken) {
        this.http = http;
        this.base = "/client/v4/accounts/" + HttpTransport.encode(accountId) + "/ai-gateway";
        this.apiToken = apiToken;
    }

    @Override
    public GatewayResource datasets() {
        return new Resource("datasets");
    }

    @Override
    public JsonNode updateDataset(String gatewayId, String id, ObjectNode body) {
        return call("PUT", gateway(gatewayId) + "/datasets/" + HttpTransport.encode(id), body);
    }

    @Override
    public GatewayResource evaluations() {
        return new Resource("evaluations");
    }

    @Override
    public List<JsonNode> evaluationTypes() {
        return all(base + "/evaluation-types", TYPES_PAGE);
    }

    @Override
    public boolean available() {
        return http.send("GET", SWITCH, null, null).orThrow().get("available").booleanValue();
    }

    @Override
    public void available(boolean on) {
        http.send("PUT", SWITCH, Json.object().put("available", on), null).orThrow();
    }

    private String gateway(String gatewayId) {
        return base + "/gateways/" + HttpTransport.encode(gatewayId);
    }

    private List<JsonNode> all(String path, int perPage) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = envelope("GET", path + HttpTransport.query("per_page", String.valueOf(perPage), "page",
                    String.valueOf(page)), null);
            answer.get("result").forEach(items::add);
            if (answer.get("result").size() < perPage
                    || items.size() >= answer.path("result_info").path("total_count").asInt()) {
                return List.copyOf(items);
            }
        }
    }

    private JsonNode call(String method, String path, JsonNode body) {
        return envelope(method, path, body).get("result");
    }

    private JsonNode envelope(String method, String path, JsonNode body) {
        HttpTransport.Reply reply = http.send(method, path, body, apiToken);
        if (reply.ok()) {
            return reply.body();
        }
        List<HttpTransport.Error> errors = reply.errors();
        if (errors.isEmpty()) {
            reply.orThrow();
        }
        List<ApiException> failures = errors.stream().map(e -> ApiException.service(reply.status(),
                new ApiError(e.code(), e.message(), e.path(), List.of()))).toList();
        throw failures.size() == 1 ? failures.get(0) : ApiException.allOf(failures);
    }

    /** The objects under {@code /gateways/{gateway_id}/{segment}}. */
    private final class Resource implements GatewayResource {

        private final String segment;

        Resource(String segment) {
            this.segment = segment;
        }

        @Override
        public List<JsonNode> list(String gatewayId) {
            return all(gateway(gatewayId) + "/" + segment, PAGE);
        }

        @Override
        public JsonNode get(String gatewayId, String id) {
            return call("GET", gateway(gatewayId) + "/" + segment + "/" + HttpTransport.encode(id), null);
        }

        @Override
        public JsonNode create(String gatewayId, ObjectNode body) {
            return call("POST", gateway(gatewayId) + "/" + segment, body);
        }

        @Override
        public JsonNode delete(String gatewayId, String id) {
            return call("DELETE", gateway(gatewayId) + "/" + segment + "/" + HttpTransport.encode(id), null);
        }
    }

    @Override
    public String toString() {
        return "RemoteEvaluations[" + http.baseUrl() + "]";
    }
}
