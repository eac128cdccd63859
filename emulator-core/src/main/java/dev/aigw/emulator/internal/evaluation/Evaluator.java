package dev.aigw.emulator.internal.evaluation;

import dev.aigw.emulator.LogEntry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fixed catalogue of evaluation types (management-api-2.md 5.2, an emulator choice): the three evaluators the
 * docs describe, each computed from the gateway's own logs (5.3). An evaluator reads one number from each log;
 * a log without that number is left out, and a result over no log at all is an error. Content-quality judgements
 * are not in the catalogue: they need an LLM judge, which the emulator does not emulate.
 */
public enum Evaluator {
    COST("aig-eval-cost", "Cost", "cost", true, "Average cost of the requests, in USD",
            entry -> Optional.of(BigDecimal.valueOf(entry.cost()))) {
        @Override
        String format(List<BigDecimal> values) {
            BigDecimal mean = sum(values).divide(BigDecimal.valueOf(values.size()), new MathContext(10,
                    RoundingMode.HALF_UP));
            return mean.signum() == 0 ? "0" : mean.stripTrailingZeros().toPlainString();
        }
    },
    SPEED("aig-eval-speed", "Speed", "speed", true, "Average duration of the requests, in milliseconds",
            entry -> Optional.of(BigDecimal.valueOf(entry.durationMillis()))) {
        @Override
        String format(List<BigDecimal> values) {
            return sum(values).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP).toPlainString();
        }
    },
    HUMAN_FEEDBACK("aig-eval-human-feedback", "Human Feedback", "feedback", false,
            "Share of thumbs up (feedback 1) among the requests rated thumbs up or down (1 or -1), in percent",
            entry -> Optional.ofNullable(entry.feedback()).filter(f -> f == 1 || f == -1).map(BigDecimal::valueOf)) {
        @Override
        String format(List<BigDecimal> values) {
            long up = values.stream().filter(v -> v.signum() > 0).count();
            return BigDecimal.valueOf(up * 100).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP)
                    .toPlainString();
        }
    };

    /** The instant every catalogue entry was created and last modified (5.2). */
    public static final Instant CATALOGUED_AT = Instant.parse("2024-10-01T00:00:00.000Z");

    private final String id;
    private final String displayName;
    private final String type;
    private final boolean mandatory;
    private final String description;
    private final Function<LogEntry, Optional<BigDecimal>> reading;

    Evaluator(String id, String displayName, String type, boolean mandatory, String description,
              Function<LogEntry, Optional<BigDecimal>> reading) {
        this.id = id;
        this.displayName = displayName;
        this.type = type;
        this.mandatory = mandatory;
        this.description = description;
        this.reading = reading;
    }

    /** Returns the evaluation type's id, e.g. {@code aig-eval-cost}. */
    public String id() {
        return id;
    }

    /** Returns the evaluation type's name, e.g. {@code Human Feedback}. */
    public String displayName() {
        return displayName;
    }

    /** Returns the evaluation type's {@code type}: {@code cost}, {@code speed} or {@code feedback}. */
    public String type() {
        return type;
    }

    /** Tells whether the type is mandatory. */
    public boolean mandatory() {
        return mandatory;
    }

    /** Says what the evaluator computes. */
    public String description() {
        return description;
    }

    /** Finds an evaluator by its id. */
    public static Optional<Evaluator> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    /** Returns the ids of the catalogue. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Evaluator::id).toList();
    }

    /** Computes this evaluator over logs: how many had the number it reads, and the result text (empty over none). */
    public Outcome evaluate(List<LogEntry> logs) {
        List<BigDecimal> values = logs.stream().map(reading).flatMap(Optional::stream).toList();
        return values.isEmpty() ? new Outcome(0, "") : new Outcome(values.size(), format(values));
    }

    abstract String format(List<BigDecimal> values);

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * What an evaluator computed.
     *
     * @param usableLogs how many logs had the number the evaluator reads
     * @param result the result text, empty when no log had it
     */
    public record Outcome(int usableLogs, String result) {

        /** Tells whether the evaluator had any log to work on. */
        public boolean computed() {
            return usableLogs > 0;
        }
    }
}
