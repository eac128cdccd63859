package dev.aigw.emulator.internal.billing;

import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.util.Suggestions;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The billing state of every account of the emulator (management-api-2.md 6), each created in its initial state on
 * first use, on the emulator's clock. Thread-safe.
 */
public final class BillingAccounts implements BillingSink {

    private final Set<String> accountIds;
    private final EmulatorClock clock;
    private final Supplier<String> uuids;
    private final ConcurrentMap<String, BillingAccount> accounts = new ConcurrentHashMap<>();

    /** Creates the billing of these accounts; invoice ids are made from {@code uuids} (lowercase UUIDs). */
    public BillingAccounts(Set<String> accountIds, EmulatorClock clock, Supplier<String> uuids) {
        this.accountIds = Set.copyOf(accountIds);
        this.clock = clock;
        this.uuids = uuids;
    }

    /** Tells whether the emulator has this account. */
    public boolean has(String accountId) {
        return accountIds.contains(accountId);
    }

    /** Throws an {@link IllegalArgumentException} naming the accounts when the emulator does not have this one. */
    public void requireAccount(String accountId) {
        if (!has(accountId)) {
            throw new IllegalArgumentException("no account \"" + accountId + "\""
                    + Suggestions.didYouMean(accountId, accountIds) + "; the emulator's accounts: "
                    + accountIds.stream().sorted().toList());
        }
    }

    /** Returns an account's billing; an account the emulator does not have is an {@link IllegalArgumentException}. */
    BillingAccount account(String accountId) {
        requireAccount(accountId);
        return accounts.computeIfAbsent(accountId, id -> new BillingAccount(id, this::invoiceId));
    }

    @Override
    public BillingState state(String accountId) {
        return account(accountId).state(clock.now());
    }

    @Override
    public BillingState change(String accountId, BillingChange change) {
        BillingAccount account = account(accountId);
        account.apply(change, clock.now());
        return account.state(clock.now());
    }

    @Override
    public BillingState reset(String accountId) {
        account(accountId);
        accounts.remove(accountId);
        return state(accountId);
    }

    /** B5: buys credits with the card on file (see {@link #onboarded}); 400/7001 "Payment failed" when it fails. */
    public Topup topUp(String accountId, long amountCents, Optional<String> paymentMethodId) {
        return account(accountId).topUp(amountCents, paymentMethodId, clock.now());
    }

    /** Tells whether a top-up of the account has completed (B5's {@code onboarding}, read before a top-up). */
    public boolean onboarded(String accountId) {
        return account(accountId).onboarded();
    }

    /** B6: the account's top-up with this payment intent id, if any. */
    public Optional<Topup> topup(String accountId, String paymentIntentId) {
        return account(accountId).topup(paymentIntentId, clock.now());
    }

    /** B2: the account's invoices, oldest first. */
    public List<Invoice> invoices(String accountId) {
        return account(accountId).invoices(clock.now());
    }

    /** B12: removes the legacy account spending limit, if any. */
    public void removeLegacySpendingLimit(String accountId) {
        account(accountId).removeLegacySpendingLimit();
    }

    /** Returns the clock's current instant, which windows and periods are cut from. */
    public Instant now() {
        return clock.now();
    }

    /** Restores every account's initial state. */
    public void clear() {
        accounts.clear();
    }

    /** Tells whether a Unified Billing request of this account is refused with 402/2021 (6.3 rule 1). */
    public boolean outOfCredits(String accountId) {
        return account(accountId).outOfCredits(clock.now());
    }

    /** Tells whether non-2xx answers draw their cost on this account ({@code charge_failed_requests}). */
    public boolean chargesFailedRequests(String accountId) {
        return account(accountId).chargesFailedRequests();
    }

    /** Writes a completed Unified Billing request's draw (6.3 rules 2 and 3). */
    public void draw(String accountId, String gatewayId, String provider, String model, BigDecimal cents) {
        Instant now = clock.now();
        account(accountId).draw(new BillingState.Draw(now, gatewayId, provider, model, cents), now);
    }

    /**
     * Returns the 429/2041 message when the seeded legacy account limit is spent (6.3 rule 1): the Unified Billing
     * draws of the account, across its gateways, in the limit's window, reach its amount.
     */
    public Optional<String> legacyLimitExceeded(String accountId) {
        BillingAccount account = account(accountId);
        BillingState.SpendingLimit limit = account.legacySpendingLimit();
        if (limit == null || !limit.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.now();
        Instant from = windowStart(limit, now);
        BigDecimal spent = account.ledger().stream().filter(d -> !d.at().isBefore(from)).map(BillingState.Draw::cents)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (spent.compareTo(BigDecimal.valueOf(limit.amountCents())) < 0) {
            return Optional.empty();
        }
        return Optional.of("Spend limit exceeded: account spending limit (" + limit.amountCents() + " cents "
                + limit.duration() + ")");
    }

    /** Fixed windows are UTC calendar days, ISO weeks (from Monday) and months; sliding ones the last 1, 7 or 30 days. */
    private static Instant windowStart(BillingState.SpendingLimit limit, Instant now) {
        if ("sliding".equals(limit.strategy())) {
            long days = switch (limit.duration()) {
                case "daily" -> 1;
                case "weekly" -> 7;
                default -> 30;
            };
            return now.minus(Duration.ofDays(days));
        }
        ZonedDateTime day = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        return switch (limit.duration()) {
            case "daily" -> day.toInstant();
            case "weekly" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
            default -> day.withDayOfMonth(1).toInstant();
        };
    }

    private String invoiceId() {
        return uuids.get().replace("-", "").substring(0, 24);
    }
}
