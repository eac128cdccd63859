package dev.aigw.emulator.guard;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.LogQuery;
import dev.aigw.emulator.ScanAction;
import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.ScanTarget;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.proxy.ProxyClient;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DLP on the data plane (proxy.md 3.2, 7.1, 9.2; docs {@code features/dlp/set-up-dlp}): the gateway's {@code dlp}
 * policies decide what a matched profile does to requests and responses; a match sets {@code cf-aig-dlp} and the
 * log's {@code dlp_action}, a block is an exact 424.
 */
@Timeout(30)
class DlpTest {

    private static final String REQUEST_BLOCKED = "Request content blocked due to DLP policy violations";
    private static final String RESPONSE_BLOCKED = "Response content blocked due to DLP policy violations";
    private static final String POLICIES = """
            {"enabled":true,"policies":[
              {"id":"block-financial","action":"BLOCK","check":["REQUEST"],"enabled":true,"profiles":["financial"]},
              {"id":"flag-pii","action":"FLAG","check":["REQUEST","RESPONSE"],"enabled":true,"profiles":["pii"]},
              {"id":"block-pii-out","action":"BLOCK","check":["RESPONSE"],"enabled":true,"profiles":["pii"]},
              {"id":"off","action":"BLOCK","check":["REQUEST","RESPONSE"],"enabled":false,"profiles":["health"]}]}
            """;

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-06-01T09:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final ManagementApi api = ManagementApi.of(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chat() {
        return client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT);
    }

    private void gateway(String dlp) {
        emulator.createGateway("gw", GatewaySettings.builder().dlp(dlp).build());
    }

    @Test
    void aRequestMatchingABlockingPolicyIs424With2029AndTheDlpHeader() {
        gateway(POLICIES);
        emulator.scanner().add(ScanRule.prompts("Hello").dlpProfile("financial", "entry-card", "entry-iban"));

        HttpResponse<String> response = chat();

        ProxyClient.assertGatewayError(response, 424, 2029, REQUEST_BLOCKED);
        assertThat(ProxyClient.parse(response.headers().firstValue("cf-aig-dlp").orElseThrow()))
                .isEqualTo(ProxyClient.parse("""
                        {"findings":[{"profile":{"context":{},"entry_ids":["entry-card","entry-iban"],
                          "profile_id":"financial"},"policy_ids":["block-financial"],"check":"REQUEST"}],
                         "action":"BLOCK"}"""));
        assertThat(emulator.recordedRequests()).isEmpty();
        LogEntry entry = emulator.logs("gw").get(0);
        assertThat(entry.statusCode()).isEqualTo(424);
        assertThat(entry.scan().dlpAction()).contains(ScanAction.BLOCK);
        assertThat(entry.id()).isEqualTo(response.headers().firstValue("cf-aig-log-id").orElseThrow());
        Timeline timeline = emulator.timelines().get(0);
        assertThat(timeline.attempts()).isEmpty();
        assertThat(timeline.refusal()).isEqualTo(new Timeline.Refusal(424, 2029,
                "DLP blocked the request: profile financial (policy block-financial)", 0));
    }

    @Test
    void theLogsApiShowsTheDlpActionAndFindingsAndFiltersByDlpAction() {
        gateway(POLICIES);
        emulator.scanner().add(ScanRule.prompts("Hello").dlpProfile("financial"));
        String blocked = chat().headers().firstValue("cf-aig-log-id").orElseThrow();
        emulator.scanner().clear();
        chat();

        JsonNode log = assertOk(api.get("/gateways/gw/logs/" + blocked));
        assertThat(log.get("dlp_action").textValue()).isEqualTo("BLOCK");
        assertThat(log.get("dlp")).isEqualTo(ProxyClient.parse("""
                {"findings":[{"profile":{"context":{},"entry_ids":[],"profile_id":"financial"},
                  "policy_ids":["block-financial"],"check":"REQUEST","action":"BLOCK"}],"action":"BLOCK"}"""));
        assertThat(emulator.logs("gw", LogQuery.builder().filter("dlp_action", "eq", "BLOCK").build()))
                .extracting(LogEntry::id).containsExactly(blocked);
    }

    @Test
    void aResponseMatchingABlockingPolicyIs424With2030AfterTheAttempt() {
        gateway(POLICIES);
        emulator.scanner().add(ScanRule.responses("Emulated reply").dlpProfile("pii", "email"));

        HttpResponse<String> response = chat();

        ProxyClient.assertGatewayError(response, 424, 2030, RESPONSE_BLOCKED);
        assertThat(ProxyClient.parse(response.headers().firstValue("cf-aig-dlp").orElseThrow()))
                .isEqualTo(ProxyClient.parse("""
                        {"findings":[{"profile":{"context":{},"entry_ids":["email"],"profile_id":"pii"},
                          "policy_ids":["flag-pii","block-pii-out"],"check":"RESPONSE"}],"action":"BLOCK"}"""));
        assertThat(emulator.recordedRequests()).hasSize(1);
        Timeline timeline = emulator.timelines().get(0);
        assertThat(timeline.attempts()).hasSize(1);
        assertThat(timeline.refusal().code()).isEqualTo(2030);
        assertThat(timeline.refusal().reason())
                .isEqualTo("DLP blocked the response: profile pii (policy flag-pii, block-pii-out)");
    }

    @Test
    void aRequestMatchingAFlaggingPolicyGoesThroughWithTheDlpHeaderAndAFlaggedLogEntry() {
        gateway(POLICIES);
        emulator.scanner().add(ScanRule.prompts("Hello").dlpProfile("pii"));

        HttpResponse<String> response = chat();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ProxyClient.parse(response.headers().firstValue("cf-aig-dlp").orElseThrow()))
                .isEqualTo(ProxyClient.parse("""
                        {"findings":[{"profile":{"context":{},"entry_ids":[],"profile_id":"pii"},
                          "policy_ids":["flag-pii"],"check":"REQUEST"}],"action":"FLAG"}"""));
        LogEntry entry = emulator.logs("gw").get(0);
        assertThat(entry.statusCode()).isEqualTo(200);
        assertThat(entry.scan()).isEqualTo(new ScanOutcome(List.of(), List.of(new ScanOutcome.DlpFinding(
                ScanTarget.PROMPT, "pii", List.of(), List.of("flag-pii"), ScanAction.FLAG))));
        assertThat(emulator.timelines().get(0).refusal()).isNull();
    }

    @Test
    void aFlaggedRequestAndAFlaggedResponseAreBothInTheHeader() {
        gateway(POLICIES.replace("\"id\":\"block-pii-out\",\"action\":\"BLOCK\"", "\"id\":\"block-pii-out\",\"action\":\"FLAG\""));
        emulator.scanner().add(ScanRule.prompts("Hello").dlpProfile("pii"))
                .add(ScanRule.responses("Emulated").dlpProfile("pii"));

        HttpResponse<String> response = chat();

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode header = ProxyClient.parse(response.headers().firstValue("cf-aig-dlp").orElseThrow());
        assertThat(header.get("action").textValue()).isEqualTo("FLAG");
        assertThat(header.get("findings")).extracting(f -> f.get("check").textValue())
                .containsExactly("REQUEST", "RESPONSE");
        assertThat(emulator.logs("gw").get(0).scan().dlpFindings()).hasSize(2);
    }

    @Test
    void aProfileOnlyADisabledPolicyChecksAndAResponseOnlyRequestPoliciesCheckAreIgnored() {
        gateway(POLICIES);
        emulator.scanner().add(ScanRule.prompts("Hello").dlpProfile("health"))
                .add(ScanRule.responses("Emulated").dlpProfile("financial"));

        HttpResponse<String> response = chat();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("cf-aig-dlp")).isEmpty();
        assertThat(emulator.logs("gw").get(0).scan()).isEqualTo(ScanOutcome.NONE);
    }

    @Test
    void theLegacyFormIsOneUnnamedPolicyThatChecksRequestsAndResponses() {
        gateway("{\"enabled\":true,\"action\":\"BLOCK\",\"profiles\":[\"pii\"]}");
        emulator.scanner().add(ScanRule.responses("Emulated").dlpProfile("pii"));

        HttpResponse<String> response = chat();

        ProxyClient.assertGatewayError(response, 424, 2030, RESPONSE_BLOCKED);
        assertThat(ProxyClient.parse(response.headers().firstValue("cf-aig-dlp").orElseThrow()))
                .isEqualTo(ProxyClient.parse("""
                        {"findings":[{"profile":{"context":{},"entry_ids":[],"profile_id":"pii"},
                          "policy_ids":[],"check":"RESPONSE"}],"action":"BLOCK"}"""));
        assertThat(emulator.timelines().get(0).refusal().reason()).isEqualTo("DLP blocked the response: profile pii");
    }

    @Test
    void aDisabledDlpSettingChecksNothing() {
        gateway("{\"enabled\":false,\"action\":\"BLOCK\",\"profiles\":[\"pii\"]}");
        emulator.scanner().add(ScanRule.prompts("Hello").dlpProfile("pii"));

        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(emulator.logs("gw").get(0).scan()).isEqualTo(ScanOutcome.NONE);
    }

    @Test
    void guardrailsAreCheckedBeforeDlpAndBothFindingsAreLogged() {
        emulator.createGateway("gw", GatewaySettings.builder().dlp(POLICIES)
                .guardrails("{\"prompt\":{\"S7\":\"BLOCK\"},\"response\":{}}").build());
        emulator.scanner().add(ScanRule.prompts("Hello").hazards(HazardCategory.S7).dlpProfile("financial"));

        HttpResponse<String> response = chat();

        ProxyClient.assertGatewayError(response, 424, 2016, "Prompt blocked due to security configurations");
        assertThat(response.headers().firstValue("cf-aig-dlp")).as("DLP matched too").isPresent();
        ScanOutcome scan = emulator.logs("gw").get(0).scan();
        assertThat(scan.guardrailsAction()).contains(ScanAction.BLOCK);
        assertThat(scan.dlpAction()).contains(ScanAction.BLOCK);
    }

    @Test
    void aChangedSettingTakesEffectOnTheNextRequest() {
        gateway(POLICIES);
        emulator.scanner().add(ScanRule.prompts("Hello").dlpProfile("financial"));
        assertThat(chat().statusCode()).isEqualTo(424);

        emulator.updateGateway("gw", GatewaySettings.builder().dlp(null).build());

        assertThat(chat().statusCode()).isEqualTo(200);
    }
}
