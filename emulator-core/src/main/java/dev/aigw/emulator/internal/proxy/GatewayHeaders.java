package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.gateway.Backoff;
import dev.aigw.emulator.internal.gateway.Retries;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.log.CustomCost;
import dev.aigw.emulator.internal.util.Logs;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * The {@code cf-aig-*} request headers the gateway reads, parsed by proxy.md 3.1's rules: an invalid
 * value is ignored and never fails the request (a {@code cf-aig-custom-cost} price out of {@link CustomCost}'s range
 * included); {@code cf-aig-max-attempts} is clamped into 1..5 and
 * {@code cf-aig-retry-delay} lowered to 5000; {@code cf-aig-byok-alias} names a stored key, {@code cf-aig-no-wholesale:
 * true} forbids the Unified Billing fallback (management-api-2.md 2.3); a {@code cf-aig-request-timeout} above 30 days is ignored (no timeout).
 */
public record GatewayHeaders(
        Optional<Boolean> skipCache,
        OptionalLong cacheTtlSeconds,
        Optional<String> cacheKey,
        Map<String, JsonNode> metadata,
        Optional<Boolean> collectLog,
        Optional<Boolean> collectLogPayload,
        Optional<String> eventId,
        OptionalLong requestTimeoutMillis,
        Retries retries,
        Optional<CustomCost> customCost,
        Optional<String> byokAlias,
        boolean noWholesale) {

    private static final Logger LOG = Logs.getLogger(GatewayHeaders.class);

    /** At most this many metadata entries are kept: the first ones, in JSON order. */
    public static final int MAX_METADATA_ENTRIES = 5;

    /** The longest {@code cf-aig-request-timeout} kept, 30 days in milliseconds; a longer one is ignored. */
    public static final long MAX_REQUEST_TIMEOUT_MILLIS = 30L * 24 * 60 * 60 * 1000;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    /** The settings of a request that sends no gateway header at all. */
    public static final GatewayHeaders NONE = parse(name -> null);

    /** Reads the headers through {@code header}, which answers a lower-case name with its value or null. */
    public static GatewayHeaders parse(Function<String, String> header) {
        return new GatewayHeaders(
                bool(first(header, "cf-aig-skip-cache", "cf-skip-cache")),
                integer(first(header, "cf-aig-cache-ttl", "cf-cache-ttl")),
                Optional.ofNullable(header.apply("cf-aig-cache-key")).filter(s -> !s.isEmpty()),
                metadata(header.apply("cf-aig-metadata")),
                bool(header.apply("cf-aig-collect-log")),
                bool(header.apply("cf-aig-collect-log-payload")),
                Optional.ofNullable(header.apply("cf-aig-event-id")).filter(s -> !s.isBlank()),
                requestTimeout(header.apply("cf-aig-request-timeout")),
                new Retries(maxAttempts(header.apply("cf-aig-max-attempts")),
                        retryDelay(header.apply("cf-aig-retry-delay")),
                        Backoff.parse(header.apply("cf-aig-backoff"))),
                jsonObject(header.apply("cf-aig-custom-cost")).flatMap(CustomCost::parse),
                Optional.ofNullable(header.apply("cf-aig-byok-alias")).map(String::trim).filter(s -> !s.isEmpty()),
                bool(header.apply("cf-aig-no-wholesale")).orElse(false));
    }

    private static String first(Function<String, String> header, String name, String alias) {
        String value = header.apply(name);
        return value != null ? value : header.apply(alias);
    }

    private static Optional<Boolean> bool(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.trim();
        if (v.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        return v.equalsIgnoreCase("false") ? Optional.of(false) : Optional.empty();
    }

    private static OptionalLong integer(String raw) {
        return raw != null && DIGITS.matcher(raw.trim()).matches()
                ? OptionalLong.of(Long.parseLong(raw.trim())) : OptionalLong.empty();
    }

    private static OptionalLong requestTimeout(String raw) {
        OptionalLong value = integer(raw);
        return value.isPresent() && value.getAsLong() > MAX_REQUEST_TIMEOUT_MILLIS ? OptionalLong.empty() : value;
    }

    private static OptionalInt maxAttempts(String raw) {
        if (raw != null && raw.trim().matches("-?\\d{1,18}")) {
            long value = Long.parseLong(raw.trim());
            return OptionalInt.of((int) Math.max(1, Math.min(Retries.MAX_ATTEMPTS, value)));
        }
        return OptionalInt.empty();
    }

    private static OptionalLong retryDelay(String raw) {
        OptionalLong value = integer(raw);
        return value.isPresent() ? OptionalLong.of(Math.min(Retries.MAX_DELAY_MILLIS, value.getAsLong())) : value;
    }

    private static Optional<JsonNode> jsonObject(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.parse(raw);
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (Exception e) {
            LOG.debug("Ignoring a gateway header value that is not JSON: {}", raw, e);
            return Optional.empty();
        }
    }

    private static Map<String, JsonNode> metadata(String raw) {
        Optional<JsonNode> object = jsonObject(raw);
        if (object.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.get().fields(); it.hasNext() && kept.size() < MAX_METADATA_ENTRIES; ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                kept.put(e.getKey(), v);
            }
        }
        return Collections.unmodifiableMap(kept);
    }
}
