package dev.aigw.emulator.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Calls a running emulator's control API ({@code /__emulator}) from Java: reset, the clock, scripts, the
 * recorded requests and the timelines. Works with any emulator, in a container or started with
 * {@code java -jar}. Thread-safe; each call is one blocking HTTP request.
 *
 * <pre>{@code
 * EmulatorControl control = container.control();
 * control.setClockMode(EmulatorControl.ClockMode.MANUAL);
 * control.script("openai").enqueue(ScriptStep.status(503).times(4));
 * }</pre>
 */
public final class EmulatorControl {

    /** Names how the emulator's clock behaves, as {@code GET /__emulator/clock} reports it. */
    public enum ClockMode {
        /** Real time; cannot be switched or advanced (start the emulator with a virtual clock for that). */
        SYSTEM,
        /** Virtual time that jumps to the end of every wait at once. */
        AUTO,
        /** Virtual time that moves only when {@link #advanceClock(Duration)} is called. */
        MANUAL
    }

    /**
     * Describes the emulator's clock at one moment.
     *
     * @param mode how the clock behaves
     * @param now the clock's current instant
     */
    public record ClockState(ClockMode mode, Instant now) {
    }

    /**
     * Describes one attempt that reached an upstream (fake or real), as the emulator recorded it.
     *
     * @param provider the provider slug, e.g. {@code openai}
     * @param gatewayId the gateway the request went through
     * @param accountId the account of that gateway
     * @param attempt the attempt number within its request, from 1
     * @param method the HTTP method sent upstream
     * @param path the upstream path, e.g. {@code /v1/chat/completions}
     * @param headers the headers sent upstream, several values joined with ", "
     * @param body the body sent upstream as text, or {@code null} if it was not UTF-8
     * @param at the emulator-clock instant of the attempt
     * @param testId the request's {@code x-aigw-test-id}, or {@code null}
     */
    public record RecordedRequest(String provider, String gatewayId, String accountId, int attempt, String method,
                                  String path, Map<String, String> headers, String body, Instant at, String testId) {
    }

    /**
     * Describes what the gateway did with one request: its attempts and the final status.
     *
     * @param logId the gateway log id of the request
     * @param gatewayId the gateway the request went through
     * @param provider the provider of the request
     * @param startedAt the emulator-clock instant the request arrived
     * @param status the status the client received
     * @param testId the request's {@code x-aigw-test-id}, or {@code null}
     * @param attempts every attempt, in order
     */
    public record Timeline(String logId, String gatewayId, String provider, Instant startedAt, int status,
                           String testId, List<Attempt> attempts) {

        /** Returns each attempt's start, in emulator milliseconds from the request's arrival. */
        public List<Long> startOffsetsMillis() {
            return attempts.stream().map(Attempt::startOffsetMillis).toList();
        }
    }

    /**
     * Describes one attempt of a {@link Timeline}.
     *
     * @param attempt the attempt number, from 1
     * @param startOffsetMillis its start, in emulator milliseconds from the request's arrival
     * @param endOffsetMillis its end, likewise
     * @param outcome what happened, e.g. {@code success}, {@code status}, {@code timeout}
     * @param status the upstream status, or {@code null} if there was none
     * @param delayBeforeNextMillis the wait before the next attempt, 0 for the last one
     */
    public record Attempt(int attempt, long startOffsetMillis, long endOffsetMillis, String outcome, Integer status,
                          long delayBeforeNextMillis) {
    }

    /**
     * Queues steps for one provider, optionally narrowed to a gateway and a test id; like the emulator's
     * in-process {@code ProviderScript}. Immutable: the {@code for...} methods return narrowed copies.
     */
    public final class Script {

        private final String provider;
        private final String gatewayId;
        private final String testId;

        private Script(String provider, String gatewayId, String testId) {
            this.provider = provider;
            this.gatewayId = gatewayId;
            this.testId = testId;
        }

        /** Returns this script narrowed to one gateway. */
        public Script forGateway(String gatewayId) {
            return new Script(provider, Objects.requireNonNull(gatewayId, "gatewayId"), testId);
        }

        /** Returns this script narrowed to requests carrying this {@code x-aigw-test-id}. */
        public Script forTest(String testId) {
            return new Script(provider, gatewayId, Objects.requireNonNull(testId, "testId"));
        }

        /**
         * Appends steps to the queue and returns how many responses of this scope are still to come; steps that
         * repeat ({@code always}, every nth, with a probability) count none.
         */
        public int enqueue(ScriptStep... steps) {
            if (steps.length == 0) {
                throw new IllegalArgumentException("enqueue at least one step");
            }
            ObjectNode body = JSON.createObjectNode();
            ArrayNode array = body.putArray("steps");
            for (ScriptStep step : steps) {
                array.add(step.node());
            }
            if (gatewayId != null) {
                body.put("gateway_id", gatewayId);
            }
            if (testId != null) {
                body.put("test_id", testId);
            }
            return send("POST", "/scripts/" + encode(provider), body).get("pending").intValue();
        }

        /** Removes what this scope queued (the whole provider's queue if not narrowed). */
        public void clear() {
            send("DELETE", "/scripts/" + encode(provider) + query("gateway_id", gatewayId, "test_id", testId), null);
        }

        @Override
        public String toString() {
            return "Script[" + provider + (gatewayId == null ? "" : ", gateway " + gatewayId)
                    + (testId == null ? "" : ", test " + testId) + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String controlUrl;
    private final HttpClient http;

    private EmulatorControl(String baseUrl) {
        this.controlUrl = baseUrl.replaceAll("/+$", "") + "/__emulator";
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Returns a client of the emulator at this base URL, e.g. {@code http://localhost:8787}. */
    public static EmulatorControl connect(String baseUrl) {
        URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("expected an absolute http URL such as http://localhost:8787, got "
                    + baseUrl);
        }
        return new EmulatorControl(baseUrl);
    }

    /** Tells whether the emulator answers its health check. */
    public boolean isHealthy() {
        try {
            HttpResponse<String> response = http.send(request("GET", "/health", null), HttpResponse.BodyHandlers
                    .ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Empties gateways, logs, scripts, recorded requests and timelines; accounts and tokens stay. */
    public void reset() {
        send("POST", "/reset", JSON.createObjectNode());
    }

    /** Reads the emulator's clock. */
    public ClockState clock() {
        return clockState(send("GET", "/clock", null));
    }

    /**
     * Switches a virtual clock between {@link ClockMode#AUTO} and {@link ClockMode#MANUAL}.
     *
     * @throws IllegalStateException if the emulator runs on the system clock
     */
    public ClockState setClockMode(ClockMode mode) {
        if (mode == ClockMode.SYSTEM) {
            throw new IllegalArgumentException("a clock can be switched to AUTO or MANUAL only");
        }
        return clockState(send("PUT", "/clock", JSON.createObjectNode().put("mode", lower(mode))));
    }

    /**
     * Moves a virtual clock forward, waking the waits that are due, and returns its new state.
     *
     * @throws IllegalStateException if the emulator runs on the system clock
     */
    public ClockState advanceClock(Duration amount) {
        return clockState(send("POST", "/clock/advance", JSON.createObjectNode().put("millis", amount.toMillis())));
    }

    /** Returns the script of a provider's upstream, to queue steps (see {@link ScriptStep}). */
    public Script script(String provider) {
        return new Script(Objects.requireNonNull(provider, "provider"), null, null);
    }

    /** Returns every recorded upstream attempt, oldest first. */
    public List<RecordedRequest> requests() {
        return requests(null, null, null);
    }

    /** Returns the recorded upstream attempts that match every non-null filter, oldest first. */
    public List<RecordedRequest> requests(String provider, String gatewayId, String testId) {
        JsonNode answer = send("GET", "/requests" + query("provider", provider, "gateway_id", gatewayId,
                "test_id", testId), null);
        List<RecordedRequest> requests = new ArrayList<>();
        for (JsonNode r : answer.get("requests")) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.get("headers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                headers.put(e.getKey(), e.getValue().asText());
            }
            requests.add(new RecordedRequest(text(r, "provider"), text(r, "gateway_id"), text(r, "account_id"),
                    r.get("attempt").intValue(), text(r, "method"), text(r, "path"), Map.copyOf(headers),
                    text(r, "body"), Instant.parse(text(r, "at")), text(r, "test_id")));
        }
        return List.copyOf(requests);
    }

    /** Returns the timelines of the latest requests that reached an upstream, oldest first. */
    public List<Timeline> timelines() {
        List<Timeline> timelines = new ArrayList<>();
        for (JsonNode t : send("GET", "/timelines", null).get("timelines")) {
            List<Attempt> attempts = new ArrayList<>();
            for (JsonNode a : t.get("attempts")) {
                attempts.add(new Attempt(a.get("attempt").intValue(), a.get("start_offset_ms").longValue(),
                        a.get("end_offset_ms").longValue(), text(a, "outcome"),
                        a.path("status").isNumber() ? a.get("status").intValue() : null,
                        a.path("delay_before_next_ms").longValue()));
            }
            timelines.add(new Timeline(text(t, "log_id"), text(t, "gateway_id"), text(t, "provider"),
                    Instant.parse(text(t, "started_at")), t.get("status").intValue(), text(t, "test_id"),
                    List.copyOf(attempts)));
        }
        return List.copyOf(timelines);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpResponse<String> response;
        try {
            response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("control API " + method + " " + controlUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during control API " + method + " " + path, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = answer.path("errors").path(0).path("message").asText(response.body());
            throw new IllegalStateException("control API " + method + " /__emulator" + path + " answered "
                    + response.statusCode() + ": " + message);
        }
        return answer;
    }

    private HttpRequest request(String method, String path, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(controlUrl + path)).timeout(TIMEOUT);
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static JsonNode parse(String text) {
        try {
            return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("raw", text);
        }
    }

    private static ClockState clockState(JsonNode node) {
        return new ClockState(ClockMode.valueOf(node.get("mode").textValue().toUpperCase(Locale.ROOT)),
                Instant.parse(node.get("now").textValue()));
    }

    private static String query(String... namesAndValues) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.add(namesAndValues[i] + "=" + encode(namesAndValues[i + 1]));
            }
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String lower(ClockMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "EmulatorControl[" + controlUrl + "]";
    }
}
