package dev.aigw.emulator.internal;

import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.auth.Credentials;
import dev.aigw.emulator.internal.billing.BillingAccounts;
import dev.aigw.emulator.internal.byok.ProviderConfigs;
import dev.aigw.emulator.internal.cache.ResponseCache;
import dev.aigw.emulator.internal.evaluation.EvaluationStore;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayStore;
import dev.aigw.emulator.internal.log.LogStore;
import dev.aigw.emulator.internal.provider.custom.CustomProviderStore;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.proxy.Ids;
import dev.aigw.emulator.internal.proxy.Journal;
import dev.aigw.emulator.internal.proxy.Timelines;
import dev.aigw.emulator.internal.proxy.Upstreams;
import dev.aigw.emulator.internal.ratelimit.RateLimiter;
import dev.aigw.emulator.internal.routing.Routing;
import dev.aigw.emulator.internal.recording.RecordingLibrary;
import dev.aigw.emulator.internal.guard.ScanBook;
import dev.aigw.emulator.internal.reply.ReplyBook;
import dev.aigw.emulator.internal.script.Scripts;
import dev.aigw.emulator.internal.spend.SpendLedger;
import dev.aigw.emulator.internal.time.ReadOnlyClockControl;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything one emulator instance knows: its configuration and its mutable state. Nothing here is
 * static, so emulators in one JVM share nothing.
 */
public final class EmulatorState {

    private final EmulatorSettings settings;
    private final Credentials credentials;
    private final GatewayStore gateways;
    private final Journal journal;
    private final Upstreams upstreams;
    private final Ids ids;
    private final ClockControl clockControl;
    private final Scripts scripts = new Scripts();
    private final ReplyBook replies;
    private final RecordingLibrary recordings;
    private final ScanBook scanner = new ScanBook();
    private final Timelines timelines;
    private final ProviderRegistry providers = ProviderRegistry.withBuiltIns();
    private final CustomProviderStore customProviders;
    private final ResponseCache cache;
    private final RateLimiter rateLimiter = new RateLimiter();
    private final LogStore logs = new LogStore();
    private final ProviderConfigs providerConfigs;
    private final EvaluationStore evaluations = new EvaluationStore();
    private final Routing routing;
    private final GatewayChanges gatewayChanges;
    private final BillingAccounts billing;
    private final SpendLedger spend = new SpendLedger();
    private final AtomicReference<String> baseUrl = new AtomicReference<>();
    private final SplittableRandom uuidRandom = new SplittableRandom();
    private volatile List<Seed.SeedGateway> declaredGateways = List.of();

    public EmulatorState(EmulatorSettings settings) {
        this.settings = settings;
        this.credentials = new Credentials(settings.tokens(), settings.globalApiKeys());
        this.gateways = new GatewayStore(settings.maxGatewaysPerAccount());
        this.journal = new Journal(settings.journalLimit(), settings.redactCredentials());
        this.providerConfigs = new ProviderConfigs(settings.requireSecretsStore());
        this.replies = new ReplyBook(settings.replyRules(), settings.strictReplies());
        this.recordings = new RecordingLibrary(settings.recordings(), settings.realUpstreams().keySet(), providers,
                replies::report);
        this.upstreams = new Upstreams(settings.realUpstreams(), settings.forwardCustomProviders(), providers, replies,
                settings.clock(), recordings);
        this.timelines = new Timelines(settings.journalLimit());
        this.ids = new Ids(settings.clock());
        this.clockControl = ReadOnlyClockControl.of(settings.clock());
        this.cache = new ResponseCache(settings.clock());
        this.customProviders = new CustomProviderStore(providers, cache::dropProvider);
        this.gatewayChanges = new GatewayChanges(cache, rateLimiter, logs, providerConfigs);
        this.routing = new Routing(settings.clock());
        this.billing = new BillingAccounts(settings.accountIds(), settings.clock(), this::newUuid);
    }

    public EmulatorSettings settings() {
        return settings;
    }

    public EmulatorClock clock() {
        return settings.clock();
    }

    /** Returns what a test does with this emulator's time: the clock itself when virtual, a read-only view if not. */
    public ClockControl clockControl() {
        return clockControl;
    }

    public Credentials credentials() {
        return credentials;
    }

    public GatewayStore gateways() {
        return gateways;
    }

    public Journal journal() {
        return journal;
    }

    public Upstreams upstreams() {
        return upstreams;
    }

    public Scripts scripts() {
        return scripts;
    }

    /** Returns the reply rules, strict mode and reply problems. */
    public ReplyBook replies() {
        return replies;
    }

    /** Returns the recordings of real upstream exchanges and each provider's recording mode. */
    public RecordingLibrary recordings() {
        return recordings;
    }

    /** Returns the fake content scanner that the gateways' Guardrails and DLP settings act on. */
    public ScanBook scanner() {
        return scanner;
    }

    public Timelines timelines() {
        return timelines;
    }

    public Ids ids() {
        return ids;
    }

    /** Returns the providers this emulator knows; more can be registered while it runs. */
    public ProviderRegistry providers() {
        return providers;
    }

    /** Returns the custom providers of every account (management-api-2.md 3). */
    public CustomProviderStore customProviders() {
        return customProviders;
    }

    /** Returns the gateways' cached responses. */
    public ResponseCache cache() {
        return cache;
    }

    /** Returns the gateways' rate-limit windows. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Returns the gateways' dynamic routes with their picker and counters. */
    public Routing routing() {
        return routing;
    }

    /** Returns the gateways' datasets and evaluations, and whether they are available. */
    public EvaluationStore evaluations() {
        return evaluations;
    }

    /** Returns the gateways' logs. */
    public LogStore logs() {
        return logs;
    }

    /** Returns what keeps caches, rate-limit windows and logs in step with gateway updates and deletions. */
    /** Returns the provider keys stored on gateways (BYOK) and the secrets behind them. */
    public ProviderConfigs providerConfigs() {
        return providerConfigs;
    }

    /** Returns the accounts' Unified Billing credits, top-ups and ledgers (management-api-2.md 6). */
    public BillingAccounts billing() {
        return billing;
    }

    /** Returns the costs the gateways' spend-limit rules count (proxy.md 6.5). */
    public SpendLedger spend() {
        return spend;
    }

    public GatewayChanges gatewayChanges() {
        return gatewayChanges;
    }

    public Set<String> accounts() {
        return settings.accountIds();
    }

    /** Returns the base URL once the server listens. */
    public String baseUrl() {
        String url = baseUrl.get();
        if (url == null) {
            throw new IllegalStateException("the emulator is not listening yet; call start() first");
        }
        return url;
    }

    public void listeningAt(String url) {
        baseUrl.set(url);
    }

    /** Returns a fresh random UUID v4 string, lower case (for ids that need no time order). */
    public String newUuid() {
        synchronized (uuidRandom) {
            long high = (uuidRandom.nextLong() & ~0xF000L) | 0x4000L;
            long low = (uuidRandom.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low).toString();
        }
    }

    /** Releases what outlives requests (the real-upstream client). */
    public void close() {
        upstreams.close();
    }

    /**
     * Creates the gateways declared up front (the builder's, the config file's), stamped with the clock's current
     * instant, and keeps them so that every {@link #reset()} creates them again.
     *
     * @throws dev.aigw.emulator.internal.api.ApiException if two share an id or they exceed the gateway limit
     */
    public void declareGateways(List<Seed.SeedGateway> declared) {
        declaredGateways = List.copyOf(declared);
        Instant now = clock().now();
        declaredGateways.forEach(g -> gateways.create(declared(g, now)));
    }

    private Gateway declared(Seed.SeedGateway g, Instant now) {
        return new Gateway(g.accountId(), g.id(), g.settings(), Gateway.DEFAULT_ID.equals(g.id()), now, now, newUuid());
    }

    /** Empties gateways and every other runtime state, then creates the declared gateways again; settings stay. */
    public void reset() {
        gateways.clear();
        customProviders.clear();
        journal.clear();
        scripts.clear();
        replies.reset();
        recordings.reset();
        scanner.reset();
        timelines.clear();
        cache.clear();
        rateLimiter.clear();
        logs.clear();
        providerConfigs.clear();
        routing.clear();
        evaluations.clear();
        billing.clear();
        spend.clear();
        Instant now = clock().now();
        // A request racing the reset may have auto-created a declared `default` already: it is kept.
        declaredGateways.forEach(g -> gateways.getOrCreate(g.accountId(), g.id(), () -> declared(g, now)));
    }
}
