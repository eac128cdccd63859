package dev.aigw.emulator.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A gateway's settings: the JSON members the management API stored, which responses echo as they were sent
 * (an explicit {@code null} kept apart from a member never sent, nested objects such as {@code dlp} or
 * {@code otel} as given), and the typed values the data plane reads, bound from those members once, when the
 * gateway is created or updated. This class is the one place that reads a setting by its JSON name.
 * Immutable and thread-safe.
 */
public final class StoredSettings {

    private final Map<String, JsonNode> members;
    private final boolean authentication;
    private final boolean byokOnly;
    private final boolean collectLogs;
    private final long cacheTtlSeconds;
    private final boolean cacheInvalidateOnUpdate;
    private final Optional<RateLimit> rateLimit;
    private final LogLimit logLimit;
    private final Retries retries;
    private final Optional<GuardrailSettings> guardrails;
    private final Optional<DlpSettings> dlp;
    private final List<SpendRule> spendRules;

    private StoredSettings(Map<String, JsonNode> members) {
        this.members = Collections.unmodifiableMap(new TreeMap<>(members));
        this.authentication = flag("authentication");
        this.byokOnly = flag("byok_only");
        this.collectLogs = flag("collect_logs");
        this.cacheTtlSeconds = number("cache_ttl").orElse(0);
        this.cacheInvalidateOnUpdate = flag("cache_invalidate_on_update");
        this.rateLimit = RateLimit.of(number("rate_limiting_limit").orElse(0),
                number("rate_limiting_interval").orElse(0),
                text("rate_limiting_technique").map(RateLimit.Technique::parse).orElse(RateLimit.Technique.FIXED));
        this.logLimit = new LogLimit(number("log_management").orElse(LogLimit.DEFAULT_MAX_ENTRIES),
                text("log_management_strategy").map(LogLimit.Strategy::parse).orElse(LogLimit.Strategy.STOP_INSERTING));
        OptionalLong attempts = number("retry_max_attempts");
        this.retries = new Retries(attempts.isPresent() ? OptionalInt.of((int) attempts.getAsLong()) : OptionalInt.empty(),
                number("retry_delay"), text("retry_backoff").flatMap(Backoff::parse));
        this.guardrails = GuardrailSettings.bind(members.get("guardrails"));
        this.dlp = DlpSettings.bind(members.get("dlp"));
        this.spendRules = SpendRules.parse(members.get("spend_limits"));
    }

    /** Binds settings from the members a gateway stores (validated by {@link GatewayBodies}). */
    public static StoredSettings bind(Map<String, JsonNode> members) {
        return new StoredSettings(members);
    }

    /** Returns the stored members, by name, in name order; {@code null} values are explicit JSON nulls. */
    public Map<String, JsonNode> members() {
        return members;
    }

    /** Tells whether the data plane requires {@code cf-aig-authorization}. */
    public boolean authentication() {
        return authentication;
    }

    /** Tells whether third-party requests need a request key or a stored key ({@code byok_only}). */
    public boolean byokOnly() {
        return byokOnly;
    }

    /** Tells whether requests are logged unless a request says otherwise ({@code collect_logs}). */
    public boolean collectLogs() {
        return collectLogs;
    }

    /** Returns the cache TTL in seconds; 0 when caching is off. */
    public long cacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    /** Tells whether an update of the gateway drops its cached responses. */
    public boolean cacheInvalidateOnUpdate() {
        return cacheInvalidateOnUpdate;
    }

    /** Returns the rate limit, or empty when limit or interval is unset or 0 (rate limiting off). */
    public Optional<RateLimit> rateLimit() {
        return rateLimit;
    }

    /** Returns how many log entries the gateway keeps and what a full log does. */
    public LogLimit logLimit() {
        return logLimit;
    }

    /** Returns the Retry Requests settings, each absent when the gateway leaves it unset. */
    public Retries retries() {
        return retries;
    }

    /** Returns what each hazard category does to prompts and responses, or empty when Guardrails is off. */
    public Optional<GuardrailSettings> guardrails() {
        return guardrails;
    }

    /** Returns the enabled DLP policies, or empty when DLP is off or has none. */
    public Optional<DlpSettings> dlp() {
        return dlp;
    }

    /** Returns the enabled rules of {@code spend_limits}, none when spend limits are off or have none. */
    public List<SpendRule> spendRules() {
        return spendRules;
    }

    private JsonNode value(String name) {
        JsonNode value = members.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private boolean flag(String name) {
        JsonNode value = value(name);
        return value != null && value.booleanValue();
    }

    private OptionalLong number(String name) {
        JsonNode value = value(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value.asLong());
    }

    private Optional<String> text(String name) {
        return Optional.ofNullable(value(name)).map(JsonNode::asText);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredSettings other && members.equals(other.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return "StoredSettings" + members;
    }
}
