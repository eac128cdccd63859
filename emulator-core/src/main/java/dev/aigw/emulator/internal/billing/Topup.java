package dev.aigw.emulator.internal.billing;

import java.time.Instant;

/**
 * A manual top-up: its credits arrive at {@code settlesAt} (management-api-2.md 6.2 B5, B6).
 *
 * @param invoice the invoice it paid
 * @param settlesAt when the credits arrive
 * @param completed whether they have
 */
public record Topup(Invoice invoice, Instant settlesAt, boolean completed) {
}
