package dev.aigw.emulator.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringPoolTest {

    private final StringPool pool = new StringPool();

    @Test
    void equalStringsComeBackAsTheFirstCopy() {
        String first = new String("gpt-4o-mini");
        String second = new String("gpt-4o-mini");

        assertThat(pool.of(first)).isSameAs(first);
        assertThat(pool.of(second)).isSameAs(first);
    }

    @Test
    void nullStaysNull() {
        assertThat(pool.of(null)).isNull();
    }

    @Test
    void longStringsAreKeptAsGiven() {
        String first = "x".repeat(257);
        String second = new String(first);

        pool.of(first);

        assertThat(pool.of(second)).isSameAs(second);
    }

    @Test
    void aFullPoolKeepsNewStringsAsGivenAndStillPoolsTheOldOnes() {
        String early = new String("model-0");
        pool.of(early);
        for (int i = 1; i < 10_000; i++) {
            pool.of("model-" + i);
        }
        String late = new String("model-9999");

        assertThat(pool.of(late)).isSameAs(late);
        assertThat(pool.of(new String("model-0"))).isSameAs(early);
    }
}
