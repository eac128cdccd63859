package dev.aigw.emulator.guard;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Emulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.ScanAction;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.ScanTarget;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.proxy.ProxyClient;
import dev.aigw.emulator.testsupport.ApiReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fake content scanner is one vocabulary in Java (in-process and remote) and over the control API
 * ({@code /__emulator/scanner}): rules added one way are seen the other ways, and bad rules are refused by member.
 */
@Timeout(30)
class ContentScannerTest {

    private final AiGatewayEmulator local = AiGatewayEmulator.builder().build().start();
    private final RemoteEmulator remote = RemoteEmulator.connect(local.baseUrl(), local.accountId(), local.apiToken());
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        local.close();
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local.baseUrl() + "/__emulator" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ApiReply reply(HttpResponse<String> response) {
        return new ApiReply(response.request().method(), response.uri().getPath(), response.statusCode(),
                response.headers(), ProxyClient.json(response));
    }

    @Test
    void aRuleAddedOverTheControlApiIsListedThereAndInJavaBothWays() {
        HttpResponse<String> added = call("POST", "/scanner/rules", """
                {"target":"prompt","pattern":"(?i)rob a bank","hazards":["S2","S1"],
                 "dlp_profiles":["pii",{"profile_id":"financial","entry_ids":["card"]}]}""");

        assertThat(added.statusCode()).isEqualTo(200);
        ScanRule expected = ScanRule.prompts("(?i)rob a bank").hazards(HazardCategory.S2, HazardCategory.S1)
                .dlpProfile("pii").dlpProfile("financial", "card");
        assertThat(local.scanner().rules()).containsExactly(expected);
        assertThat(remote.scanner().rules()).containsExactly(expected);
        assertThat(ProxyClient.json(call("GET", "/scanner", null))).isEqualTo(ProxyClient.parse("""
                {"guardrails_available":true,"rules":[{"target":"prompt","pattern":"(?i)rob a bank",
                  "hazards":["S2","S1"],"dlp_profiles":[{"profile_id":"pii","entry_ids":[]},
                  {"profile_id":"financial","entry_ids":["card"]}],"test_id":null}]}"""));
    }

    @Test
    void severalRulesAreAddedAtOnceOrNoneWhenOneIsBad() {
        HttpResponse<String> refused = call("POST", "/scanner/rules", """
                {"rules":[{"target":"prompt","pattern":"a","hazards":["S1"]},
                          {"target":"response","pattern":"b","hazards":["S14"]}]}""");

        assertValidationError(reply(refused), "body", "rules", "1", "hazards", "0");
        assertThat(local.scanner().rules()).isEmpty();

        assertThat(call("POST", "/scanner/rules", """
                {"rules":[{"target":"prompt","pattern":"a"},{"target":"response","pattern":"b"}]}""").statusCode())
                .isEqualTo(200);
        assertThat(local.scanner().rules()).extracting(ScanRule::target)
                .containsExactly(ScanTarget.PROMPT, ScanTarget.RESPONSE);
    }

    @Test
    void anUnknownHazardCategoryIsRefusedWithTheClosestOnes() {
        JsonNode error = assertValidationError(reply(call("POST", "/scanner/rules",
                "{\"target\":\"prompt\",\"pattern\":\"x\",\"hazards\":[\"S14\"]}")), "body", "hazards", "0");

        assertThat(error.get("message").textValue()).isEqualTo("Input Validation Error: hazards.0: no hazard category"
                + " is called \"S14\" (did you mean \"S1\", \"S4\" or \"S10\"?); the categories are P1 and S1 to S13");
        assertThatThrownBy(() -> HazardCategory.of("s1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no hazard category is called \"s1\" (did you mean \"S1\"?); the categories are P1 and S1"
                        + " to S13");
    }

    @Test
    void anUnknownMemberIsRefusedWithTheClosestName() {
        JsonNode error = assertValidationError(reply(call("POST", "/scanner/rules",
                "{\"target\":\"prompt\",\"pattern\":\"x\",\"hazard\":[\"S1\"]}")), "body", "hazard");

        assertThat(error.get("message").textValue()).contains("unknown member (did you mean \"hazards\"?)");
    }

    @Test
    void anUnknownTargetAMissingPatternAndABadRegexAreRefusedByMember() {
        assertThat(assertValidationError(reply(call("POST", "/scanner/rules",
                "{\"target\":\"Prompt\",\"pattern\":\"x\"}")), "body", "target").get("message").textValue())
                .contains("(did you mean \"prompt\"?)");
        assertThat(assertValidationError(reply(call("POST", "/scanner/rules",
                "{\"target\":\"responses\",\"pattern\":\"x\"}")), "body", "target").get("message").textValue())
                .as("a typo of an allowed value, not only another case").contains("(did you mean \"response\"?)");
        assertValidationError(reply(call("POST", "/scanner/rules", "{\"target\":\"prompt\"}")), "body", "pattern");
        assertThat(assertValidationError(reply(call("POST", "/scanner/rules",
                "{\"target\":\"prompt\",\"pattern\":\"(unclosed\"}")), "body", "pattern").get("message").textValue())
                .contains("pattern: the scan rule's pattern is not a regular expression: Unclosed group");
        assertValidationError(reply(call("POST", "/scanner/rules",
                "{\"target\":\"prompt\",\"pattern\":\"x\",\"dlp_profiles\":[\"\"]}")), "body", "dlp_profiles", "0");
        assertValidationError(reply(call("PUT", "/scanner/guardrails", "{\"available\":\"no\"}")),
                "body", "available");
        assertValidationError(reply(call("GET", "/scanner?test_id=t1", null)), "query", "test_id");
        assertThat(local.scanner().rules()).isEmpty();
    }

    @Test
    void aBadRuleIsRefusedInJavaWithTheSameWords() {
        assertThatThrownBy(() -> ScanRule.prompts("(unclosed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the scan rule's pattern is not a regular expression: Unclosed group");
        assertThatThrownBy(() -> ScanRule.prompts("x").dlpProfile("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a DLP profile id cannot be empty");
    }

    @Test
    void theGuardrailsScannerIsMadeUnavailableAndAvailableAgainEveryWay() {
        remote.scanner().guardrailsAvailable(false);
        assertThat(local.scanner().guardrailsAvailable()).isFalse();
        assertThat(ProxyClient.json(call("GET", "/scanner", null)).get("guardrails_available").booleanValue())
                .isFalse();

        assertThat(ProxyClient.json(call("PUT", "/scanner/guardrails", "{\"available\":true}"))
                .get("guardrails_available").booleanValue()).isTrue();
        assertThat(remote.scanner().guardrailsAvailable()).isTrue();
    }

    @Test
    void clearRemovesTheRulesAndResetRestoresTheScannerToo() {
        local.scanner().add(ScanRule.prompts("a")).guardrailsAvailable(false);
        remote.scanner().clear();
        assertThat(local.scanner().rules()).isEmpty();
        assertThat(local.scanner().guardrailsAvailable()).as("clear keeps the availability").isFalse();

        local.scanner().add(ScanRule.prompts("a"));
        assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(200);
        assertThat(local.scanner().rules()).isEmpty();
        assertThat(local.scanner().guardrailsAvailable()).isTrue();

        local.scanner().add(ScanRule.prompts("a")).guardrailsAvailable(false);
        assertThat(ProxyClient.json(call("DELETE", "/scanner", null))).isEqualTo(ProxyClient.parse(
                "{\"guardrails_available\":true,\"rules\":[]}"));
    }

    @Test
    void theRemoteEmulatorScriptsABlockAndReadsTheLogEntryAndTimelineBack() {
        Emulator emulator = remote;
        emulator.createGateway("gw", GatewaySettings.builder()
                .guardrails("{\"prompt\":{},\"response\":{\"S5\":\"BLOCK\"}}")
                .dlp("{\"enabled\":true,\"action\":\"FLAG\",\"profiles\":[\"pii\"]}").build());
        emulator.scanner().add(ScanRule.prompts("Hello").dlpProfile("pii", "name"))
                .add(ScanRule.responses("Emulated").hazards(HazardCategory.S5));

        HttpResponse<String> response = new ProxyClient(local).post(
                new ProxyClient(local).path("gw", "openai/chat/completions"), ProxyClient.CHAT);

        ProxyClient.assertGatewayError(response, 424, 2017, "Response blocked due to security configurations");
        assertThat(emulator.logs("gw")).singleElement().satisfies(entry -> {
            assertThat(entry.scan()).isEqualTo(local.logs("gw").get(0).scan());
            assertThat(entry.scan().dlpAction()).contains(ScanAction.FLAG);
            assertThat(entry.scan().guardrailsAction()).contains(ScanAction.BLOCK);
        });
        Timeline timeline = emulator.timelines().get(0);
        assertThat(timeline).isEqualTo(local.timelines().get(0));
        assertThat(timeline.refusal().reason()).isEqualTo("Guardrails blocked the response: S5 (Defamation)");
        assertThat(List.of(timeline.attempts().size())).containsExactly(1);
    }

    @Test
    void rulesNarrowedToATestReadOnlyItsRequestsAndAreClearedOnTheirOwn() {
        local.createGateway("gw", GatewaySettings.builder()
                .guardrails("{\"prompt\":{\"S1\":\"BLOCK\"},\"response\":{}}").build());
        remote.scanner().forTest("t1").add(ScanRule.prompts("Hello").hazards(HazardCategory.S1));
        assertThat(call("POST", "/scanner/rules", "{\"target\":\"prompt\",\"pattern\":\"zzz\",\"test_id\":\"t2\"}")
                .statusCode()).isEqualTo(200);
        ProxyClient client = new ProxyClient(local);
        String path = client.path("gw", "openai/chat/completions");

        assertThat(client.post(path, ProxyClient.CHAT, "x-aigw-test-id", "t1").statusCode()).isEqualTo(424);
        assertThat(client.post(path, ProxyClient.CHAT, "x-aigw-test-id", "t2").statusCode()).isEqualTo(200);
        assertThat(client.post(path, ProxyClient.CHAT).statusCode()).isEqualTo(200);
        assertThat(local.scanner().forTest("t1").rules()).extracting(ScanRule::testId).containsExactly("t1");

        assertThat(call("DELETE", "/scanner/rules?test_id=t1", null).statusCode()).isEqualTo(200);
        assertThat(local.scanner().rules()).extracting(ScanRule::testId).containsExactly("t2");
        assertValidationError(reply(call("DELETE", "/scanner/rules?testid=t2", null)), "query", "testid");
        local.scanner().forTest("t2").clear();
        assertThat(local.scanner().rules()).isEmpty();
    }
}
