package dev.aigw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.wire.GatewaySettingsJson;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds every setting of a gateway, one per field of the management API's gateway object, as an immutable value;
 * a setting not given keeps the value a gateway created in the dashboard gets ({@link #defaults()}).
 *
 * <pre>{@code
 * GatewaySettings settings = GatewaySettings.builder()
 *         .authentication(true)
 *         .cacheTtl(Duration.ofMinutes(5))
 *         .rateLimitingLimit(100).rateLimitingInterval(Duration.ofMinutes(1))
 *         .retryMaxAttempts(3).retryDelay(Duration.ofMillis(500)).retryBackoff(GatewaySettings.Backoff.EXPONENTIAL)
 *         .build();
 * }</pre>
 *
 * <p>Values are checked when a gateway is created or updated with them, by the management API's own validation
 * and with its messages (a retry count of 6 is refused there, not here). Optional settings are empty until given;
 * giving {@code null} empties them again. The nested objects {@code dlp}, {@code guardrails}, {@code otel},
 * {@code spend_limits} and {@code stripe} are given as JSON text in the API's shape.
 */
public final class GatewaySettings {

    /** Lists the ways rate-limit windows move ({@code rate_limiting_technique}). */
    public enum RateLimitingTechnique {
        /** Windows aligned to the epoch. */
        FIXED,
        /** A window that ends at each request. */
        SLIDING
    }

    /** Lists what a gateway may do when its log store is full ({@code log_management_strategy}). */
    public enum LogManagementStrategy {
        /** Stops writing new entries. */
        STOP_INSERTING,
        /** Drops the oldest entries to make room. */
        DELETE_OLDEST
    }

    /** Lists the ways the delay grows between retries ({@code retry_backoff}). */
    public enum Backoff {
        /** The same delay before every retry. */
        CONSTANT,
        /** The delay times the retry's number. */
        LINEAR,
        /** The delay doubled for each retry. */
        EXPONENTIAL
    }

    /** Lists the ways Workers AI calls through the gateway are billed ({@code workers_ai_billing_mode}). */
    public enum WorkersAiBillingMode {
        /** Billed to the account afterwards. */
        POSTPAID,
        /** Paid from Unified Billing credits. */
        UNIFIED
    }

    private static final GatewaySettings DEFAULTS = new Builder().build();

    private final boolean authentication;
    private final boolean collectLogs;
    private final Integer logManagement;
    private final LogManagementStrategy logManagementStrategy;
    private final Boolean logClassification;
    private final boolean logpush;
    private final String logpushPublicKey;
    private final Duration cacheTtl;
    private final boolean cacheInvalidateOnUpdate;
    private final long rateLimitingLimit;
    private final Duration rateLimitingInterval;
    private final RateLimitingTechnique rateLimitingTechnique;
    private final Integer retryMaxAttempts;
    private final Duration retryDelay;
    private final Backoff retryBackoff;
    private final WorkersAiBillingMode workersAiBillingMode;
    private final boolean zdr;
    private final boolean byokOnly;
    private final String storeId;
    private final String dlp;
    private final String guardrails;
    private final String otel;
    private final String spendLimits;
    private final String stripe;

    private GatewaySettings(Builder b) {
        authentication = b.authentication;
        collectLogs = b.collectLogs;
        logManagement = b.logManagement;
        logManagementStrategy = b.logManagementStrategy;
        logClassification = b.logClassification;
        logpush = b.logpush;
        logpushPublicKey = b.logpushPublicKey;
        cacheTtl = b.cacheTtl;
        cacheInvalidateOnUpdate = b.cacheInvalidateOnUpdate;
        rateLimitingLimit = b.rateLimitingLimit;
        rateLimitingInterval = b.rateLimitingInterval;
        rateLimitingTechnique = b.rateLimitingTechnique;
        retryMaxAttempts = b.retryMaxAttempts;
        retryDelay = b.retryDelay;
        retryBackoff = b.retryBackoff;
        workersAiBillingMode = b.workersAiBillingMode;
        zdr = b.zdr;
        byokOnly = b.byokOnly;
        storeId = b.storeId;
        dlp = b.dlp;
        guardrails = b.guardrails;
        otel = b.otel;
        spendLimits = b.spendLimits;
        stripe = b.stripe;
    }

    /**
     * Returns what a gateway created in the dashboard gets: logs collected, caching off (TTL 0, no invalidation
     * on update), rate limiting off (limit 0, interval 0, fixed), authentication off, no logpush, no retries,
     * billing postpaid, no zero data retention, nothing else set.
     */
    public static GatewaySettings defaults() {
        return DEFAULTS;
    }

    /** Returns a builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from these settings, to change some of them. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** Tells whether the data plane requires {@code cf-aig-authorization} ({@code authentication}). */
    public boolean authentication() {
        return authentication;
    }

    /** Tells whether requests are logged ({@code collect_logs}). */
    public boolean collectLogs() {
        return collectLogs;
    }

    /** Returns how many log entries the gateway keeps ({@code log_management}), if set. */
    public Optional<Integer> logManagement() {
        return Optional.ofNullable(logManagement);
    }

    /** Returns what a full log store does ({@code log_management_strategy}), if set. */
    public Optional<LogManagementStrategy> logManagementStrategy() {
        return Optional.ofNullable(logManagementStrategy);
    }

    /** Returns whether logs are classified ({@code log_classification}), if set. */
    public Optional<Boolean> logClassification() {
        return Optional.ofNullable(logClassification);
    }

    /** Tells whether logs are pushed to Logpush ({@code logpush}). */
    public boolean logpush() {
        return logpush;
    }

    /** Returns the RSA public key in PEM that Logpush encrypts with ({@code logpush_public_key}), if set. */
    public Optional<String> logpushPublicKey() {
        return Optional.ofNullable(logpushPublicKey);
    }

    /** Returns how long responses stay cached ({@code cache_ttl}); zero when caching is off. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** Tells whether an update of the gateway drops its cached responses ({@code cache_invalidate_on_update}). */
    public boolean cacheInvalidateOnUpdate() {
        return cacheInvalidateOnUpdate;
    }

    /** Returns how many requests a window lets through ({@code rate_limiting_limit}); 0 when rate limiting is off. */
    public long rateLimitingLimit() {
        return rateLimitingLimit;
    }

    /** Returns the rate-limit window ({@code rate_limiting_interval}); zero when rate limiting is off. */
    public Duration rateLimitingInterval() {
        return rateLimitingInterval;
    }

    /** Returns how rate-limit windows move ({@code rate_limiting_technique}). */
    public RateLimitingTechnique rateLimitingTechnique() {
        return rateLimitingTechnique;
    }

    /** Returns how many attempts a request gets, 1 to 5 ({@code retry_max_attempts}), if retries are set. */
    public Optional<Integer> retryMaxAttempts() {
        return Optional.ofNullable(retryMaxAttempts);
    }

    /** Returns the base delay between attempts, up to 60 s ({@code retry_delay}), if set. */
    public Optional<Duration> retryDelay() {
        return Optional.ofNullable(retryDelay);
    }

    /** Returns how the delay grows between retries ({@code retry_backoff}), if set. */
    public Optional<Backoff> retryBackoff() {
        return Optional.ofNullable(retryBackoff);
    }

    /** Returns how Workers AI calls are billed ({@code workers_ai_billing_mode}). */
    public WorkersAiBillingMode workersAiBillingMode() {
        return workersAiBillingMode;
    }

    /** Tells whether Zero Data Retention is on ({@code zdr}). */
    public boolean zdr() {
        return zdr;
    }

    /**
     * Tells whether third-party requests must bring a provider key or find one stored on the gateway
     * ({@code byok_only}, "Require provider credentials"): Unified Billing is then never the fallback and a
     * request without a credential is refused with 400/2040. Workers AI requests are exempt.
     */
    public boolean byokOnly() {
        return byokOnly;
    }

    /** Returns the Secrets Store id of the gateway's provider keys ({@code store_id}), if set. */
    public Optional<String> storeId() {
        return Optional.ofNullable(storeId);
    }

    /** Returns the Data Loss Prevention config ({@code dlp}) as compact JSON text, if set. */
    public Optional<String> dlp() {
        return Optional.ofNullable(dlp);
    }

    /** Returns the guardrails ({@code guardrails}) as compact JSON text, if set. */
    public Optional<String> guardrails() {
        return Optional.ofNullable(guardrails);
    }

    /** Returns the OpenTelemetry export targets ({@code otel}) as compact JSON text, if set. */
    public Optional<String> otel() {
        return Optional.ofNullable(otel);
    }

    /** Returns the spend limits ({@code spend_limits}) as compact JSON text, if set. */
    public Optional<String> spendLimits() {
        return Optional.ofNullable(spendLimits);
    }

    /** Returns the Stripe usage reporting config ({@code stripe}) as compact JSON text, if set. */
    public Optional<String> stripe() {
        return Optional.ofNullable(stripe);
    }

    /** Returns these settings as the members of a create body, without the id; unset optional settings are absent. */
    ObjectNode toJson() {
        return GatewaySettingsJson.render(this);
    }

    /** Returns a create body: the id, then these settings. */
    ObjectNode toCreateBody(String id) {
        return GatewaySettingsJson.createBody(id, this);
    }

    /** Reads the settings a gateway stores, as the API renders them; a {@code null} member reads as unset. */
    static GatewaySettings fromJson(Map<String, JsonNode> members) {
        return GatewaySettingsJson.parse(members);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewaySettings other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    /** Returns the settings as the JSON members of the API's gateway object. */
    @Override
    public String toString() {
        return "GatewaySettings" + Json.text(toJson());
    }

    /**
     * Builds {@link GatewaySettings}, starting from {@link GatewaySettings#defaults()}; each method sets the
     * gateway field named in its description. Not thread-safe.
     */
    public static final class Builder {

        private boolean authentication;
        private boolean collectLogs = true;
        private Integer logManagement;
        private LogManagementStrategy logManagementStrategy;
        private Boolean logClassification;
        private boolean logpush;
        private String logpushPublicKey;
        private Duration cacheTtl = Duration.ZERO;
        private boolean cacheInvalidateOnUpdate;
        private long rateLimitingLimit;
        private Duration rateLimitingInterval = Duration.ZERO;
        private RateLimitingTechnique rateLimitingTechnique = RateLimitingTechnique.FIXED;
        private Integer retryMaxAttempts;
        private Duration retryDelay;
        private Backoff retryBackoff;
        private WorkersAiBillingMode workersAiBillingMode = WorkersAiBillingMode.POSTPAID;
        private boolean zdr;
        private boolean byokOnly;
        private String storeId;
        private String dlp;
        private String guardrails;
        private String otel;
        private String spendLimits;
        private String stripe;

        private Builder() {
        }

        private Builder(GatewaySettings s) {
            authentication = s.authentication;
            collectLogs = s.collectLogs;
            logManagement = s.logManagement;
            logManagementStrategy = s.logManagementStrategy;
            logClassification = s.logClassification;
            logpush = s.logpush;
            logpushPublicKey = s.logpushPublicKey;
            cacheTtl = s.cacheTtl;
            cacheInvalidateOnUpdate = s.cacheInvalidateOnUpdate;
            rateLimitingLimit = s.rateLimitingLimit;
            rateLimitingInterval = s.rateLimitingInterval;
            rateLimitingTechnique = s.rateLimitingTechnique;
            retryMaxAttempts = s.retryMaxAttempts;
            retryDelay = s.retryDelay;
            retryBackoff = s.retryBackoff;
            workersAiBillingMode = s.workersAiBillingMode;
            zdr = s.zdr;
            byokOnly = s.byokOnly;
            storeId = s.storeId;
            dlp = s.dlp;
            guardrails = s.guardrails;
            otel = s.otel;
            spendLimits = s.spendLimits;
            stripe = s.stripe;
        }

        /** Sets whether the data plane requires {@code cf-aig-authorization} ({@code authentication}; default off). */
        public Builder authentication(boolean authentication) {
            this.authentication = authentication;
            return this;
        }

        /** Sets whether requests are logged ({@code collect_logs}; default true). */
        public Builder collectLogs(boolean collectLogs) {
            this.collectLogs = collectLogs;
            return this;
        }

        /** Sets how many log entries the gateway keeps, 10,000 to 10,000,000 ({@code log_management}); null unsets. */
        public Builder logManagement(Integer maxEntries) {
            this.logManagement = maxEntries;
            return this;
        }

        /** Sets what a full log store does ({@code log_management_strategy}); null unsets. */
        public Builder logManagementStrategy(LogManagementStrategy strategy) {
            this.logManagementStrategy = strategy;
            return this;
        }

        /** Sets whether logs are classified ({@code log_classification}); null unsets. */
        public Builder logClassification(Boolean logClassification) {
            this.logClassification = logClassification;
            return this;
        }

        /** Sets whether logs are pushed to Logpush ({@code logpush}; default false). */
        public Builder logpush(boolean logpush) {
            this.logpush = logpush;
            return this;
        }

        /** Sets the RSA public key in PEM, 16 to 1024 characters ({@code logpush_public_key}); null unsets. */
        public Builder logpushPublicKey(String publicKey) {
            this.logpushPublicKey = publicKey;
            return this;
        }

        /**
         * Sets how long responses stay cached, in whole seconds ({@code cache_ttl}; default zero, caching off).
         *
         * @throws IllegalArgumentException if the duration has a fraction of a second
         */
        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = wholeSeconds("cacheTtl", ttl);
            return this;
        }

        /** Sets whether an update of the gateway drops its cached responses ({@code cache_invalidate_on_update}). */
        public Builder cacheInvalidateOnUpdate(boolean invalidate) {
            this.cacheInvalidateOnUpdate = invalidate;
            return this;
        }

        /** Sets how many requests a window lets through ({@code rate_limiting_limit}; default 0, off). */
        public Builder rateLimitingLimit(long limit) {
            this.rateLimitingLimit = limit;
            return this;
        }

        /**
         * Sets the rate-limit window, in whole seconds ({@code rate_limiting_interval}; default zero, off).
         *
         * @throws IllegalArgumentException if the duration has a fraction of a second
         */
        public Builder rateLimitingInterval(Duration interval) {
            this.rateLimitingInterval = wholeSeconds("rateLimitingInterval", interval);
            return this;
        }

        /** Sets how rate-limit windows move ({@code rate_limiting_technique}; default fixed). */
        public Builder rateLimitingTechnique(RateLimitingTechnique technique) {
            this.rateLimitingTechnique = Objects.requireNonNull(technique, "technique");
            return this;
        }

        /** Sets how many attempts a request gets, 1 to 5 ({@code retry_max_attempts}); null turns retries off. */
        public Builder retryMaxAttempts(Integer attempts) {
            this.retryMaxAttempts = attempts;
            return this;
        }

        /**
         * Sets the base delay between attempts, in whole milliseconds up to 60 s ({@code retry_delay}, as SDK 7.3.0
         * documents; the data plane waits the stored value); null unsets.
         *
         * @throws IllegalArgumentException if the duration has a fraction of a millisecond
         */
        public Builder retryDelay(Duration delay) {
            if (delay != null && delay.toNanosPart() % 1_000_000 != 0) {
                throw new IllegalArgumentException("retryDelay must be whole milliseconds, got " + delay);
            }
            this.retryDelay = delay;
            return this;
        }

        /** Sets how the delay grows between retries ({@code retry_backoff}); null unsets. */
        public Builder retryBackoff(Backoff backoff) {
            this.retryBackoff = backoff;
            return this;
        }

        /** Sets how Workers AI calls are billed ({@code workers_ai_billing_mode}; default postpaid). */
        public Builder workersAiBillingMode(WorkersAiBillingMode mode) {
            this.workersAiBillingMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Sets whether Zero Data Retention is on ({@code zdr}; default false). */
        public Builder zdr(boolean zdr) {
            this.zdr = zdr;
            return this;
        }

        /**
         * Sets whether third-party requests must bring or find a provider key ({@code byok_only}; default false):
         * no Unified Billing fallback, 400/2040 without a credential; Workers AI exempt.
         */
        public Builder byokOnly(boolean byokOnly) {
            this.byokOnly = byokOnly;
            return this;
        }

        /** Sets the Secrets Store id of the gateway's provider keys ({@code store_id}); null unsets. */
        public Builder storeId(String storeId) {
            this.storeId = storeId;
            return this;
        }

        /**
         * Sets the Data Loss Prevention config ({@code dlp}) from JSON text, e.g.
         * {@code {"enabled":true,"action":"BLOCK","profiles":["p"]}}; null unsets.
         *
         * @throws IllegalArgumentException if the text is not JSON
         */
        public Builder dlp(String json) {
            this.dlp = compact("dlp", json);
            return this;
        }

        /**
         * Sets the guardrails ({@code guardrails}) from JSON text, e.g.
         * {@code {"prompt":{"P1":"BLOCK"},"response":{}}}; null unsets.
         *
         * @throws IllegalArgumentException if the text is not JSON
         */
        public Builder guardrails(String json) {
            this.guardrails = compact("guardrails", json);
            return this;
        }

        /**
         * Sets the OpenTelemetry export targets ({@code otel}) from JSON text, e.g.
         * {@code [{"url":"https://otel.example.com","headers":{}}]}; null unsets.
         *
         * @throws IllegalArgumentException if the text is not JSON
         */
        public Builder otel(String json) {
            this.otel = compact("otel", json);
            return this;
        }

        /**
         * Sets the spend limits ({@code spend_limits}) from JSON text, e.g.
         * {@code {"enabled":true,"rules":[{"limit":10,"limitType":"cost","window":86400}]}}; null unsets.
         *
         * @throws IllegalArgumentException if the text is not JSON
         */
        public Builder spendLimits(String json) {
            this.spendLimits = compact("spend_limits", json);
            return this;
        }

        /**
         * Sets the Stripe usage reporting config ({@code stripe}) from JSON text, e.g.
         * {@code {"authorization":"sk_test","usage_events":[]}}; null unsets.
         *
         * @throws IllegalArgumentException if the text is not JSON
         */
        public Builder stripe(String json) {
            this.stripe = compact("stripe", json);
            return this;
        }

        /** Returns the settings. */
        public GatewaySettings build() {
            return new GatewaySettings(this);
        }

        private static Duration wholeSeconds(String setting, Duration value) {
            Objects.requireNonNull(value, setting);
            if (value.getNano() != 0) {
                throw new IllegalArgumentException(setting + " must be whole seconds, got " + value);
            }
            return value;
        }

        private static String compact(String setting, String json) {
            return json == null ? null : Json.text(GatewaySettingsJson.nested(setting, json));
        }
    }
}
