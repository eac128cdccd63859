package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.billing.BillingAccounts;
import dev.aigw.emulator.internal.cache.CacheStatus;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.spend.SpendLedger;
import java.math.BigDecimal;

/**
 * Records what a step's reply cost once the client got its last byte (management-api-2.md 6.3 rule 2, proxy.md 6.5):
 * on a gateway with spend-limit rules, the cost counts against them; a Unified Billing step draws it times 100 in
 * cents from its account (a 2xx reply only, unless the account's {@code charge_failed_requests} is on). Sits above
 * the cache, so a cache hit draws and counts nothing; a step refused before its call never gets here.
 */
public final class SpendCharges implements StepRunner {

    private final BillingAccounts billing;
    private final SpendLedger spend;
    private final EmulatorClock clock;
    private final StepRunner next;

    public SpendCharges(BillingAccounts billing, SpendLedger spend, EmulatorClock clock, StepRunner next) {
        this.billing = billing;
        this.spend = spend;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public StepResult run(ResolvedGateway gateway, ClientRequest client, Step step, boolean lastStep,
                          TimelineRecorder timeline) throws InterruptedException {
        StepResult result = next.run(gateway, client, step, lastStep, timeline);
        if (result.cacheStatus() == CacheStatus.HIT || !(result.result() instanceof AttemptResult.Replied)) {
            return result;
        }
        boolean credits = UnifiedBilling.paysWithCredits(gateway, step);
        boolean limited = !gateway.gateway().settings().spendRules().isEmpty();
        if (!credits && !limited) {
            return result;
        }
        return result.thenAfterLastByte(written -> {
            BigDecimal usd = UnifiedBilling.costUsd(step, written);
            if (limited) {
                spend.record(GatewayRef.of(gateway.gateway()), UnifiedBilling.spendRequest(step), usd, clock.now());
            }
            boolean success = written.status() >= 200 && written.status() < 300;
            if (credits && (success || billing.chargesFailedRequests(gateway.accountId()))) {
                billing.draw(gateway.accountId(), gateway.gateway().id(), step.provider().slug(), step.model(),
                        usd.movePointRight(2));
            }
        });
    }

    @Override
    public String toString() {
        return "spend charges -> " + next;
    }
}
