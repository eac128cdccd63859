package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.log.LogField;
import dev.aigw.emulator.internal.log.LogFilter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Writes log filters in the JSON form of the Logs API's {@code filters} query parameter,
 * {@code [{"key":"provider","operator":"eq","value":["openai"]}]}, which its parser
 * ({@code LogFilterParser}) reads back as the same filters; the remote emulator sends a {@code LogQuery} so.
 */
public final class LogFilterJson {

    private LogFilterJson() {
    }

    /**
     * Writes filters as a JSON array.
     *
     * @throws IllegalArgumentException for a filter whose operator the Logs API has no name for ({@code min_*} and
     *     {@code max_*} bounds, which no {@code LogQuery} holds)
     */
    public static ArrayNode render(List<LogFilter> filters) {
        ArrayNode array = Json.array();
        for (LogFilter filter : filters) {
            if (filter.operator().apiName() == null) {
                throw new IllegalArgumentException("the filter " + filter + " has no operator of the Logs API");
            }
            ObjectNode node = array.addObject().put("key", filter.field().key())
                    .put("operator", filter.operator().apiName());
            ArrayNode values = node.putArray("value");
            filter.values().forEach(v -> add(values, v));
        }
        return array;
    }

    private static void add(ArrayNode values, Object value) {
        if (value == LogField.NULL) {
            values.addNull();
        } else if (value instanceof BigDecimal number) {
            values.add(number);
        } else if (value instanceof Boolean flag) {
            values.add(flag);
        } else if (value instanceof Instant instant) {
            values.add(instant.toString());
        } else {
            values.add(value.toString());
        }
    }
}
