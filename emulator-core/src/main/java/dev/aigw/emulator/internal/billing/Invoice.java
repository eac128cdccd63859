package dev.aigw.emulator.internal.billing;

import java.time.Instant;

/**
 * A paid credit purchase (management-api-2.md 6.2 B2).
 *
 * @param id {@code in_} and 24 letters or digits, also the top-up's {@code payment_intent_id}
 * @param amountCents the credits bought
 * @param paidCents what was charged: the amount plus the fee
 * @param created when it was paid
 * @param origin {@code manual} (a top-up) or {@code auto} (auto top-up)
 */
public record Invoice(String id, long amountCents, long paidCents, Instant created, String origin) {
}
