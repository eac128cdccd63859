package dev.aigw.emulator.internal.gateway;

import static dev.aigw.emulator.internal.api.JsonShape.anyOf;
import static dev.aigw.emulator.internal.api.JsonShape.arrayOf;
import static dev.aigw.emulator.internal.api.JsonShape.bool;
import static dev.aigw.emulator.internal.api.JsonShape.integer;
import static dev.aigw.emulator.internal.api.JsonShape.mapOf;
import static dev.aigw.emulator.internal.api.JsonShape.number;
import static dev.aigw.emulator.internal.api.JsonShape.object;
import static dev.aigw.emulator.internal.api.JsonShape.oneOf;
import static dev.aigw.emulator.internal.api.JsonShape.optional;
import static dev.aigw.emulator.internal.api.JsonShape.required;
import static dev.aigw.emulator.internal.api.JsonShape.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.internal.api.JsonShape;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The table of the gateway object's writable fields, their types, ranges, defaults and presence rules,
 * as management-api.md 3.1 to 3.8 list them. Validation and serialisation both read this table.
 */
public final class GatewayFields {

    /** The gateway id's pattern: lower-case letters, digits, {@code _}, single {@code -} between groups. */
    public static final Pattern ID_PATTERN = Pattern.compile("^[a-z0-9_]+(?:-[a-z0-9_]+)*$");

    public static final int MAX_ID_LENGTH = 64;

    /** The shape of a gateway id in a create body. */
    public static final JsonShape ID = new JsonShape.Text(1, MAX_ID_LENGTH, ID_PATTERN,
            "lower-case letters, digits and '_', with single '-' between groups");

    private static final long MAX_INT = Integer.MAX_VALUE;
    private static final JsonShape ACTION = oneOf("FLAG", "BLOCK");
    private static final JsonShape STRINGS = arrayOf(text(0, Integer.MAX_VALUE));
    private static final JsonShape FILTER = object(required("mode", oneOf("filter")), required("values", STRINGS));

    private static final JsonShape DLP = anyOf("a DLP config (legacy or policies form)",
            object(required("enabled", bool()), required("action", ACTION), required("profiles", STRINGS)),
            object(required("enabled", bool()), required("policies", arrayOf(object(
                    required("id", text(0, Integer.MAX_VALUE)),
                    required("action", ACTION),
                    required("check", arrayOf(oneOf("REQUEST", "RESPONSE"))),
                    required("enabled", bool()),
                    required("profiles", STRINGS))))));

    private static final JsonShape GUARDRAIL_CATEGORIES = object(hazards());

    private static final JsonShape GUARDRAILS = object(
            required("prompt", GUARDRAIL_CATEGORIES), required("response", GUARDRAIL_CATEGORIES));

    private static final JsonShape OTEL = arrayOf(object(
            required("url", text(1, Integer.MAX_VALUE)),
            required("headers", mapOf(text(0, Integer.MAX_VALUE))),
            optional("authorization", text(0, Integer.MAX_VALUE)),
            optional("content_type", oneOf("json", "protobuf"))));

    /** A spend-limit dimension: only some values ({@code filter}), or a budget per value ({@code partition}). */
    private static final JsonShape SPEND_DIMENSION = anyOf("a filter or a partition",
            object(required("mode", oneOf("partition"))), FILTER);

    /** At most 20 rules per gateway (proxy.md 6.5). */
    private static final int MAX_SPEND_RULES = 20;

    private static final JsonShape SPEND_LIMITS = object(
            optional("enabled", bool()),
            optional("rules", new JsonShape.ArrayOf(object(
                    required("limit", number(0, Double.MAX_VALUE)),
                    required("limitType", oneOf("cost")),
                    required("window", integer(1, MAX_INT)),
                    optional("id", text(1, Integer.MAX_VALUE)),
                    optional("enabled", bool()),
                    optional("technique", oneOf("fixed", "sliding")),
                    optional("model", SPEND_DIMENSION),
                    optional("provider", SPEND_DIMENSION),
                    optional("metadata", mapOf(SPEND_DIMENSION))), 0, MAX_SPEND_RULES)));

    private static final JsonShape STRIPE = object(
            required("authorization", text(0, Integer.MAX_VALUE)),
            required("usage_events", arrayOf(object(required("payload", text(0, Integer.MAX_VALUE))))));

    /** Every writable field; required ones first, then the rest, each group alphabetical. */
    public static final List<GatewayField> ALL = List.of(
            field("cache_invalidate_on_update", bool(), false, true, null),
            field("cache_ttl", integer(0, MAX_INT), true, true, null),
            field("collect_logs", bool(), false, true, null),
            field("rate_limiting_interval", integer(0, MAX_INT), true, true, null),
            field("rate_limiting_limit", integer(0, MAX_INT), true, true, null),
            field("authentication", bool(), false, false, BooleanNode.FALSE),
            field("byok_only", bool(), false, false, BooleanNode.FALSE),
            field("dlp", DLP, false, false, null),
            field("guardrails", GUARDRAILS, true, false, null),
            field("log_classification", bool(), false, false, null),
            field("log_management", integer(10_000, 10_000_000), true, false, null),
            field("log_management_strategy", oneOf("STOP_INSERTING", "DELETE_OLDEST"), true, false, null),
            field("logpush", bool(), false, false, BooleanNode.FALSE),
            field("logpush_public_key", text(16, 1024), true, false, null),
            field("otel", OTEL, true, false, null),
            field("rate_limiting_technique", oneOf("fixed", "sliding"), true, false, TextNode.valueOf("fixed")),
            field("retry_backoff", oneOf("constant", "linear", "exponential"), true, false, null),
            field("retry_delay", integer(0, Retries.MAX_STORED_DELAY_MILLIS), true, false, null),
            field("retry_max_attempts", integer(1, 5), true, false, null),
            field("spend_limits", SPEND_LIMITS, true, false, null),
            field("store_id", text(0, Integer.MAX_VALUE), true, false, null),
            field("stripe", STRIPE, true, false, null),
            field("workers_ai_billing_mode", oneOf("postpaid", "unified"), false, false, TextNode.valueOf("postpaid")),
            field("zdr", bool(), false, false, BooleanNode.FALSE));

    private GatewayFields() {
    }

    /** Tells whether a string is a syntactically valid gateway id. */
    public static boolean isValidId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH && ID_PATTERN.matcher(id).matches();
    }

    private static GatewayField field(String name, JsonShape shape, boolean nullable, boolean required,
                                      JsonNode defaultValue) {
        return new GatewayField(name, shape, nullable, required, defaultValue);
    }

    private static JsonShape.Member[] hazards() {
        JsonShape.Member[] members = new JsonShape.Member[14];
        members[0] = optional("P1", ACTION);
        for (int i = 1; i <= 13; i++) {
            members[i] = optional("S" + i, ACTION);
        }
        return members;
    }
}
