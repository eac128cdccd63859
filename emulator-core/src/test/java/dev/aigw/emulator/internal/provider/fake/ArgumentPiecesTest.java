package dev.aigw.emulator.internal.provider.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentPiecesTest {

    @Test
    void argumentsComeInThreePiecesTwoWhenShortThatConcatenateToThem() {
        assertThat(ArgumentPieces.of("{\"location\":\"Paris\"}")).hasSize(3);
        assertThat(String.join("", ArgumentPieces.of("{\"location\":\"Paris\"}"))).isEqualTo("{\"location\":\"Paris\"}");
        assertThat(ArgumentPieces.of("{}")).containsExactly("{", "}");
        assertThat(ArgumentPieces.of("{\"a\":1}")).hasSize(2);
    }

    @Test
    void aPieceNeverEndsBetweenTheHalvesOfASurrogatePair() {
        String arguments = "{\"e\":\"\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\"}";

        List<String> pieces = ArgumentPieces.of(arguments);

        assertThat(String.join("", pieces)).isEqualTo(arguments);
        assertThat(pieces).allSatisfy(p -> assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse());
    }
}
