package dev.aigw.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.BuilderAccess;
import dev.aigw.emulator.internal.EmulatorSettings;
import dev.aigw.emulator.internal.EmulatorState;
import dev.aigw.emulator.internal.FixedPorts;
import dev.aigw.emulator.internal.KnownProviderReplies;
import dev.aigw.emulator.internal.ScopeFilter;
import dev.aigw.emulator.internal.Seed;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.gateway.GatewayBodies;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.gateway.StoredSettings;
import dev.aigw.emulator.internal.management.CustomProviderEndpoints;
import dev.aigw.emulator.internal.management.LocalEvaluationCalls;
import dev.aigw.emulator.internal.remote.HttpTransport;
import dev.aigw.emulator.internal.management.GatewayOperations;
import dev.aigw.emulator.internal.management.ManagementContext;
import dev.aigw.emulator.internal.management.ProviderConfigOperations;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.proxy.Journal;
import dev.aigw.emulator.internal.reply.ReplyBook;
import dev.aigw.emulator.internal.script.Scripts;
import dev.aigw.emulator.internal.server.EmulatorServer;
import dev.aigw.emulator.internal.server.HandlerChain;
import dev.aigw.emulator.internal.server.Hints;
import dev.aigw.emulator.internal.server.InFlightRequests;
import dev.aigw.emulator.internal.server.Preloading;
import dev.aigw.emulator.internal.util.Logs;
import dev.aigw.emulator.internal.wire.PendingScriptJson;
import dev.aigw.emulator.internal.wire.ProviderConfigJson;
import dev.aigw.emulator.internal.wire.ReplyFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * An in-process emulator of Cloudflare AI Gateway: one HTTP server that serves the v4 management API
 * under {@code /client/v4}, the gateway proxy under {@code /v1} and its own control API under
 * {@code /__emulator}.
 *
 * <pre>{@code
 * try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
 *     String sdkBaseUrl = emulator.managementUrl();   // give this to a Cloudflare SDK
 *     String token = emulator.apiToken();
 * }
 * }</pre>
 *
 * <p>It implements {@link Emulator}, the operations a test uses, as {@link RemoteEmulator} does over HTTP for an
 * emulator running elsewhere. Thread-safe. Instances share nothing: many can run in one JVM, each on its own port.
 */
public final class AiGatewayEmulator implements Emulator, AutoCloseable {

    /** The account id every emulator knows unless told otherwise. */
    public static final String DEFAULT_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

    /** The value of the token created when the builder is given none: Read, Edit and Run on every account. */
    public static final String DEFAULT_API_TOKEN = "aigw-emulator-token";

    /** The default request body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** The default time a client has to send a request's headers, and again its body: 5 seconds. */
    public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = Logs.getLogger(AiGatewayEmulator.class);

    private enum Lifecycle { NEW, RUNNING, CLOSED }

    private final EmulatorSettings settings;
    private final boolean fixedPortAllowed;
    private final EmulatorState state;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final GatewayOperations gatewayOperations;
    private final ProviderConfigOperations providerConfigOperations;
    private final CustomProviderEndpoints customProviderOperations;
    private Lifecycle lifecycle = Lifecycle.NEW;
    private EmulatorServer server;
    private String baseUrl;

    private AiGatewayEmulator(EmulatorSettings settings, boolean fixedPortAllowed) {
        this.settings = settings;
        this.fixedPortAllowed = fixedPortAllowed;
        this.state = new EmulatorState(settings);
        this.gatewayOperations = new GatewayOperations(ManagementContext.of(state));
        this.providerConfigOperations = new ProviderConfigOperations(ManagementContext.of(state));
        this.customProviderOperations = new CustomProviderEndpoints(ManagementContext.of(state));
    }

    /** Returns a builder with the in-process defaults: 127.0.0.1, an ephemeral port, a virtual clock. */
    public static Builder builder() {
        Preloading.begin();
        return new Builder();
    }

    /** Starts listening; does nothing if already started. Returns this emulator. */
    public synchronized AiGatewayEmulator start() {
        if (lifecycle == Lifecycle.RUNNING) {
            return this;
        }
        if (lifecycle == Lifecycle.CLOSED) {
            throw new IllegalStateException("this emulator was closed; build a new one with AiGatewayEmulator.builder()");
        }
        FixedPorts.check(settings.port(), fixedPortAllowed);
        EmulatorServer newServer = new EmulatorServer(threadName(), settings.host(), settings.port(), settings.ioThreads(),
                settings.workerThreads(), settings.requestReadTimeout(), HandlerChain.build(state, inFlight));
        int port = newServer.start();
        server = newServer;
        baseUrl = "http://" + hostForUrl(settings.host()) + ":" + port;
        state.listeningAt(baseUrl);
        lifecycle = Lifecycle.RUNNING;
        LOG.debug("AI Gateway emulator listening at {} (account {})", baseUrl, settings.defaultAccountId());
        return this;
    }

    /** Stops the server, freeing its port and threads; does nothing if already closed. */
    @Override
    public synchronized void close() {
        if (lifecycle == Lifecycle.RUNNING) {
            inFlight.interruptAll();
            server.stop();
            server = null;
        }
        state.close();
        lifecycle = Lifecycle.CLOSED;
    }

    /** Tells whether the emulator is serving requests. */
    public synchronized boolean isRunning() {
        return lifecycle == Lifecycle.RUNNING;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the emulator is not started, or closed
     */
    @Override
    public synchronized String baseUrl() {
        requireRunning();
        return baseUrl;
    }

    /** Returns the port the emulator listens on. */
    public int port() {
        String url = baseUrl();
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** The request header that scopes scripts and the recorded requests to one test; never sent upstream. */
    public static final String TEST_ID_HEADER = EmulatorSettings.TEST_ID_HEADER;

    /**
     * The response header in which the gateway's own errors say what to do (the body stays exactly Cloudflare's);
     * {@link Builder#hints(boolean) hints(false)} leaves it out.
     */
    public static final String HINT_HEADER = Hints.HEADER;

    /** Returns the default account id. */
    @Override
    public String accountId() {
        return settings.defaultAccountId();
    }

    /** Returns the value of the default token, or of the first configured token if tokens were configured. */
    @Override
    public String apiToken() {
        return settings.tokens().get(0).value();
    }

    /**
     * Returns the control of this emulator's time: the {@link VirtualClock} it runs on (so casting to it works), or
     * on any other clock, such as {@link EmulatorClock#system()}, a control that reads the time and refuses changes.
     */
    @Override
    public ClockControl clock() {
        return state.clockControl();
    }

    /**
     * Returns the clock every time in this emulator comes from (the one given to {@link Builder#clock}), for code
     * that runs on the emulator's time, e.g. {@code OpenAiEmulatorClock.install(builder, emulator.emulatorClock())};
     * {@link #clock()} controls the same time.
     */
    public EmulatorClock emulatorClock() {
        return settings.clock();
    }

    @Override
    public RecordedRequest takeRequest() {
        return state.journal().take().orElseThrow(() -> new IllegalStateException(
                Journal.nothingToTake(null, state.journal().all().size())));
    }

    @Override
    public RecordedRequest takeRequest(Duration realTimeout) throws InterruptedException {
        if (Objects.requireNonNull(realTimeout, "realTimeout").isNegative()) {
            throw new IllegalArgumentException("realTimeout must not be negative, got " + realTimeout);
        }
        return state.journal().take(realTimeout).orElseThrow(() -> new IllegalStateException(
                Journal.nothingToTake(realTimeout, state.journal().all().size())));
    }

    @Override
    public List<RecordedRequest> recordedRequests() {
        return state.journal().all();
    }

    @Override
    public List<RecordedRequest> recordedRequests(String provider, String gatewayId, String testId) {
        ScopeFilter filter = new ScopeFilter(provider == null ? null : requireProvider(provider), gatewayId, testId);
        return state.journal().all().stream()
                .filter(r -> filter.matches(r.provider(), r.gatewayId(), r.testId())).toList();
    }

    @Override
    public ProviderScript script(String provider) {
        return new ProviderScript(state.scripts(), new Scripts.Scope(requireProvider(provider), null, null));
    }

    @Override
    public Evaluations evaluations() {
        return new Evaluations(new LocalEvaluationCalls(ManagementContext.of(state), accountId()), accountId());
    }

    @Override
    public Routes routes() {
        return new Routes(new HttpTransport(baseUrl()), accountId(), apiToken());
    }

    @Override
    public ReplyRules replies() {
        return new ReplyRules(new KnownProviderReplies(state.replies(), state.providers()), null);
    }

    @Override
    public Recordings recordings() {
        return new Recordings(state.recordings());
    }

    @Override
    public ContentScanner scanner() {
        return new ContentScanner(state.scanner(), null);
    }

    @Override
    public List<ReplyProblem> replyProblems() {
        return state.replies().problems();
    }

    @Override
    public Billing billing() {
        return new Billing(state.billing(), accountId());
    }

    @Override
    public List<PendingScript> pendingScripts() {
        return state.scripts().queued().stream().map(PendingScriptJson::pending).toList();
    }

    private String requireProvider(String provider) {
        Objects.requireNonNull(provider, "provider");
        if (!state.providers().names(provider)) {
            throw new IllegalArgumentException(state.providers().unknown(provider));
        }
        return provider;
    }

    @Override
    public List<Timeline> timelines() {
        return state.timelines().all();
    }

    @Override
    public Gateway createGateway(String id, GatewaySettings settings) {
        ObjectNode body = Objects.requireNonNull(settings, "settings").toCreateBody(Objects.requireNonNull(id, "id"));
        return gatewayCall(id, () -> gatewayOperations.create(accountId(), body));
    }

    @Override
    public Optional<Gateway> gateway(String id) {
        return gatewayOperations.find(accountId(), Objects.requireNonNull(id, "id")).map(AiGatewayEmulator::toGateway);
    }

    @Override
    public List<Gateway> gateways() {
        return gatewayOperations.list(accountId()).stream().map(AiGatewayEmulator::toGateway).toList();
    }

    @Override
    public Gateway updateGateway(String id, GatewaySettings settings) {
        ObjectNode body = Objects.requireNonNull(settings, "settings").toJson();
        return gatewayCall(Objects.requireNonNull(id, "id"), () -> gatewayOperations.replace(accountId(), id, body));
    }

    @Override
    public Gateway deleteGateway(String id) {
        return gatewayCall(Objects.requireNonNull(id, "id"), () -> gatewayOperations.delete(accountId(), id));
    }

    @Override
    public CustomProvider createCustomProvider(CustomProviderSettings settings) {
        ObjectNode body = Objects.requireNonNull(settings, "settings").toJson();
        return customProviderCall(() -> customProviderOperations.create(accountId(), body));
    }

    @Override
    public Optional<CustomProvider> customProvider(String id) {
        Objects.requireNonNull(id, "id");
        return customProviderOperations.list(accountId()).stream().filter(p -> p.id().equals(id)).findFirst()
                .map(p -> CustomProvider.fromJson(p.toJson()));
    }

    @Override
    public List<CustomProvider> customProviders() {
        return customProviderOperations.list(accountId()).stream().map(p -> CustomProvider.fromJson(p.toJson()))
                .toList();
    }

    @Override
    public CustomProvider updateCustomProvider(String id, CustomProviderSettings settings) {
        ObjectNode body = Objects.requireNonNull(settings, "settings").toJson();
        return customProviderCall(() -> customProviderOperations.update(accountId(), Objects.requireNonNull(id, "id"),
                body));
    }

    @Override
    public CustomProvider deleteCustomProvider(String id) {
        return customProviderCall(() -> customProviderOperations.delete(accountId(), Objects.requireNonNull(id, "id")));
    }

    private CustomProvider customProviderCall(
            Supplier<dev.aigw.emulator.internal.provider.custom.CustomProvider> call) {
        try {
            return CustomProvider.fromJson(call.get().toJson());
        } catch (ApiException e) {
            throw ManagementApiException.of(e, e.status() == 404
                    ? "customProviders() lists the custom providers of account " + accountId() : null);
        }
    }

    @Override
    public List<LogEntry> logs(String gatewayId, LogQuery query) {
        dev.aigw.emulator.internal.management.LogQuery selection = Objects.requireNonNull(query, "query").toInternal();
        return gatewayOperations.logs(accountId(), Objects.requireNonNull(gatewayId, "gatewayId"), selection::matches);
    }

    /**
     * Empties gateways, logs, caches, rate-limit windows, scripts and every other runtime state, then creates the
     * gateways declared up front ({@link Builder#gateway(String, GatewaySettings)}) again, as new; accounts,
     * tokens and the clock stay.
     */
    @Override
    public void reset() {
        state.reset();
    }

    @Override
    public ProviderConfig createProviderConfig(String gatewayId, NewProviderConfig config) {
        ObjectNode body = ProviderConfigJson.createBody(Objects.requireNonNull(config, "config"));
        return providerConfigCall(gatewayId, true, () -> providerConfigOperations.create(accountId(), gatewayId, body));
    }

    @Override
    public List<ProviderConfig> providerConfigs(String gatewayId) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        try {
            return providerConfigOperations.list(accountId(), gatewayId).stream()
                    .map(c -> ProviderConfigJson.parse(c.toJson())).toList();
        } catch (ApiException e) {
            throw ManagementApiException.of(e, ManagementApiException.noSuchGateway(gatewayId, accountId()));
        }
    }

    @Override
    public ProviderConfig rotateProviderKey(String gatewayId, String configId, String secret) {
        ObjectNode body = Json.object().put("secret", Objects.requireNonNull(secret, "secret"));
        return providerConfigCall(gatewayId, false, () -> providerConfigOperations.rotate(accountId(), gatewayId,
                Objects.requireNonNull(configId, "configId"), body));
    }

    @Override
    public ProviderConfig deleteProviderConfig(String gatewayId, String configId) {
        return providerConfigCall(gatewayId, false, () -> providerConfigOperations.delete(accountId(), gatewayId,
                Objects.requireNonNull(configId, "configId")));
    }

    @Override
    public void putSecret(String secretId, String value) {
        try {
            providerConfigOperations.putSecret(secretId, Json.object().put("value", value));
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Runs a provider-config operation; a 404 names the gateway as missing when only the gateway can be. */
    private ProviderConfig providerConfigCall(String gatewayId, boolean onlyGatewayMissing,
                                              Supplier<dev.aigw.emulator.internal.byok.StoredProviderConfig> call) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        try {
            return ProviderConfigJson.parse(call.get().toJson());
        } catch (ApiException e) {
            throw ManagementApiException.of(e, e.status() == 404 && onlyGatewayMissing
                    ? ManagementApiException.noSuchGateway(gatewayId, accountId()) : null);
        }
    }

    @Override
    public void routing(long seed, PercentageMode mode) {
        state.routing().splits().configure(seed, java.util.Objects.requireNonNull(mode, "mode").jsonName());
    }

    private Gateway gatewayCall(String id, Supplier<dev.aigw.emulator.internal.gateway.Gateway> call) {
        try {
            return toGateway(call.get());
        } catch (ApiException e) {
            throw ManagementApiException.of(e, e.status() == 404 ? ManagementApiException.noSuchGateway(id, accountId())
                    : null);
        }
    }

    private static Gateway toGateway(dev.aigw.emulator.internal.gateway.Gateway gateway) {
        return new Gateway(gateway.id(), GatewaySettings.fromJson(gateway.settings().members()), gateway.createdAt(),
                gateway.modifiedAt(), gateway.isDefault());
    }

    /** Returns the prefix of this emulator's server thread names, unique among live emulators. */
    String threadName() {
        return "aigw-emulator@" + Integer.toHexString(System.identityHashCode(this));
    }

    private void requireRunning() {
        if (lifecycle == Lifecycle.NEW) {
            throw new IllegalStateException("the emulator is not started; call start() first");
        }
        if (lifecycle == Lifecycle.CLOSED) {
            throw new IllegalStateException("the emulator is closed; build a new one with AiGatewayEmulator.builder()");
        }
    }

    private static String hostForUrl(String host) {
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return "AiGatewayEmulator[" + (baseUrl == null ? lifecycle : baseUrl) + "]";
    }

    /** Configures an {@link AiGatewayEmulator}; every setting has a default that suits in-process tests. */
    public static final class Builder {

        private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

        private String host = "127.0.0.1";
        private int port;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private final Set<String> extraAccounts = new LinkedHashSet<>();
        private final List<ApiToken> tokens = new ArrayList<>();
        private final List<GlobalApiKey> globalApiKeys = new ArrayList<>();
        private EmulatorClock clock;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxGatewaysPerAccount;
        private boolean legacyGatewayFields;
        private int ioThreads = 1;
        private int workerThreads = 32;
        private final Map<String, String> realUpstreams = new LinkedHashMap<>();
        private boolean forwardCustomProviders;
        private boolean redactCredentials;
        private boolean requireSecretsStore;
        private int journalLimit = 10_000;
        private Seed seed = Seed.EMPTY;
        private boolean hints = true;
        private Duration requestReadTimeout = DEFAULT_REQUEST_READ_TIMEOUT;
        private boolean fixedPortAllowed;
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private final List<ReplyRule> replyRules = new ArrayList<>();
        private boolean strictReplies;
        private final Map<String, StoredSettings> declaredGateways = new LinkedHashMap<>();
        private RecordingSettings recordings;

        static {
            // No public method takes a Seed (the standalone config file's) or opts in to a fixed port (tests).
            BuilderAccess.install(new BuilderAccess.Operations() {
                @Override
                public void seed(Builder builder, Seed seed) {
                    builder.seed = Objects.requireNonNull(seed, "seed");
                }

                @Override
                public void allowFixedPort(Builder builder) {
                    builder.fixedPortAllowed = true;
                }
            });
        }

        private Builder() {
        }

        /** Sets the address to bind; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Sets the port to bind; default 0, an ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Sets the default account id; default {@link #DEFAULT_ACCOUNT_ID}. */
        public Builder accountId(String accountId) {
            this.accountId = checkAccountId(accountId);
            return this;
        }

        /** Adds another account the emulator knows, besides the default one. */
        public Builder account(String accountId) {
            extraAccounts.add(checkAccountId(accountId));
            return this;
        }

        /** Adds an accepted API token; once any is added, the default token is not created. */
        public Builder token(ApiToken token) {
            tokens.add(Objects.requireNonNull(token, "token"));
            return this;
        }

        /** Adds an accepted legacy {@code X-Auth-Email}/{@code X-Auth-Key} pair. */
        public Builder globalApiKey(GlobalApiKey key) {
            globalApiKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** Sets the clock that stamps and times everything; default a new {@link VirtualClock}. */
        public Builder clock(EmulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the largest request body accepted, in bytes; larger ones get 413. Default 1 MiB. */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxBodyBytes must be from 1 to 2 GiB, got " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Limits the gateways per account (Cloudflare: 10 free, 20 paid); default 0, no limit. */
        public Builder maxGatewaysPerAccount(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxGatewaysPerAccount must be >= 0 (0 = no limit), got " + max);
            }
            this.maxGatewaysPerAccount = max;
            return this;
        }

        /**
         * Makes gateways carry {@code account_id}, {@code account_tag} and {@code internal_id}, which the
         * official schema listed until 2026-03; default off.
         */
        public Builder legacyGatewayFields(boolean include) {
            this.legacyGatewayFields = include;
            return this;
        }

        /**
         * Sets the number of I/O threads; default 1, which starts fastest. Data-plane requests that need not wait (a
         * fake provider, nothing scripted) are served on these threads, so under load from many clients at once
         * more of them use more cores.
         */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 1) {
                throw new IllegalArgumentException("ioThreads must be >= 1, got " + ioThreads);
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /**
         * Sets the number of worker threads, which bounds how many requests that wait (on the clock, a real
         * upstream, a stream) are served at once, and how many management and control requests; default 32.
         */
        public Builder workerThreads(int workerThreads) {
            if (workerThreads < 1) {
                throw new IllegalArgumentException("workerThreads must be >= 1, got " + workerThreads);
            }
            this.workerThreads = workerThreads;
            return this;
        }

        /**
         * Points a provider at a real server instead of its built-in fake: attempts go to
         * {@code baseUrl + the real provider's path}, e.g. {@code http://127.0.0.1:9000/v1/chat/completions}
         * for {@code openai}, with the method, headers, query and body the gateway would send.
         */
        public Builder upstream(String provider, String baseUrl) {
            Objects.requireNonNull(provider, "provider");
            java.net.URI uri = java.net.URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("upstream base URL must be an absolute http(s) URL, got: " + baseUrl);
            }
            realUpstreams.put(provider, baseUrl);
            return this;
        }

        /**
         * Sets whether requests to a custom provider ({@code custom-{slug}/...}) go over the network to its HTTPS
         * {@code base_url}; default {@code false}: the generic OpenAI-compatible fake answers them, and the journal
         * records the URL they would have gone to (option {@code custom_providers.forward}).
         */
        public Builder forwardCustomProviders(boolean forward) {
            this.forwardCustomProviders = forward;
            return this;
        }

        /**
         * Records stored keys and request keys in the journal as previews ({@code sk-...abcd}) instead of in full
         * (option {@code journal.redact_credentials}, management-api-2.md 2.4); off by default, since a test owns
         * its fake keys and asserts which one went upstream. The upstream still gets the full key.
         */
        public Builder redactCredentials(boolean redact) {
            this.redactCredentials = redact;
            return this;
        }

        /**
         * Refuses a provider config on a gateway without {@code store_id} with 400/7001 {@code Gateway has no
         * Secrets Store configured} (management-api-2.md 2.2's strict setting); off by default, when such a gateway
         * uses an implicit per-account store.
         */
        public Builder requireSecretsStore(boolean require) {
            this.requireSecretsStore = require;
            return this;
        }

        /** Sets how many upstream attempts the journal keeps (oldest dropped first); default 10,000. */
        public Builder journalLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("journalLimit must be >= 1, got " + limit);
            }
            this.journalLimit = limit;
            return this;
        }

        /**
         * Sets whether the gateway's own errors (an unknown gateway, account or provider, a missing or wrong
         * {@code cf-aig-authorization}) carry a {@link AiGatewayEmulator#HINT_HEADER} that says what to do; default
         * on. Off, responses carry only Cloudflare's headers, for tests that compare them; the hints are still logged
         * at DEBUG.
         */
        public Builder hints(boolean hints) {
            this.hints = hints;
            return this;
        }

        /**
         * Sets how long a client has to send a request's headers, and then again its whole body; default
         * {@link #DEFAULT_REQUEST_READ_TIMEOUT 5 seconds}. A client that takes longer loses its connection, so that
         * slow or stalled clients hold no thread and no connection for long. This is real time, whatever the clock:
         * the network is not virtual.
         */
        public Builder requestReadTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("requestReadTimeout must be from 1 ms to 1 day, got " + timeout);
            }
            this.requestReadTimeout = timeout;
            return this;
        }

        /**
         * Adds host names (or addresses) the control API answers besides loopback ({@code localhost},
         * {@code *.localhost}, {@code 127.0.0.0/8}, {@code ::1}) and the bound address, for a setup that reaches the
         * emulator by another name, such as a container's network alias; {@code "*"} allows any host. The control API
         * refuses other {@code Host} headers with 403, so that no web page can reach it through DNS rebinding.
         *
         * @throws IllegalArgumentException if a name is blank or holds a port, a path or white space
         */
        public Builder allowedHosts(String... hosts) {
            for (String host : hosts) {
                Objects.requireNonNull(host, "host");
                if (!dev.aigw.emulator.internal.server.OriginPolicy.isHostForm(host)) {
                    throw new IllegalArgumentException("an allowed host is a host name or address without port or"
                            + " path (\"my-alias\", \"10.0.0.5\", \"[fd00::1]\", or \"*\" for any), got: \"" + host
                            + "\"");
                }
                allowedHosts.add(host);
            }
            return this;
        }

        /**
         * Declares a gateway of the default account with {@link GatewaySettings#defaults()}: the emulator has it from
         * the start, and {@link AiGatewayEmulator#reset()} creates it again.
         *
         * @throws ManagementApiException if the management API would refuse to create it (the id, 400/7001)
         * @throws IllegalArgumentException if a gateway with that id is declared already
         */
        public Builder gateway(String id) {
            return gateway(id, GatewaySettings.defaults());
        }

        /**
         * Declares a gateway of the default account with these settings: the emulator has it from the start, and
         * {@link AiGatewayEmulator#reset()} creates it again. Validated here as {@code POST /gateways} is.
         *
         * @throws ManagementApiException if the management API would refuse to create it, with one error for each
         *     invalid field
         * @throws IllegalArgumentException if a gateway with that id is declared already
         */
        public Builder gateway(String id, GatewaySettings settings) {
            Objects.requireNonNull(id, "id");
            ObjectNode body = Objects.requireNonNull(settings, "settings").toCreateBody(id);
            GatewayBodies.NewGateway valid;
            try {
                valid = GatewayBodies.forCreate(body);
            } catch (ApiException e) {
                throw ManagementApiException.of(e, "in the gateway declared as \"" + id + "\"");
            }
            if (declaredGateways.putIfAbsent(id, valid.settings()) != null) {
                throw new IllegalArgumentException("the gateway \"" + id + "\" is declared twice; declare each"
                        + " gateway once");
            }
            return this;
        }

        /**
         * Adds reply rules the emulator starts with and keeps through {@link AiGatewayEmulator#reset()} (see
         * {@link ReplyRules}); rules a test adds at run time go through {@link AiGatewayEmulator#replies()}.
         *
         * @throws IllegalArgumentException if a rule names a provider the emulator does not know
         */
        public Builder replyRules(ReplyRule... rules) {
            KnownProviderReplies check = new KnownProviderReplies(new ReplyBook(), ProviderRegistry.withBuiltIns());
            for (ReplyRule rule : rules) {
                check.add(Objects.requireNonNull(rule, "rule"));
                replyRules.add(rule);
            }
            return this;
        }

        /**
         * Adds the reply rules of a fixture directory, as {@link #replyRules} does: every {@code *.json} file directly
         * in it, in file-name order, each one rule or {@code {"rules": [...]}} in the JSON form of
         * {@code docs/replies.md}. The files are read now.
         *
         * @throws IllegalArgumentException if the directory cannot be read, holds no {@code *.json} file, or a file
         *     is not valid; the message lists every problem with its file and the JSON path of the bad member
         */
        public Builder replyFixtures(Path directory) {
            replyRules.addAll(ReplyFixtures.load(Objects.requireNonNull(directory, "directory"),
                    ProviderRegistry.withBuiltIns()));
            return this;
        }

        /**
         * Sets whether replies are strict from the start: a chat request no reply rule matches gets the provider's
         * 400 error and is a {@link ReplyProblem}; default {@code false}.
         */
        public Builder strictReplies(boolean strict) {
            this.strictReplies = strict;
            return this;
        }

        /**
         * Keeps exchanges with real providers as files and replays them offline (see {@link RecordingSettings}); the
         * system property {@value RecordingSettings#MODE_PROPERTY}, else the environment variable
         * {@value RecordingSettings#MODE_VARIABLE}, overrides the modes (e.g. {@code record-missing} or
         * {@code openai=record}), so that CI replays and a developer re-records with one switch. The files are read
         * when the emulator is built.
         */
        public Builder recordings(RecordingSettings recordings) {
            this.recordings = Objects.requireNonNull(recordings, "recordings");
            return this;
        }

        /** Builds an emulator that is not yet listening; call {@link AiGatewayEmulator#start()}. */
        public AiGatewayEmulator build() {
            Set<String> accounts = new LinkedHashSet<>();
            accounts.add(accountId);
            accounts.addAll(extraAccounts);
            List<ApiToken> effectiveTokens = tokens.isEmpty()
                    ? List.of(new ApiToken(DEFAULT_API_TOKEN, accounts, EnumSet.allOf(Permission.class)))
                    : tokens;
            EmulatorClock effectiveClock = clock != null ? clock : VirtualClock.create();
            AiGatewayEmulator emulator = new AiGatewayEmulator(new EmulatorSettings(host, port, accountId, accounts,
                    effectiveTokens, globalApiKeys, effectiveClock, maxBodyBytes, maxGatewaysPerAccount,
                    legacyGatewayFields, ioThreads, workerThreads, realUpstreams, journalLimit, hints,
                    requestReadTimeout, allowedHosts, replyRules, strictReplies, forwardCustomProviders,
                    switchedRecordings(), redactCredentials, requireSecretsStore), fixedPortAllowed);
            List<Seed.SeedGateway> gateways = new ArrayList<>(seed.gateways());
            declaredGateways.forEach((id, gatewaySettings) ->
                    gateways.add(new Seed.SeedGateway(accountId, id, gatewaySettings)));
            try {
                new Seed(gateways, seed.scripts()).applyTo(emulator.state);
            } catch (ApiException e) {
                throw new IllegalArgumentException("the declared gateways or the seed do not fit this emulator: "
                        + e.getMessage(), e);
            }
            return emulator;
        }

        private RecordingSettings switchedRecordings() {
            if (recordings == null) {
                return null;
            }
            String property = System.getProperty(RecordingSettings.MODE_PROPERTY);
            String modes = property != null && !property.isBlank() ? property
                    : System.getenv(RecordingSettings.MODE_VARIABLE);
            return modes == null || modes.isBlank() ? recordings : recordings.withModes(modes);
        }

        private static String checkAccountId(String accountId) {
            if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
                throw new IllegalArgumentException(
                        "account id must be 1 to 64 letters, digits, '-' or '_' (Cloudflare uses 32 lower-case hex"
                                + " characters), got: " + accountId);
            }
            return accountId;
        }
    }
}
