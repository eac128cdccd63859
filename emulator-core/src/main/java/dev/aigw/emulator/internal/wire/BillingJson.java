package dev.aigw.emulator.internal.wire;

import static dev.aigw.emulator.internal.api.JsonShape.bool;
import static dev.aigw.emulator.internal.api.JsonShape.closedObject;
import static dev.aigw.emulator.internal.api.JsonShape.integer;
import static dev.aigw.emulator.internal.api.JsonShape.number;
import static dev.aigw.emulator.internal.api.JsonShape.oneOf;
import static dev.aigw.emulator.internal.api.JsonShape.optional;
import static dev.aigw.emulator.internal.api.JsonShape.optionalNullable;
import static dev.aigw.emulator.internal.api.JsonShape.required;
import static dev.aigw.emulator.internal.api.JsonShape.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's billing state as {@code GET /__emulator/billing/{account_id}} shows it and the change
 * {@code PUT} takes (management-api-2.md 6.4): written by the control API, read back by the remote emulator, and the
 * change written by the remote emulator and read (validated, with {@code path}) by the control API.
 */
public final class BillingJson {

    private static final long MAX_CENTS = 1_000_000_000_000L;

    private static final JsonShape PAYMENT_METHOD = closedObject(
            required("id", text(1, 256)), optional("brand", text(0, 64)), optional("last4", text(0, 4)),
            optional("fails", bool()));

    private static final JsonShape TOPUP_CONFIG = closedObject(
            required("amount", integer(1000, MAX_CENTS)), required("threshold", integer(500, MAX_CENTS)));

    private static final JsonShape LEGACY_LIMIT = closedObject(
            required("amount", integer(100, MAX_CENTS)), required("duration", oneOf("daily", "weekly", "monthly")),
            optional("strategy", oneOf("fixed", "sliding")), optional("enabled", bool()));

    private static final JsonShape CHANGE = closedObject(
            optional("metered", bool()),
            optional("balance_cents", number(-MAX_CENTS, MAX_CENTS)),
            optionalNullable("payment_method", PAYMENT_METHOD),
            optionalNullable("topup_config", TOPUP_CONFIG),
            optionalNullable("legacy_spending_limit", LEGACY_LIMIT),
            optional("charge_failed_requests", bool()),
            optional("topup_settle_ms", integer(0, Integer.MAX_VALUE)));

    private BillingJson() {
    }

    /** Writes an account's state. */
    public static ObjectNode render(BillingState s) {
        ObjectNode node = Json.object()
                .put("account_id", s.accountId())
                .put("metered", s.metered())
                .put("balance_cents", s.balanceCents())
                .put("first_topup_success", s.firstTopupSuccess())
                .put("charge_failed_requests", s.chargeFailedRequests())
                .put("topup_settle_ms", s.topupSettleMillis());
        BillingState.PaymentMethod pm = s.paymentMethod();
        node.set("payment_method", pm == null ? null : Json.object().put("id", pm.id()).put("brand", pm.brand())
                .put("last4", pm.last4()).put("fails", pm.fails()));
        BillingState.TopupConfig tc = s.topupConfig();
        node.set("topup_config", tc == null ? null : Json.object().put("amount", tc.amountCents())
                .put("threshold", tc.thresholdCents()).put("disabledReason", tc.disabledReason())
                .put("error", tc.error())
                .put("lastFailedAt", tc.lastFailedAt() == null ? null : tc.lastFailedAt().toEpochMilli()));
        BillingState.SpendingLimit limit = s.legacySpendingLimit();
        node.set("legacy_spending_limit", limit == null ? null : Json.object().put("amount", limit.amountCents())
                .put("duration", limit.duration()).put("strategy", limit.strategy()).put("enabled", limit.enabled()));
        ArrayNode ledger = node.putArray("ledger");
        for (BillingState.Draw d : s.ledger()) {
            ledger.addObject().put("at", Timestamps.formatExact(d.at())).put("gateway_id", d.gatewayId())
                    .put("provider", d.provider()).put("model", d.model()).put("cents", d.cents());
        }
        return node;
    }

    /** Reads what {@link #render} wrote. */
    public static BillingState parse(JsonNode n) {
        JsonNode pm = n.get("payment_method");
        JsonNode tc = n.get("topup_config");
        JsonNode limit = n.get("legacy_spending_limit");
        List<BillingState.Draw> ledger = new ArrayList<>();
        n.get("ledger").forEach(d -> ledger.add(new BillingState.Draw(Instant.parse(d.get("at").textValue()),
                d.get("gateway_id").textValue(), d.get("provider").textValue(), textOrNull(d.get("model")),
                d.get("cents").decimalValue())));
        return new BillingState(n.get("account_id").textValue(), n.get("metered").booleanValue(),
                n.get("balance_cents").decimalValue(), pm.isNull() ? null : paymentMethod(pm),
                tc.isNull() ? null : new BillingState.TopupConfig(tc.get("amount").longValue(),
                        tc.get("threshold").longValue(), textOrNull(tc.get("disabledReason")),
                        textOrNull(tc.get("error")), tc.get("lastFailedAt").isNull() ? null
                                : Instant.ofEpochMilli(tc.get("lastFailedAt").longValue())),
                n.get("first_topup_success").booleanValue(), limit.isNull() ? null : legacyLimit(limit),
                n.get("charge_failed_requests").booleanValue(), n.get("topup_settle_ms").longValue(), ledger);
    }

    /** Writes a change as {@code PUT} takes it: only the members it sets. */
    public static ObjectNode render(BillingChange c) {
        ObjectNode node = Json.object();
        c.metered().ifPresent(m -> node.put("metered", m));
        c.balanceCents().ifPresent(b -> node.put("balance_cents", b));
        if (c.setsPaymentMethod()) {
            BillingState.PaymentMethod pm = c.paymentMethod();
            node.set("payment_method", pm == null ? null : Json.object().put("id", pm.id()).put("brand", pm.brand())
                    .put("last4", pm.last4()).put("fails", pm.fails()));
        }
        if (c.setsTopupConfig()) {
            BillingState.TopupConfig tc = c.topupConfig();
            node.set("topup_config", tc == null ? null
                    : Json.object().put("amount", tc.amountCents()).put("threshold", tc.thresholdCents()));
        }
        if (c.setsLegacySpendingLimit()) {
            BillingState.SpendingLimit l = c.legacySpendingLimit();
            node.set("legacy_spending_limit", l == null ? null : Json.object().put("amount", l.amountCents())
                    .put("duration", l.duration()).put("strategy", l.strategy()).put("enabled", l.enabled()));
        }
        c.chargeFailedRequests().ifPresent(v -> node.put("charge_failed_requests", v));
        c.topupSettleMillis().ifPresent(v -> node.put("topup_settle_ms", v));
        return node;
    }

    /** Reads a {@code PUT} body; a member that does not fit is a 400/7001 naming it with its {@code path}. */
    public static BillingChange parseChange(ObjectNode body) {
        CHANGE.check(body, List.of("body"));
        BillingChange.Builder b = BillingChange.builder();
        given(body, "metered", v -> b.metered(v.booleanValue()));
        given(body, "balance_cents", v -> b.balanceCents(v.decimalValue()));
        given(body, "payment_method", v -> b.paymentMethod(v.isNull() ? null : paymentMethod(v)));
        given(body, "topup_config", v -> b.topupConfig(v.isNull() ? null
                : BillingState.TopupConfig.of(v.get("amount").longValue(), v.get("threshold").longValue())));
        given(body, "legacy_spending_limit", v -> b.legacySpendingLimit(v.isNull() ? null : legacyLimit(v)));
        given(body, "charge_failed_requests", v -> b.chargeFailedRequests(v.booleanValue()));
        given(body, "topup_settle_ms", v -> b.topupSettleMillis(v.longValue()));
        return b.build();
    }

    private static BillingState.PaymentMethod paymentMethod(JsonNode pm) {
        return new BillingState.PaymentMethod(pm.get("id").textValue(), textOr(pm.get("brand"), "visa"),
                textOr(pm.get("last4"), "4242"), pm.has("fails") && pm.get("fails").booleanValue());
    }

    private static BillingState.SpendingLimit legacyLimit(JsonNode l) {
        return new BillingState.SpendingLimit(l.get("amount").longValue(), l.get("duration").textValue(),
                textOr(l.get("strategy"), "fixed"), !l.has("enabled") || l.get("enabled").booleanValue());
    }

    private static void given(JsonNode body, String name, java.util.function.Consumer<JsonNode> set) {
        if (body.has(name)) {
            set.accept(body.get(name));
        }
    }

    private static String textOr(JsonNode node, String otherwise) {
        return node == null || node.isNull() ? otherwise : node.textValue();
    }

    private static String textOrNull(JsonNode node) {
        return textOr(node, null);
    }
}
