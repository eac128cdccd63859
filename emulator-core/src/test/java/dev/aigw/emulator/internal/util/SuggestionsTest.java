package dev.aigw.emulator.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" names the closest candidates, and nothing when none is close or the word is right. */
class SuggestionsTest {

    private static final List<String> SLUGS = List.of("openai", "anthropic", "groq", "grok", "workers-ai");

    @Test
    void aTypoWithinTwoEditsNamesItsCandidate() {
        assertThat(Suggestions.didYouMean("opnai", SLUGS)).isEqualTo(" (did you mean \"openai\"?)");
        assertThat(Suggestions.didYouMean("Anthropic", SLUGS)).isEqualTo(" (did you mean \"anthropic\"?)");
    }

    @Test
    void aPrefixEitherWayCountsAsClose() {
        assertThat(Suggestions.didYouMean("workers", SLUGS)).isEqualTo(" (did you mean \"workers-ai\"?)");
        assertThat(Suggestions.didYouMean("openai-chat", SLUGS)).isEqualTo(" (did you mean \"openai\"?)");
    }

    @Test
    void equallyCloseCandidatesAreAllNamedInTheirOrder() {
        assertThat(Suggestions.didYouMean("gro", SLUGS)).isEqualTo(" (did you mean \"groq\" or \"grok\"?)");
        assertThat(Suggestions.closest("a", List.of("b", "c", "d", "e"))).containsExactly("b", "c", "d");
        assertThat(Suggestions.didYouMean("a", List.of("b", "c", "d")))
                .isEqualTo(" (did you mean \"b\", \"c\" or \"d\"?)");
    }

    @Test
    void nothingIsSuggestedForAFarWordOrAnExactOne() {
        assertThat(Suggestions.didYouMean("mistral", SLUGS)).isEmpty();
        assertThat(Suggestions.didYouMean("openai", SLUGS)).isEmpty();
    }
}
