package dev.aigw.emulator.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Numbers;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The per-token prices of a valid {@code cf-aig-custom-cost} header (proxy.md 3.1), in USD per token, each from 0
 * to {@link #MAX_PRICE} and either 0 or at least {@code 1e-30}: bounded when the header is read, so pricing a log
 * entry with them is cheap and always gives a finite cost.
 *
 * @param perTokenIn the price of an input token
 * @param perTokenOut the price of an output token
 */
public record CustomCost(BigDecimal perTokenIn, BigDecimal perTokenOut) {

    /** The highest price of one token accepted, in USD. */
    public static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);

    /**
     * Reads the header's JSON object; empty (the header is ignored) when it carries neither price, or when a
     * price it carries is not a number in range.
     */
    public static Optional<CustomCost> parse(JsonNode object) {
        JsonNode in = object.get("per_token_in");
        JsonNode out = object.get("per_token_out");
        if ((in == null || in.isNull()) && (out == null || out.isNull())) {
            return Optional.empty();
        }
        Optional<BigDecimal> priceIn = price(in);
        Optional<BigDecimal> priceOut = price(out);
        return priceIn.isPresent() && priceOut.isPresent()
                ? Optional.of(new CustomCost(priceIn.get(), priceOut.get())) : Optional.empty();
    }

    private static Optional<BigDecimal> price(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.of(BigDecimal.ZERO);
        }
        return node.isNumber() ? Numbers.within(node.decimalValue(), BigDecimal.ZERO, MAX_PRICE) : Optional.empty();
    }

    /** Returns the cost of this usage, unknown counts costing 0: at most about 4.3e15 USD, always finite. */
    public double price(Usage usage) {
        return tokens(usage.tokensIn()).multiply(perTokenIn).add(tokens(usage.tokensOut()).multiply(perTokenOut))
                .doubleValue();
    }

    private static BigDecimal tokens(Integer count) {
        return count == null ? BigDecimal.ZERO : BigDecimal.valueOf(count);
    }
}
