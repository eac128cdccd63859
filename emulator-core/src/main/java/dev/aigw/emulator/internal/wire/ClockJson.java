package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The control API's clock state, {@code {"mode":"manual","now":"...","waiters":1,"next_wake_up":"..."}}: written by
 * {@code /__emulator/clock} and read by the remote emulator. The system clock has no waiters or wake-up members.
 */
public final class ClockJson {

    /**
     * The clock as the control API reports it.
     *
     * @param mode how the clock behaves
     * @param now its current instant
     * @param waiters the waits holding a request (0 on the system clock)
     * @param nextWakeUp the earliest instant one of them ends by itself, if any
     */
    public record State(ClockMode mode, Instant now, int waiters, Optional<Instant> nextWakeUp) {
    }

    private ClockJson() {
    }

    /** Returns the control API's word for a mode: {@code system}, {@code auto} or {@code manual}. */
    public static String word(ClockMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    /** Returns the words of the modes a virtual clock can be switched to. */
    public static List<String> switchableWords() {
        return Arrays.stream(ClockMode.values()).filter(m -> m != ClockMode.SYSTEM).map(ClockJson::word).toList();
    }

    /** Returns the mode a control API word names. */
    public static ClockMode mode(String word) {
        return ClockMode.valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** Writes a clock's state. */
    public static ObjectNode render(ClockControl clock) {
        ClockMode mode = clock.mode();
        ObjectNode node = Json.object().put("mode", word(mode)).put("now", Timestamps.formatExact(clock.now()));
        if (mode != ClockMode.SYSTEM) {
            node.put("waiters", clock.waiters());
            node.put("next_wake_up", clock.nextWakeUp().map(Timestamps::formatExact).orElse(null));
        }
        return node;
    }

    /** Reads a clock's state. */
    public static State parse(JsonNode node) {
        JsonNode wakeUp = node.path("next_wake_up");
        return new State(mode(node.get("mode").textValue()), Instant.parse(node.get("now").textValue()),
                node.path("waiters").asInt(0),
                wakeUp.isTextual() ? Optional.of(Instant.parse(wakeUp.textValue())) : Optional.empty());
    }
}
