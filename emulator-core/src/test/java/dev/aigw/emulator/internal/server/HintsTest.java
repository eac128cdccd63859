package dev.aigw.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A hint always fits in a header value, whatever a request put in it. */
class HintsTest {

    @Test
    void charactersAHeaderCannotCarryBecomeQuestionMarks() {
        assertThat(Hints.headerValue("Gateway \"gw\u00e9\r\nx-evil: 1\" does not exist"))
                .isEqualTo("Gateway \"gw???x-evil: 1\" does not exist");
    }

    @Test
    void aVeryLongHintIsCutAt2000Characters() {
        assertThat(Hints.headerValue("a".repeat(5_000))).hasSize(2_000);
    }

    @Test
    void eachSettingIsNamedByWhetherHintsAreShown() {
        assertThat(Hints.shown(true)).isEqualTo(Hints.SHOWN);
        assertThat(Hints.shown(false)).isEqualTo(Hints.HIDDEN);
    }
}
