package dev.aigw.emulator.internal.management;

import static dev.aigw.emulator.internal.api.JsonShape.closedObject;
import static dev.aigw.emulator.internal.api.JsonShape.integer;
import static dev.aigw.emulator.internal.api.JsonShape.optional;
import static dev.aigw.emulator.internal.api.JsonShape.required;
import static dev.aigw.emulator.internal.api.JsonShape.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.billing.BillingAccounts;
import dev.aigw.emulator.internal.billing.Invoice;
import dev.aigw.emulator.internal.billing.Topup;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Suggestions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account billing operations B1-B12 of management-api-2.md 6.2: credits in US cents, on the emulator's clock.
 * Auto top-up (B8, B9) is dashboard-only and a new account spending limit (B11) is deprecated: the API always answers
 * those 403 to a token; tests set them through the control API (6.4).
 */
public final class BillingEndpoints {

    private static final String DASHBOARD_ONLY = "Auto top-up can only be configured from the dashboard";
    private static final String DEPRECATED = "Spending limits are deprecated; use AI Gateway spend limits";
    private static final List<String> INVOICE_TYPES = List.of("auto", "manual", "all");
    private static final List<String> WINDOWS = List.of("day", "hour");
    private static final Duration DEFAULT_USAGE_SPAN = Duration.ofDays(30);

    private static final JsonShape TOPUP = closedObject(
            required("amount", integer(1000, Integer.MAX_VALUE)), optional("payment_method_id", text(1, 256)));
    private static final JsonShape TOPUP_STATUS = closedObject(required("payment_intent_id", text(1, 256)));

    private final BillingAccounts billing;

    public BillingEndpoints(BillingAccounts billing) {
        this.billing = billing;
    }

    /** B1 {@code GET /billing/credit-balance}. */
    ApiResponse creditBalance(ApiRequest request) {
        BillingState s = billing.state(request.accountId());
        ObjectNode result = Json.object().put("balance", s.balanceCents())
                .put("has_default_payment_method", s.paymentMethod() != null);
        result.set("payment_method", s.paymentMethod() == null ? null
                : Json.object().put("brand", s.paymentMethod().brand()).put("last4", s.paymentMethod().last4()));
        result.set("topup_config", topupConfig(s.topupConfig()));
        if (s.firstTopupSuccess()) {
            result.put("first_topup_success", true);
        }
        return ApiResponse.single(result);
    }

    /** B2 {@code GET /billing/invoice-history}: newest first, filtered on the invoice's origin. */
    ApiResponse invoiceHistory(ApiRequest request) {
        String type = oneOf(request, "type", INVOICE_TYPES).orElse("all");
        Pagination page = Pagination.of(request, 100);
        List<Invoice> matching = new ArrayList<>(billing.invoices(request.accountId()).stream()
                .filter(i -> type.equals("all") || i.origin().equals(type)).toList());
        // Invoices are kept oldest first: reversed, those paid at the same instant are newest first too.
        Collections.reverse(matching);
        matching.sort(Comparator.comparing(Invoice::created).reversed());
        long from = (long) (page.page() - 1) * page.perPage();
        ArrayNode invoices = Json.array();
        matching.stream().skip(Math.min(from, matching.size())).limit(page.perPage())
                .forEach(i -> invoices.add(invoice(i)));
        ObjectNode result = Json.object();
        result.set("invoices", invoices);
        result.putObject("pagination").put("has_more", from + page.perPage() < matching.size())
                .put("page", page.page()).put("per_page", page.perPage()).put("total_count", matching.size());
        return ApiResponse.single(result);
    }

    /** B3 {@code GET /billing/invoice-preview}: this UTC month's Unified Billing usage, one line per model. */
    ApiResponse invoicePreview(ApiRequest request) {
        ZonedDateTime monthStart = billing.now().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        Instant start = monthStart.toInstant();
        Instant end = monthStart.plusMonths(1).toInstant();
        Map<String, BigDecimal> byModel = new TreeMap<>();
        billing.state(request.accountId()).ledger().stream()
                .filter(d -> !d.at().isBefore(start) && d.at().isBefore(end))
                .forEach(d -> byModel.merge(d.provider() + "/" + d.model(), d.cents(), BigDecimal::add));
        ArrayNode lines = Json.array();
        byModel.forEach((model, cents) -> {
            ObjectNode line = lines.addObject().put("amount", cents).put("currency", "usd").put("description", model);
            line.putObject("period").put("start", start.getEpochSecond()).put("end", end.getEpochSecond());
            line.putObject("pricing").putNull("unit_amount_decimal");
            line.put("quantity", 1);
            line.putArray("pretax_credit_amounts").addObject().put("amount", cents)
                    .put("type", "credit_balance_transaction");
        });
        ObjectNode result = Json.object()
                .put("id", "in_upcoming_" + monthStart.format(DateTimeFormatter.ofPattern("yyyyMM")))
                .put("amount_due", 0).put("amount_paid", 0).put("amount_remaining", 0).put("currency", "usd");
        result.set("invoice_lines", lines);
        result.put("period_start", start.getEpochSecond()).put("period_end", end.getEpochSecond())
                .put("status", "draft");
        return ApiResponse.single(result);
    }

    /** B4 {@code GET /billing/usage-history}: Unified Billing spend per UTC hour or day, non-empty buckets only. */
    ApiResponse usageHistory(ApiRequest request) {
        String window = oneOf(request, "value_grouping_window", WINDOWS).orElseThrow(() -> ApiException.validation(
                "value_grouping_window is required: one of day, hour", List.of("query", "value_grouping_window")));
        Instant end = epochMillis(request, "end_time").orElse(billing.now());
        Instant start = epochMillis(request, "start_time").orElse(end.minus(DEFAULT_USAGE_SPAN));
        ChronoUnit unit = window.equals("day") ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        Map<Instant, BigDecimal> buckets = new TreeMap<>();
        billing.state(request.accountId()).ledger().stream()
                .filter(d -> !d.at().isBefore(start) && !d.at().isAfter(end))
                .forEach(d -> buckets.merge(d.at().truncatedTo(unit), d.cents(), BigDecimal::add));
        ArrayNode history = Json.array();
        buckets.forEach((from, cents) -> history.addObject()
                .put("id", window + "-" + from.toEpochMilli())
                .put("aggregated_value", cents)
                .put("start_time", from.toEpochMilli())
                .put("end_time", from.plus(1, unit).toEpochMilli()));
        ObjectNode result = Json.object();
        result.set("history", history);
        return ApiResponse.single(result);
    }

    /** B5 {@code POST /billing/topup}. */
    ApiResponse topUp(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        TOPUP.check(body, List.of("body"));
        String accountId = request.accountId();
        boolean onboarded = billing.onboarded(accountId);
        Topup topup = billing.topUp(accountId, body.get("amount").longValue(),
                Optional.ofNullable(body.get("payment_method_id")).map(n -> n.textValue()));
        BillingState.PaymentMethod card = billing.state(accountId).paymentMethod();
        ObjectNode result = Json.object().putNull("client_secret").put("onboarding", onboarded)
                .put("payment_intent_id", topup.invoice().id()).put("brand", card.brand()).put("last4", card.last4());
        return ApiResponse.single(result);
    }

    /** B6 {@code POST /billing/topup/status}: 404/7002 for an id the account never made. */
    ApiResponse topupStatus(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        TOPUP_STATUS.check(body, List.of("body"));
        String id = body.get("payment_intent_id").textValue();
        Topup topup = billing.topup(request.accountId(), id).orElseThrow(ApiException::notFound);
        return ApiResponse.single(Json.object().put("payment_intent_id", id)
                .put("status", topup.completed() ? "completed" : "pending"));
    }

    /** B7 {@code GET /billing/topup/config}. */
    ApiResponse topupConfig(ApiRequest request) {
        return ApiResponse.single(topupConfig(billing.state(request.accountId()).topupConfig()));
    }

    /** B8 and B9: a dashboard session only, so a token always gets 403. */
    ApiResponse dashboardOnly(ApiRequest request) {
        throw ApiException.frontDoor(403, ApiError.of(10000, DASHBOARD_ONLY));
    }

    /** B10 {@code GET /billing/spending-limit}: the seeded legacy limit, or a disabled empty one. */
    ApiResponse spendingLimit(ApiRequest request) {
        BillingState.SpendingLimit limit = billing.state(request.accountId()).legacySpendingLimit();
        ObjectNode result = Json.object().put("enabled", limit != null && limit.enabled());
        ObjectNode config = result.putObject("config");
        if (limit == null) {
            config.putNull("amount").putNull("duration").putNull("strategy");
        } else {
            config.put("amount", limit.amountCents()).put("duration", limit.duration())
                    .put("strategy", limit.strategy());
        }
        return ApiResponse.single(result);
    }

    /** B11: deprecated, always 403. */
    ApiResponse createSpendingLimit(ApiRequest request) {
        throw ApiException.frontDoor(403, ApiError.of(10000, DEPRECATED));
    }

    /** B12 {@code DELETE /billing/spending-limit}: {@code result: null}, also when there was none. */
    ApiResponse deleteSpendingLimit(ApiRequest request) {
        billing.removeLegacySpendingLimit(request.accountId());
        return ApiResponse.single(null);
    }

    private static ObjectNode topupConfig(BillingState.TopupConfig config) {
        if (config == null) {
            return Json.object().putNull("amount").putNull("threshold");
        }
        ObjectNode node = Json.object().put("amount", config.amountCents()).put("threshold", config.thresholdCents());
        if (config.disabledReason() != null) {
            node.put("disabledReason", config.disabledReason());
        }
        if (config.error() != null) {
            node.put("error", config.error());
        }
        if (config.lastFailedAt() != null) {
            node.put("lastFailedAt", config.lastFailedAt().toEpochMilli());
        }
        return node;
    }

    private static ObjectNode invoice(Invoice i) {
        return Json.object().put("id", i.id()).put("amount_due", i.paidCents()).put("amount_paid", i.paidCents())
                .put("amount_remaining", 0).put("currency", "usd").put("status", "paid")
                .put("created", i.created().getEpochSecond()).put("invoice_origin", i.origin())
                .put("description", "AI Gateway credits").put("attempted", true).put("attempt_count", 1)
                .put("auto_advance", false).putNull("invoice_pdf");
    }

    private static Optional<String> oneOf(ApiRequest request, String name, List<String> values) {
        return request.query(name).map(raw -> {
            if (!values.contains(raw)) {
                throw ApiException.validation(name + ": expected one of " + String.join(", ", values) + ", got \""
                        + raw + "\"" + Suggestions.didYouMean(raw, values),
                        List.of("query", name));
            }
            return raw;
        });
    }

    private static Optional<Instant> epochMillis(ApiRequest request, String name) {
        return request.query(name).map(raw -> {
            try {
                long millis = Long.parseLong(raw.trim());
                if (millis >= 0) {
                    return Instant.ofEpochMilli(millis);
                }
            } catch (NumberFormatException e) {
                throw ApiException.validation(name + ": expected epoch milliseconds (an integer >= 0), got \"" + raw
                        + "\"", List.of("query", name)).because(e);
            }
            throw ApiException.validation(name + ": expected epoch milliseconds (an integer >= 0), got \"" + raw
                    + "\"", List.of("query", name));
        });
    }
}
