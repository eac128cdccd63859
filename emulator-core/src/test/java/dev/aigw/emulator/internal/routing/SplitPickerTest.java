package dev.aigw.emulator.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The percentage element's picks (management-api-2.md 4.5). The expected sequences were worked out by hand from
 * the spec's formula (splitmix64, fnv1a64) outside the emulator and are written here as literals.
 */
class SplitPickerTest {

    private static final List<String> LABELS = List.of("70%", "30%");
    private static final List<BigDecimal> PERCENTS = List.of(BigDecimal.valueOf(70), BigDecimal.valueOf(30));

    private static List<String> picks(SplitPicker picker, int count) {
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picks.add(picker.pick("acc/gw/route-1/split", LABELS, PERCENTS));
        }
        return picks;
    }

    @Test
    void seedZeroGivesTheFormulasSequence() {
        SplitPicker picker = new SplitPicker();

        assertThat(picks(picker, 10)).containsExactly("70%", "30%", "70%", "70%", "70%", "70%", "70%", "30%", "30%",
                "30%");
    }

    @Test
    void seedFortyTwoGivesTheFormulasSequence() {
        SplitPicker picker = new SplitPicker();
        picker.configure(42, "seeded");

        assertThat(picks(picker, 10)).containsExactly("70%", "70%", "70%", "30%", "70%", "70%", "70%", "70%", "30%",
                "70%");
    }

    @Test
    void clearingStartsTheSequenceAgain() {
        SplitPicker picker = new SplitPicker();
        picks(picker, 3);
        picker.clear();

        assertThat(picks(picker, 2)).containsExactly("70%", "30%");
    }

    @Test
    void weightedRoundRobinSplitsAnyHundredExactly() {
        SplitPicker picker = new SplitPicker();
        picker.configure(0, "weighted_round_robin");

        List<String> picks = picks(picker, 100);

        assertThat(picks.stream().filter("70%"::equals).count()).isEqualTo(70);
        assertThat(picks.subList(0, 4)).containsExactly("70%", "30%", "70%", "70%");
    }

    @Test
    void fnvAndSplitmixMatchTheirReferenceValues() {
        assertThat(SplitPicker.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(SplitPicker.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(SplitPicker.splitmix64(0)).isEqualTo(0xe220a8397b1dcdafL);
    }
}
