package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.internal.log.Prices;
import dev.aigw.emulator.internal.log.Usage;
import dev.aigw.emulator.internal.gateway.SpendRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the billing runners ({@link SpendChecks}, {@link SpendCharges}) read of a step: whether it is paid from Unified
 * Billing credits (management-api-2.md 6.3: rule 3 of 2.3 applied, or Workers AI on a gateway whose
 * {@code workers_ai_billing_mode} is {@code unified}), its gateway's spend-limit rules, what those rules look at, and
 * the cost of its reply as its log entry prices it (proxy.md 7.5).
 */
final class UnifiedBilling {

    private UnifiedBilling() {
    }

    static boolean paysWithCredits(ResolvedGateway gateway, Step step) {
        if (step.credential() != null && step.credential().source() == UpstreamCredential.Source.UNIFIED_BILLING) {
            return true;
        }
        JsonNode mode = gateway.gateway().settings().members().get("workers_ai_billing_mode");
        return "workers-ai".equals(step.provider().slug()) && mode != null && "unified".equals(mode.asText());
    }

    static SpendRequest spendRequest(Step step) {
        Map<String, String> metadata = new LinkedHashMap<>();
        step.settings().metadata().forEach((k, v) -> metadata.put(k, v.isValueNode() ? v.asText() : v.toString()));
        return new SpendRequest(step.provider().slug(), step.model(), metadata);
    }

    /** Returns the cost in USD of a reply the client got: {@code cf-aig-custom-cost}'s prices, else the list price. */
    static BigDecimal costUsd(Step step, WrittenReply written) {
        Usage usage = Usage.of(written.contentType(), written.body());
        double cost = step.settings().customCost().map(c -> c.price(usage))
                .orElseGet(() -> Prices.listPrice(step.model(), usage));
        return BigDecimal.valueOf(cost);
    }
}
