package dev.aigw.emulator.internal.log;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Estimates a request's cost in USD for its log entry (proxy.md 7.5): tokens times the model's price, or times
 * the per-token prices of {@code cf-aig-custom-cost} ({@link CustomCost}). Models are priced by the longest entry of the table that
 * their name starts with (so {@code gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}); unknown models
 * and unknown token counts cost 0.
 *
 * <p>The table, in USD per million input / output tokens (public list prices, rounded): gpt-4o-mini 0.15 / 0.60,
 * gpt-4o 2.50 / 10.00, gpt-4.1 2.00 / 8.00, gpt-4.1-mini 0.40 / 1.60, o3-mini 1.10 / 4.40, claude-3-5-haiku
 * 0.80 / 4.00, claude-3-5-sonnet and claude-sonnet-4 3.00 / 15.00, claude-opus-4 15.00 / 75.00,
 * gemini-1.5-flash 0.075 / 0.30, gemini-2.0-flash 0.10 / 0.40, gemini-2.5-pro 1.25 / 10.00,
 * {@code @cf/meta/llama-3.1-8b-instruct} 0.282 / 0.827, command-r 0.15 / 0.60, mistral-small 0.20 / 0.60.
 */
public final class Prices {


    private static final Map<String, BigDecimal[]> PER_MILLION = Map.ofEntries(
            price("gpt-4o-mini", "0.15", "0.60"),
            price("gpt-4o", "2.50", "10.00"),
            price("gpt-4.1", "2.00", "8.00"),
            price("gpt-4.1-mini", "0.40", "1.60"),
            price("o3-mini", "1.10", "4.40"),
            price("claude-3-5-haiku", "0.80", "4.00"),
            price("claude-3-5-sonnet", "3.00", "15.00"),
            price("claude-sonnet-4", "3.00", "15.00"),
            price("claude-opus-4", "15.00", "75.00"),
            price("gemini-1.5-flash", "0.075", "0.30"),
            price("gemini-2.0-flash", "0.10", "0.40"),
            price("gemini-2.5-pro", "1.25", "10.00"),
            price("@cf/meta/llama-3.1-8b-instruct", "0.282", "0.827"),
            price("command-r", "0.15", "0.60"),
            price("mistral-small", "0.20", "0.60"));

    private Prices() {
    }

    /** Returns the table's cost of a request to {@code model} with this usage. */
    public static double listPrice(String model, Usage usage) {
        if (model == null) {
            return 0;
        }
        String best = null;
        for (String known : PER_MILLION.keySet()) {
            if (model.startsWith(known) && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        if (best == null) {
            return 0;
        }
        BigDecimal[] p = PER_MILLION.get(best);
        return tokens(usage.tokensIn()).multiply(p[0]).add(tokens(usage.tokensOut()).multiply(p[1]))
                .movePointLeft(6).doubleValue();
    }

    private static BigDecimal tokens(Integer count) {
        return count == null ? BigDecimal.ZERO : BigDecimal.valueOf(count);
    }

    private static Map.Entry<String, BigDecimal[]> price(String model, String in, String out) {
        return Map.entry(model, new BigDecimal[] {new BigDecimal(in), new BigDecimal(out)});
    }
}
