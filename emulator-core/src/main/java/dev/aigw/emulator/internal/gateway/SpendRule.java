package dev.aigw.emulator.internal.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One rule of a gateway's {@code spend_limits} (proxy.md 6.5): a budget in USD over a window of seconds, fixed
 * (epoch-aligned, as the rate limit's, proxy.md 6.2) or sliding; it applies to the requests its filters let through,
 * and counts each partition (a provider, a model, a metadata value) separately.
 *
 * @param id the rule's {@code id}, or {@code rule-N} (its position from 1) when it has none [E]
 * @param limitUsd the budget
 * @param window the window
 * @param sliding whether the window slides (else fixed)
 * @param provider how providers are told apart
 * @param model how models are told apart
 * @param metadata how each metadata key is told apart
 */
public record SpendRule(String id, BigDecimal limitUsd, Duration window, boolean sliding, Dimension provider,
                        Dimension model, Map<String, Dimension> metadata) {

    /** How one dimension of a request takes part in a rule: all alike, only some values, or one budget per value. */
    public sealed interface Dimension {

        /** Every value counts together. */
        record Any() implements Dimension {
        }

        /** Only these values count, together; others are outside the rule. */
        record Filter(Set<String> values) implements Dimension {
        }

        /** Each value has its own budget. */
        record Partition() implements Dimension {
        }

        /** Tells whether a request with this value (or {@code null}: absent) falls under the rule. */
        default boolean admits(String value) {
            return this instanceof Any || this instanceof Filter f && f.values().contains(value)
                    || this instanceof Partition && value != null;
        }

        /** Tells whether past spending with value {@code past} counts against a request with value {@code now}. */
        default boolean shares(String past, String now) {
            return !(this instanceof Partition) || now.equals(past);
        }
    }

    /** Tells whether the rule covers a request. */
    public boolean covers(SpendRequest request) {
        return provider.admits(request.provider()) && model.admits(request.model())
                && metadata.entrySet().stream().allMatch(e -> e.getValue().admits(request.metadata().get(e.getKey())));
    }

    /** Tells whether spending recorded for {@code past} counts against {@code request}'s budget under this rule. */
    public boolean shares(SpendRequest past, SpendRequest request) {
        return covers(past) && provider.shares(past.provider(), request.provider())
                && model.shares(past.model(), request.model())
                && metadata.entrySet().stream().allMatch(e -> e.getValue().shares(past.metadata().get(e.getKey()),
                        request.metadata().get(e.getKey())));
    }

    /** Returns the start of the window that holds {@code now}: epoch-aligned when fixed, {@code now - window} when sliding. */
    public Instant windowStart(Instant now) {
        if (sliding) {
            return now.minus(window);
        }
        long seconds = window.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }

    /** The 429/2041 message (proxy.md 6.5, observed shape). */
    public String exceededMessage(SpendRequest request) {
        return "Spend limit exceeded: rule '" + id + "' (cost limit " + limitUsd.stripTrailingZeros().toPlainString()
                + " per " + window.toSeconds() + "s, " + (sliding ? "sliding" : "fixed") + ") for "
                + request.provider() + " " + Optional.ofNullable(request.model()).orElse("");
    }
}
