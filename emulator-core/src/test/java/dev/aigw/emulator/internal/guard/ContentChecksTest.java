package dev.aigw.emulator.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.ScanAction;
import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.ScanTarget;
import dev.aigw.emulator.internal.gateway.DlpSettings;
import dev.aigw.emulator.internal.gateway.GuardrailSettings;
import dev.aigw.emulator.internal.gateway.StoredSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision of the Guardrails and DLP checks, without I/O: settings and scan rules in, a verdict out. */
class ContentChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScanBook book = new ScanBook();
    private final ContentChecks checks = new ContentChecks(book);

    private static StoredSettings settings(String members) {
        try {
            JsonNode node = JSON.readTree(members);
            Map<String, JsonNode> map = new java.util.TreeMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
            return StoredSettings.bind(map);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static GuardrailSettings guardrails(String json) {
        return settings("{\"guardrails\":" + json + "}").guardrails().orElseThrow();
    }

    private static DlpSettings dlp(String json) {
        return settings("{\"dlp\":" + json + "}").dlp().orElseThrow();
    }

    private Verdict check(GuardrailSettings g, DlpSettings d, ScanTarget target, String text) {
        return checks.check(g, d, target, null, text.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void aBlockingCategoryWinsOverAFlaggingOneAndBothAreReported() {
        book.add(ScanRule.prompts("knife").hazards(HazardCategory.S10, HazardCategory.S1));

        Verdict verdict = check(guardrails("{\"prompt\":{\"S1\":\"BLOCK\",\"S10\":\"FLAG\"},\"response\":{}}"), null,
                ScanTarget.PROMPT, "a knife");

        assertThat(verdict.block().status()).isEqualTo(424);
        assertThat(verdict.block().error().code()).isEqualTo(2016);
        assertThat(verdict.reason()).isEqualTo("Guardrails blocked the prompt: S1 (Violent Crimes)");
        assertThat(verdict.outcome().hazards()).containsExactly(
                new ScanOutcome.Hazard(ScanTarget.PROMPT, HazardCategory.S1, ScanAction.BLOCK),
                new ScanOutcome.Hazard(ScanTarget.PROMPT, HazardCategory.S10, ScanAction.FLAG));
    }

    @Test
    void aRuleForPromptsDoesNotReadResponsesAndAMissingPatternFindsNothing() {
        book.add(ScanRule.prompts("knife").hazards(HazardCategory.S1));
        GuardrailSettings both = guardrails("{\"prompt\":{\"S1\":\"BLOCK\"},\"response\":{\"S1\":\"BLOCK\"}}");

        assertThat(check(both, null, ScanTarget.RESPONSE, "a knife").blocked()).isEmpty();
        assertThat(check(both, null, ScanTarget.PROMPT, "a spoon").outcome()).isEqualTo(ScanOutcome.NONE);
    }

    @Test
    void unknownAndWronglyTypedMembersOfTheStoredSettingAreIgnored() {
        GuardrailSettings g = guardrails("{\"prompt\":{\"S14\":\"BLOCK\",\"S2\":\"FLAG\"},\"response\":{}}");

        assertThat(g.prompt()).containsExactly(Map.entry(HazardCategory.S2, ScanAction.FLAG));
        assertThat(g.response()).isEmpty();
        assertThat(settings("{\"guardrails\":null}").guardrails()).isEmpty();
        assertThat(settings("{}").dlp()).isEmpty();
    }

    @Test
    void aResponseOfAModelThatIsNotTextGenerationIsNotModeratedButDlpStillReadsIt() {
        book.add(ScanRule.responses("vector").hazards(HazardCategory.S1).dlpProfile("pii"));
        GuardrailSettings g = guardrails("{\"prompt\":{},\"response\":{\"S1\":\"BLOCK\"}}");
        DlpSettings d = dlp("{\"enabled\":true,\"action\":\"FLAG\",\"profiles\":[\"pii\"]}");

        assertThat(ContentChecks.applies(g, null, ScanTarget.RESPONSE, false)).isFalse();
        Verdict verdict = checks.check(g, d, ScanTarget.RESPONSE, null, "vector".getBytes(StandardCharsets.UTF_8),
                false);

        assertThat(verdict.blocked()).isEmpty();
        assertThat(verdict.outcome().hazards()).isEmpty();
        assertThat(verdict.outcome().dlpAction()).contains(ScanAction.FLAG);
    }

    @Test
    void anUnavailableScannerLeavesDlpRunningWhenNoCategoryBlocks() {
        book.add(ScanRule.prompts("card").hazards(HazardCategory.S2).dlpProfile("financial", "visa"));
        book.guardrailsAvailable(false);

        Verdict verdict = check(guardrails("{\"prompt\":{\"S2\":\"FLAG\"},\"response\":{}}"),
                dlp("{\"enabled\":true,\"policies\":[{\"id\":\"p\",\"action\":\"BLOCK\",\"check\":[\"REQUEST\"],"
                        + "\"enabled\":true,\"profiles\":[\"financial\"]}]}"), ScanTarget.PROMPT, "card");

        assertThat(verdict.block().error().code()).isEqualTo(2029);
        assertThat(verdict.outcome()).isEqualTo(new ScanOutcome(List.of(), List.of(new ScanOutcome.DlpFinding(
                ScanTarget.PROMPT, "financial", List.of("visa"), List.of("p"), ScanAction.BLOCK))));
    }

    @Test
    void entriesOfOneProfileFoundBySeveralRulesAreListedOnce() {
        book.add(ScanRule.prompts("a").dlpProfile("pii", "name", "email"));
        book.add(ScanRule.prompts("b").dlpProfile("pii", "email", "phone"));

        Verdict verdict = check(null, dlp("{\"enabled\":true,\"action\":\"FLAG\",\"profiles\":[\"pii\"]}"),
                ScanTarget.PROMPT, "a b");

        assertThat(verdict.outcome().dlpFindings()).singleElement().satisfies(f ->
                assertThat(f.entryIds()).containsExactly("name", "email", "phone"));
    }

    @Test
    void nothingChecksATargetNoSettingNames() {
        assertThat(ContentChecks.applies(null, null, ScanTarget.PROMPT, true)).isFalse();
        assertThat(ContentChecks.applies(guardrails("{\"prompt\":{},\"response\":{}}"), null, ScanTarget.PROMPT,
                true)).isFalse();
        assertThat(ContentChecks.applies(null, dlp("{\"enabled\":true,\"policies\":[{\"id\":\"p\",\"action\":"
                + "\"FLAG\",\"check\":[\"RESPONSE\"],\"enabled\":true,\"profiles\":[\"x\"]}]}"), ScanTarget.PROMPT,
                true)).isFalse();
    }

    @Test
    void aRuleNarrowedToATestReadsOnlyThatTestsRequests() {
        book.add(ScanRule.prompts("knife").hazards(HazardCategory.S1).forTest("t1"));
        GuardrailSettings g = guardrails("{\"prompt\":{\"S1\":\"BLOCK\"},\"response\":{}}");
        byte[] body = "knife".getBytes(StandardCharsets.UTF_8);

        assertThat(checks.check(g, null, ScanTarget.PROMPT, "t1", body, true).blocked()).isPresent();
        assertThat(checks.check(g, null, ScanTarget.PROMPT, "t2", body, true).blocked()).isEmpty();
        assertThat(checks.check(g, null, ScanTarget.PROMPT, null, body, true).blocked()).isEmpty();
    }
}
