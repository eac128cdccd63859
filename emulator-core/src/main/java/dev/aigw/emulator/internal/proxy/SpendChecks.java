package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.billing.BillingAccounts;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.gateway.RateLimit;
import dev.aigw.emulator.internal.ratelimit.RateLimiter;
import dev.aigw.emulator.internal.spend.SpendLedger;
import dev.aigw.emulator.internal.gateway.SpendRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a step before its upstream call when its budget is spent, in the order of management-api-2.md 6.3 rule 1:
 * a Unified Billing step of a metered account whose balance is at or below 0 (402/2021); Unified Billing beyond 200
 * requests per 60 s on the gateway (429/2018, proxy.md 3.4); a spent rule of the gateway's {@code spend_limits}
 * (429/2041, proxy.md 6.5, Unified Billing and BYOK alike); a spent legacy account limit (429/2041, Unified Billing
 * only). Nothing is reserved: what requests cost is recorded when they complete ({@link SpendCharges}), so requests
 * admitted before any completes all pass. Sits below the cache, so a cache hit is never refused. A refused request's
 * timeline shows the refusal and no attempts; its log entry is written by {@link LogHandler}.
 */
public final class SpendChecks implements StepRunner {

    static final String INSUFFICIENT_BALANCE = "Insufficient balance; add money to your gateway or use BYOK";
    static final String WHOLESALE_RATE_LIMITED = "Wholesale Rate limited";
    private static final RateLimit WHOLESALE_LIMIT = new RateLimit(200, 60, RateLimit.Technique.FIXED);

    private final BillingAccounts billing;
    private final SpendLedger spend;
    private final EmulatorClock clock;
    private final StepRunner next;
    private final RateLimiter wholesale = new RateLimiter();

    public SpendChecks(BillingAccounts billing, SpendLedger spend, EmulatorClock clock,
                       StepRunner next) {
        this.billing = billing;
        this.spend = spend;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public StepResult run(ResolvedGateway gateway, ClientRequest client, Step step, boolean lastStep,
                          TimelineRecorder timeline) throws InterruptedException {
        try {
            check(gateway, step);
        } catch (ApiException e) {
            timeline.refused(step, e.status(), e.error().code(), e.error().message(), clock.now());
            throw e;
        }
        return next.run(gateway, client, step, lastStep, timeline);
    }

    private void check(ResolvedGateway gateway, Step step) {
        boolean credits = UnifiedBilling.paysWithCredits(gateway, step);
        Instant now = clock.now();
        GatewayRef ref = GatewayRef.of(gateway.gateway());
        if (credits && billing.outOfCredits(gateway.accountId())) {
            throw ApiException.gateway(402, 2021, INSUFFICIENT_BALANCE);
        }
        if (credits && !wholesale.tryAcquire(ref, WHOLESALE_LIMIT, now)) {
            throw ApiException.gateway(429, 2018, WHOLESALE_RATE_LIMITED);
        }
        List<SpendRule> rules = gateway.gateway().settings().spendRules();
        if (!rules.isEmpty()) {
            Optional<String> spent = spend.exceeded(ref, rules, UnifiedBilling.spendRequest(step), now);
            if (spent.isPresent()) {
                throw ApiException.gateway(429, 2041, spent.get());
            }
        }
        if (credits) {
            Optional<String> legacy = billing.legacyLimitExceeded(gateway.accountId());
            if (legacy.isPresent()) {
                throw ApiException.gateway(429, 2041, legacy.get());
            }
        }
    }

    @Override
    public String toString() {
        return "spend checks -> " + next;
    }
}
