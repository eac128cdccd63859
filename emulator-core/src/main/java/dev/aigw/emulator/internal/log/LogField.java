package dev.aigw.emulator.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.json.Numbers;
import dev.aigw.emulator.internal.util.Logs;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * A log field the Logs API filters and sorts by (management-api.md 4.2), with its type and how to read it from
 * an entry. Values are read as Java values of the type: {@link String}, {@link BigDecimal}, {@link Boolean} or
 * {@link Instant}; {@code metadata.key} and {@code metadata.value} read every key or value of the metadata.
 */
public enum LogField {
    ID("id", Type.STRING, LogEntry::id),
    CREATED_AT("created_at", Type.DATE, LogEntry::createdAt),
    REQUEST_CONTENT_TYPE("request_content_type", Type.STRING, e -> e.request().contentType()),
    RESPONSE_CONTENT_TYPE("response_content_type", Type.STRING, e -> e.response().contentType()),
    REQUEST_TYPE("request_type", Type.STRING, LogEntry::requestType),
    SUCCESS("success", Type.BOOLEAN, LogEntry::success),
    CACHED("cached", Type.BOOLEAN, LogEntry::cached),
    PROVIDER("provider", Type.STRING, LogEntry::provider),
    MODEL("model", Type.STRING, LogEntry::model),
    MODEL_TYPE("model_type", Type.STRING, e -> null),
    COST("cost", Type.NUMBER, e -> BigDecimal.valueOf(e.cost())),
    TOKENS("tokens", Type.NUMBER, e -> e.tokensIn() == null && e.tokensOut() == null ? null
            : number(Optional.ofNullable(e.tokensIn()).orElse(0) + Optional.ofNullable(e.tokensOut()).orElse(0))),
    TOKENS_IN("tokens_in", Type.NUMBER, e -> number(e.tokensIn())),
    TOKENS_OUT("tokens_out", Type.NUMBER, e -> number(e.tokensOut())),
    DURATION("duration", Type.NUMBER, e -> BigDecimal.valueOf(e.durationMillis())),
    FEEDBACK("feedback", Type.NUMBER, e -> e.feedback() == null ? null : BigDecimal.valueOf(e.feedback())),
    EVENT_ID("event_id", Type.STRING, LogEntry::eventId),
    METADATA_KEY("metadata.key", Type.STRING, e -> null),
    METADATA_VALUE("metadata.value", Type.STRING, e -> null),
    AUTHENTICATION("authentication", Type.BOOLEAN, LogEntry::authenticated),
    WHOLESALE("wholesale", Type.BOOLEAN, LogEntry::wholesale),
    COMPATIBILITY_MODE("compatibilityMode", Type.BOOLEAN, e -> "compat".equals(e.requestType())),
    DLP_ACTION("dlp_action", Type.STRING, e -> e.scan().dlpAction().map(Enum::name).orElse(null)),
    USER_AGENT("user_agent", Type.STRING, LogEntry::userAgent);

    private static final Logger LOG = Logs.getLogger(LogField.class);
    private static final BigDecimal MAX_NUMBER = BigDecimal.TEN.pow(18);
    private static final BigDecimal MIN_NUMBER = MAX_NUMBER.negate();

    /** The kinds of value a field holds, each with the operators that apply to it. */
    public enum Type {
        STRING("a string", List.of(LogFilter.Operator.EQ, LogFilter.Operator.NEQ, LogFilter.Operator.CONTAINS)),
        NUMBER("a number", List.of(LogFilter.Operator.EQ, LogFilter.Operator.NEQ, LogFilter.Operator.LT,
                LogFilter.Operator.GT)),
        BOOLEAN("a boolean", List.of(LogFilter.Operator.EQ, LogFilter.Operator.NEQ)),
        DATE("an ISO-8601 date-time", List.of(LogFilter.Operator.EQ, LogFilter.Operator.NEQ, LogFilter.Operator.LT,
                LogFilter.Operator.GT));

        private final String description;
        private final List<LogFilter.Operator> operators;

        Type(String description, List<LogFilter.Operator> operators) {
            this.description = description;
            this.operators = operators;
        }

        /** Says in a few words what a value of this type looks like. */
        public String description() {
            return description;
        }

        /** Returns the operators of the Logs API that apply to this type. */
        public List<LogFilter.Operator> operators() {
            return operators;
        }

        /**
         * Reads a filter value (JSON, or the text of a query parameter); empty when it does not fit, a number
         * included when it is out of {@code -1e18..1e18} or non-zero and smaller than {@code 1e-30} in size.
         */
        public Optional<Object> coerce(JsonNode value) {
            if (value == null || value.isNull()) {
                return Optional.of(NULL);
            }
            String text = value.asText();
            try {
                switch (this) {
                    case STRING:
                        return value.isValueNode() ? Optional.of(text) : Optional.empty();
                    case NUMBER:
                        Optional<BigDecimal> number = value.isNumber()
                                ? Numbers.within(value.decimalValue(), MIN_NUMBER, MAX_NUMBER)
                                : value.isTextual() ? Numbers.parse(text, MIN_NUMBER, MAX_NUMBER) : Optional.empty();
                        return number.map(n -> n);
                    case BOOLEAN:
                        return value.isBoolean() ? Optional.of(value.booleanValue())
                                : text.equals("true") || text.equals("false") ? Optional.of(Boolean.valueOf(text))
                                : Optional.empty();
                    default:
                        return value.isTextual() ? Optional.of(instant(text.trim())) : Optional.empty();
                }
            } catch (DateTimeParseException e) {
                LOG.debug("The filter value {} is not {}", text, description, e);
                return Optional.empty();
            }
        }
    }

    /** Stands for JSON {@code null} among filter values: it matches a field that is unset. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String key;
    private final Type type;
    private final Function<LogEntry, Object> reader;

    LogField(String key, Type type, Function<LogEntry, Object> reader) {
        this.key = key;
        this.type = type;
        this.reader = reader;
    }

    /** Returns the field's name in the Logs API. */
    public String key() {
        return key;
    }

    /** Returns the kind of value the field holds. */
    public Type type() {
        return type;
    }

    /** Finds a field by its Logs API name. */
    public static Optional<LogField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** Reads the field's values of an entry; an unset field reads as one {@code null}. */
    public List<Object> read(LogEntry entry) {
        if (this == METADATA_KEY || this == METADATA_VALUE) {
            return metadata(entry.metadata(), this == METADATA_KEY);
        }
        return Collections.singletonList(reader.apply(entry));
    }

    /** Returns the order of entries by this field, unset values first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<LogEntry> order() {
        return Comparator.comparing(e -> (Comparable) read(e).get(0), Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private static BigDecimal number(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static Instant instant(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static List<Object> metadata(String json, boolean keys) {
        List<Object> found = new ArrayList<>();
        if (json == null) {
            return found;
        }
        try {
            for (Iterator<Map.Entry<String, JsonNode>> it = Json.parse(json).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                found.add(keys ? e.getKey() : e.getValue().asText());
            }
        } catch (Exception e) {
            // The emulator writes metadata as a JSON object, from a header or a PATCH it validated.
            LOG.warn("A log entry's metadata is not a JSON object: {}", json, e);
        }
        return found;
    }
}
