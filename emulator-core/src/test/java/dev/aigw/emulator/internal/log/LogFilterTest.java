package dev.aigw.emulator.internal.log;

import static dev.aigw.emulator.internal.log.LogEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.log.LogFilter.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each operator compares each type of field, without sockets. */
class LogFilterTest {

    private final LogEntry entry = entry("id-1", Instant.parse("2026-02-01T10:00:00Z"), "openai", "gpt-4o-mini", 200,
            10, null, 250).withReview(null, null, "{\"team\":\"ai\",\"tier\":2}");

    private static boolean matches(LogEntry entry, LogField field, Operator operator, Object... values) {
        return new LogFilter(field, operator, List.of(values)).matches(entry);
    }

    @Test
    void stringsCompareExactlyOrByCaseInsensitiveSubstringAndAnyValueMatches() {
        assertThat(matches(entry, LogField.MODEL, Operator.EQ, "gpt-4o-mini")).isTrue();
        assertThat(matches(entry, LogField.MODEL, Operator.EQ, "gpt-4o", "gpt-4o-mini")).isTrue();
        assertThat(matches(entry, LogField.MODEL, Operator.EQ, "gpt-4o")).isFalse();
        assertThat(matches(entry, LogField.MODEL, Operator.NEQ, "gpt-4o")).isTrue();
        assertThat(matches(entry, LogField.MODEL, Operator.NEQ, "gpt-4o", "gpt-4o-mini")).isFalse();
        assertThat(matches(entry, LogField.MODEL, Operator.CONTAINS, "4O-MI")).isTrue();
        assertThat(matches(entry, LogField.PROVIDER, Operator.CONTAINS, "anthropic")).isFalse();
    }

    @Test
    void numbersAndDatesCompareByValue() {
        assertThat(matches(entry, LogField.DURATION, Operator.GT, new BigDecimal("249"))).isTrue();
        assertThat(matches(entry, LogField.DURATION, Operator.GT, new BigDecimal("250"))).isFalse();
        assertThat(matches(entry, LogField.DURATION, Operator.LT, new BigDecimal("250.5"))).isTrue();
        assertThat(matches(entry, LogField.DURATION, Operator.EQ, new BigDecimal("250.0"))).isTrue();
        assertThat(matches(entry, LogField.DURATION, Operator.AT_LEAST, new BigDecimal("250"))).isTrue();
        assertThat(matches(entry, LogField.DURATION, Operator.AT_MOST, new BigDecimal("249"))).isFalse();
        assertThat(matches(entry, LogField.TOKENS, Operator.EQ, new BigDecimal("10"))).isTrue();
        assertThat(matches(entry, LogField.CREATED_AT, Operator.LT, Instant.parse("2026-02-01T10:00:01Z"))).isTrue();
        assertThat(matches(entry, LogField.CREATED_AT, Operator.GT, Instant.parse("2026-02-01T10:00:00Z"))).isFalse();
    }

    @Test
    void nullMatchesAnUnsetFieldAndNothingElse() {
        assertThat(matches(entry, LogField.TOKENS_OUT, Operator.EQ, LogField.NULL)).isTrue();
        assertThat(matches(entry, LogField.TOKENS_IN, Operator.EQ, LogField.NULL)).isFalse();
        assertThat(matches(entry, LogField.TOKENS_OUT, Operator.GT, new BigDecimal("0"))).isFalse();
        assertThat(matches(entry, LogField.TOKENS_OUT, Operator.NEQ, LogField.NULL)).isFalse();
    }

    @Test
    void metadataKeysAndValuesMatchWhenAnyEntryDoes() {
        assertThat(matches(entry, LogField.METADATA_KEY, Operator.EQ, "team")).isTrue();
        assertThat(matches(entry, LogField.METADATA_VALUE, Operator.EQ, "2")).isTrue();
        assertThat(matches(entry, LogField.METADATA_VALUE, Operator.CONTAINS, "A")).isTrue();
        assertThat(matches(entry, LogField.METADATA_KEY, Operator.NEQ, "team")).isFalse();
        assertThat(matches(entry("plain"), LogField.METADATA_KEY, Operator.EQ, "team")).isFalse();
    }

    @Test
    void booleansAndDerivedFieldsRead() {
        assertThat(matches(entry, LogField.SUCCESS, Operator.EQ, true)).isTrue();
        assertThat(matches(entry, LogField.CACHED, Operator.NEQ, false)).isFalse();
        assertThat(matches(entry, LogField.WHOLESALE, Operator.EQ, false)).isTrue();
        assertThat(matches(entry, LogField.COMPATIBILITY_MODE, Operator.EQ, false)).isTrue();
    }

    @Test
    void filterValuesAreReadAsTheFieldsType() {
        assertThat(LogField.Type.NUMBER.coerce(TextNode.valueOf("12.5"))).contains(new BigDecimal("12.5"));
        assertThat(LogField.Type.NUMBER.coerce(IntNode.valueOf(3))).contains(new BigDecimal("3"));
        assertThat(LogField.Type.NUMBER.coerce(TextNode.valueOf("many"))).isEmpty();
        assertThat(LogField.Type.BOOLEAN.coerce(TextNode.valueOf("true"))).contains(true);
        assertThat(LogField.Type.BOOLEAN.coerce(BooleanNode.FALSE)).contains(false);
        assertThat(LogField.Type.BOOLEAN.coerce(TextNode.valueOf("yes"))).isEmpty();
        assertThat(LogField.Type.DATE.coerce(TextNode.valueOf("2026-02-01T10:00:00Z")))
                .contains(Instant.parse("2026-02-01T10:00:00Z"));
        assertThat(LogField.Type.DATE.coerce(TextNode.valueOf("2026-02-01")))
                .contains(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(LogField.Type.DATE.coerce(TextNode.valueOf("yesterday"))).isEmpty();
        assertThat(LogField.Type.STRING.coerce(NullNode.getInstance())).contains(LogField.NULL);
    }

    @Test
    void everyOperatorOfTheApiAppliesToSomeType() {
        assertThat(List.of(LogField.values())).extracting(LogField::key).contains("id", "created_at", "metadata.key",
                "metadata.value", "compatibilityMode", "dlp_action", "user_agent");
        assertThat(LogField.byKey("nope")).isEmpty();
    }
}
