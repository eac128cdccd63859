package dev.aigw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.proxy.Journal;
import dev.aigw.emulator.internal.remote.HttpTransport;
import dev.aigw.emulator.internal.remote.RemoteClock;
import dev.aigw.emulator.internal.remote.RemoteEvaluations;
import dev.aigw.emulator.internal.remote.RemoteRecordings;
import dev.aigw.emulator.internal.remote.RemoteBilling;
import dev.aigw.emulator.internal.remote.RemoteReplies;
import dev.aigw.emulator.internal.remote.RemoteScanner;
import dev.aigw.emulator.internal.remote.RemoteScripts;
import dev.aigw.emulator.internal.script.Scripts;
import dev.aigw.emulator.internal.util.Logs;
import dev.aigw.emulator.internal.wire.LogEntryJson;
import dev.aigw.emulator.internal.wire.LogFilterJson;
import dev.aigw.emulator.internal.wire.PendingScriptJson;
import dev.aigw.emulator.internal.wire.ProviderConfigJson;
import dev.aigw.emulator.internal.wire.RecordedRequestJson;
import dev.aigw.emulator.internal.wire.TimelineJson;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Drives an emulator that runs elsewhere (the standalone jar, {@code docker run}, a Testcontainers container) over
 * HTTP, with the same {@link Emulator} operations, value types and messages as the in-process
 * {@link AiGatewayEmulator}.
 *
 * <pre>{@code
 * RemoteEmulator emulator = RemoteEmulator.connect("http://localhost:8787");
 * emulator.createGateway("my-gateway");
 * emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);
 * }</pre>
 *
 * <p>Gateways are created, read, listed and deleted through the management API, with the API token; the rest goes
 * through the emulator's control API ({@code /__emulator}), which needs none. A refusal of the management API is a
 * {@link ManagementApiException} with the API's status, codes and messages. Instants the management API writes (a
 * gateway's {@code createdAt} and {@code modifiedAt}) are to the millisecond, as it writes them.
 *
 * <p>Thread-safe; holds no resources to close. Each call is one or a few blocking HTTP requests; one that cannot
 * reach the emulator, or gets no answer within 30 s (plus the wait it asked for), is an
 * {@link UncheckedIOException} naming the emulator's URL.
 */
public final class RemoteEmulator implements Emulator {

    private static final Logger LOG = Logs.getLogger(RemoteEmulator.class);
    private static final String CONTROL = "/__emulator";
    private static final Duration LONGEST_TAKE = Duration.ofMinutes(10);
    private static final int PAGE = 100;

    private final HttpTransport http;
    private final String accountId;
    private final String apiToken;
    private final RemoteClock clock;
    private final RemoteScripts scripts;
    private final RemoteReplies replies;

    private RemoteEmulator(HttpTransport http, String accountId, String apiToken) {
        this.http = http;
        this.accountId = accountId;
        this.apiToken = apiToken;
        this.clock = new RemoteClock(http);
        this.scripts = new RemoteScripts(http);
        this.replies = new RemoteReplies(http);
    }

    /**
     * Returns a client of the emulator at this base URL with the standalone emulator's default account and token
     * ({@link AiGatewayEmulator#DEFAULT_ACCOUNT_ID}, {@link AiGatewayEmulator#DEFAULT_API_TOKEN}); connects lazily.
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not an absolute http(s) URL
     */
    public static RemoteEmulator connect(String baseUrl) {
        return connect(baseUrl, AiGatewayEmulator.DEFAULT_ACCOUNT_ID, AiGatewayEmulator.DEFAULT_API_TOKEN);
    }

    /**
     * Returns a client of the emulator at this base URL (e.g. {@code http://localhost:8787}) that works on this
     * account with this API token (Read and Edit on it, for the gateway operations); connects lazily.
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not an absolute http(s) URL
     */
    public static RemoteEmulator connect(String baseUrl, String accountId, String apiToken) {
        return new RemoteEmulator(new HttpTransport(baseUrl), Objects.requireNonNull(accountId, "accountId"),
                Objects.requireNonNull(apiToken, "apiToken"));
    }

    /** Tells whether the emulator answers its health check ({@code GET /__emulator/health}); never throws. */
    public boolean isHealthy() {
        try {
            return http.send("GET", CONTROL + "/health", null, null).ok();
        } catch (UncheckedIOException | IllegalStateException e) {
            LOG.debug("The emulator at {} is not healthy", http.baseUrl(), e);
            return false;
        }
    }

    @Override
    public String baseUrl() {
        return http.baseUrl();
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public String apiToken() {
        return apiToken;
    }

    @Override
    public Gateway createGateway(String id, GatewaySettings settings) {
        ObjectNode body = Objects.requireNonNull(settings, "settings").toCreateBody(Objects.requireNonNull(id, "id"));
        return toGateway(management("POST", gatewaysPath(), body, id).get("result"));
    }

    @Override
    public Optional<Gateway> gateway(String id) {
        HttpTransport.Reply reply = http.send("GET", gatewaysPath() + "/" + HttpTransport.encode(
                Objects.requireNonNull(id, "id")), null, apiToken);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(toGateway(orManagementException(reply, id).get("result")));
    }

    @Override
    public List<Gateway> gateways() {
        List<Gateway> gateways = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = management("GET", gatewaysPath() + HttpTransport.query("per_page", String.valueOf(PAGE),
                    "page", String.valueOf(page)), null, null);
            answer.get("result").forEach(g -> gateways.add(toGateway(g)));
            if (answer.get("result").size() < PAGE
                    || gateways.size() >= answer.path("result_info").path("total_count").asInt()) {
                return gateways;
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Over HTTP this is {@code PUT /__emulator/gateways/{id}}: the management API's {@code PUT} keeps the
     * settings its body leaves out, where this replaces them.
     */
    @Override
    public Gateway updateGateway(String id, GatewaySettings settings) {
        ObjectNode body = Objects.requireNonNull(settings, "settings").toJson();
        HttpTransport.Reply reply = http.send("PUT", CONTROL + "/gateways/" + HttpTransport.encode(
                Objects.requireNonNull(id, "id")) + HttpTransport.query("account_id", accountId), body, null);
        return toGateway(orManagementException(reply, id).get("gateway"));
    }

    @Override
    public Gateway deleteGateway(String id) {
        return toGateway(management("DELETE", gatewaysPath() + "/" + HttpTransport.encode(
                Objects.requireNonNull(id, "id")), null, id).get("result"));
    }

    @Override
    public CustomProvider createCustomProvider(CustomProviderSettings settings) {
        ObjectNode body = Objects.requireNonNull(settings, "settings").toJson();
        return CustomProvider.fromJson(management("POST", customProvidersPath(), body, null).get("result"));
    }

    @Override
    public Optional<CustomProvider> customProvider(String id) {
        HttpTransport.Reply reply = http.send("GET", customProvidersPath() + "/" + HttpTransport.encode(
                Objects.requireNonNull(id, "id")), null, apiToken);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(CustomProvider.fromJson(orManagementException(reply, null).get("result")));
    }

    @Override
    public List<CustomProvider> customProviders() {
        List<CustomProvider> providers = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = management("GET", customProvidersPath() + HttpTransport.query("per_page",
                    String.valueOf(PAGE), "page", String.valueOf(page)), null, null);
            answer.get("result").forEach(p -> providers.add(CustomProvider.fromJson(p)));
            if (answer.get("result").size() < PAGE
                    || providers.size() >= answer.path("result_info").path("total_count").asInt()) {
                return List.copyOf(providers);
            }
        }
    }

    @Override
    public CustomProvider updateCustomProvider(String id, CustomProviderSettings settings) {
        ObjectNode body = Objects.requireNonNull(settings, "settings").toJson();
        return CustomProvider.fromJson(management("PATCH", customProvidersPath() + "/" + HttpTransport.encode(
                Objects.requireNonNull(id, "id")), body, null).get("result"));
    }

    @Override
    public CustomProvider deleteCustomProvider(String id) {
        return CustomProvider.fromJson(management("DELETE", customProvidersPath() + "/" + HttpTransport.encode(
                Objects.requireNonNull(id, "id")), null, null).get("result"));
    }

    private String customProvidersPath() {
        return "/client/v4/accounts/" + HttpTransport.encode(accountId) + "/ai-gateway/custom-providers";
    }

    @Override
    public List<LogEntry> logs(String gatewayId, LogQuery query) {
        dev.aigw.emulator.internal.management.LogQuery selection = Objects.requireNonNull(query, "query").toInternal();
        String filters = selection.filters().isEmpty() ? null : Json.text(LogFilterJson.render(selection.filters()));
        String search = selection.search().isEmpty() ? null : selection.search();
        return list(control("GET", "/logs/" + HttpTransport.encode(Objects.requireNonNull(gatewayId, "gatewayId"))
                + HttpTransport.query("account_id", accountId, "filters", filters, "search", search), null)
                .get("logs"), LogEntryJson::parse);
    }

    @Override
    public Evaluations evaluations() {
        return new Evaluations(new RemoteEvaluations(http, accountId, apiToken), accountId);
    }

    /** {@inheritDoc} Each call of the handle is one request to {@code /__emulator/replies}. */
    @Override
    public ReplyRules replies() {
        return new ReplyRules(replies, null);
    }

    /** {@inheritDoc} Each call of the handle is one request to {@code /__emulator/recordings}. */
    @Override
    public Recordings recordings() {
        return new Recordings(new RemoteRecordings(http));
    }

    /** {@inheritDoc} Each call of the handle is one request to {@code /__emulator/scanner}. */
    @Override
    public ContentScanner scanner() {
        return new ContentScanner(new RemoteScanner(http), null);
    }

    @Override
    public List<ReplyProblem> replyProblems() {
        return replies.problems();
    }

    /** {@inheritDoc} Each call is one request to {@code /__emulator/billing/{account_id}}. */
    @Override
    public Billing billing() {
        return new Billing(new RemoteBilling(http), accountId());
    }

    @Override
    public ProviderScript script(String provider) {
        scripts.requireProvider(Objects.requireNonNull(provider, "provider"));
        return new ProviderScript(scripts, new Scripts.Scope(provider, null, null));
    }

    @Override
    public List<PendingScript> pendingScripts() {
        return list(control("GET", "/scripts", null).get("scripts"), PendingScriptJson::parse);
    }

    @Override
    public RecordedRequest takeRequest() {
        return RecordedRequestJson.parse(control("POST", "/requests/take", Json.object()).get("request"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Over HTTP the emulator waits, up to ten minutes a call; a thread interrupted meanwhile may leave the request
     * the emulator then takes untaken by anyone.
     */
    @Override
    public RecordedRequest takeRequest(Duration realTimeout) throws InterruptedException {
        if (Objects.requireNonNull(realTimeout, "realTimeout").isNegative()) {
            throw new IllegalArgumentException("realTimeout must not be negative, got " + realTimeout);
        }
        Duration left = realTimeout;
        boolean several = realTimeout.compareTo(LONGEST_TAKE) > 0;
        while (true) {
            Duration wait = left.compareTo(LONGEST_TAKE) > 0 ? LONGEST_TAKE : left;
            long millis = wait.toMillis() + (wait.toNanosPart() % 1_000_000 == 0 ? 0 : 1);
            HttpTransport.Reply reply = http.send("POST", CONTROL + "/requests/take",
                    Json.object().put("timeout_ms", millis), null, wait);
            left = left.minus(wait);
            if (reply.ok() || reply.status() != 409 || left.isZero() && !several) {
                return RecordedRequestJson.parse(reply.orThrow().get("request"));
            }
            if (left.isZero()) {
                throw new IllegalStateException(Journal.nothingToTake(realTimeout, recordedRequests().size()));
            }
        }
    }

    @Override
    public List<RecordedRequest> recordedRequests() {
        return recordedRequests(null, null, null);
    }

    @Override
    public List<RecordedRequest> recordedRequests(String provider, String gatewayId, String testId) {
        return list(control("GET", "/requests" + HttpTransport.query("provider", provider, "gateway_id", gatewayId,
                "test_id", testId), null).get("requests"), RecordedRequestJson::parse);
    }

    @Override
    public List<Timeline> timelines() {
        return list(control("GET", "/timelines", null).get("timelines"), TimelineJson::parse);
    }

    /** Returns the control of the remote emulator's clock; each of its calls is one request. */
    @Override
    public ClockControl clock() {
        return clock;
    }

    @Override
    public void reset() {
        control("POST", "/reset", null);
    }

    @Override
    public Routes routes() {
        return new Routes(http, accountId, apiToken);
    }

    @Override
    public void routing(long seed, PercentageMode mode) {
        control("PUT", "/routing", Json.object().put("seed", seed)
                .put("percentage_mode", Objects.requireNonNull(mode, "mode").jsonName()));
    }

    @Override
    public String toString() {
        return "RemoteEmulator[" + baseUrl() + ", account " + accountId + "]";
    }

    @Override
    public ProviderConfig createProviderConfig(String gatewayId, NewProviderConfig config) {
        return ProviderConfigJson.parse(management("POST", providerConfigsPath(gatewayId),
                ProviderConfigJson.createBody(Objects.requireNonNull(config, "config")), gatewayId).get("result"));
    }

    @Override
    public List<ProviderConfig> providerConfigs(String gatewayId) {
        List<ProviderConfig> configs = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = management("GET", providerConfigsPath(gatewayId) + HttpTransport.query("per_page",
                    String.valueOf(PAGE), "page", String.valueOf(page)), null, gatewayId);
            answer.get("result").forEach(c -> configs.add(ProviderConfigJson.parse(c)));
            if (answer.get("result").size() < PAGE
                    || configs.size() >= answer.path("result_info").path("total_count").asInt()) {
                return configs;
            }
        }
    }

    @Override
    public ProviderConfig rotateProviderKey(String gatewayId, String configId, String secret) {
        return ProviderConfigJson.parse(management("PUT", providerConfigsPath(gatewayId) + "/" + HttpTransport.encode(
                Objects.requireNonNull(configId, "configId")),
                Json.object().put("secret", Objects.requireNonNull(secret, "secret")), null).get("result"));
    }

    @Override
    public ProviderConfig deleteProviderConfig(String gatewayId, String configId) {
        return ProviderConfigJson.parse(management("DELETE", providerConfigsPath(gatewayId) + "/"
                + HttpTransport.encode(Objects.requireNonNull(configId, "configId")), null, null).get("result"));
    }

    @Override
    public void putSecret(String secretId, String value) {
        control("PUT", "/secrets/" + HttpTransport.encode(Objects.requireNonNull(secretId, "secretId")),
                Json.object().put("value", value));
    }

    private String providerConfigsPath(String gatewayId) {
        return gatewaysPath() + "/" + HttpTransport.encode(Objects.requireNonNull(gatewayId, "gatewayId"))
                + "/provider_configs";
    }

    private String gatewaysPath() {
        return "/client/v4/accounts/" + HttpTransport.encode(accountId) + "/ai-gateway/gateways";
    }

    private JsonNode control(String method, String path, JsonNode body) {
        return http.send(method, CONTROL + path, body, null).orThrow();
    }

    private JsonNode management(String method, String path, JsonNode body, String gatewayId) {
        return orManagementException(http.send(method, path, body, apiToken), gatewayId);
    }

    /** Returns the body of a 2xx answer; turns an error envelope into the exception the in-process emulator throws. */
    private JsonNode orManagementException(HttpTransport.Reply reply, String gatewayId) {
        return ManagementApiException.bodyOrThrow(reply,
                gatewayId == null ? null : ManagementApiException.noSuchGateway(gatewayId, accountId));
    }

    private static Gateway toGateway(JsonNode json) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        json.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
        return new Gateway(json.get("id").textValue(), GatewaySettings.fromJson(members),
                Instant.parse(json.get("created_at").textValue()), Instant.parse(json.get("modified_at").textValue()),
                json.path("is_default").asBoolean(false));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> parse) {
        List<T> items = new ArrayList<>();
        array.forEach(item -> items.add(parse.apply(item)));
        return List.copyOf(items);
    }
}
