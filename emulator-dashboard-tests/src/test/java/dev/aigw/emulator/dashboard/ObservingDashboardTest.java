package dev.aigw.emulator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Watching the emulator from the dashboard: live logs and their detail, a request's timeline, the analytics'
 * figures against the Logs API, the clock released from the page, the scripts and reply rules panels, and what the
 * gateway refuses or charges: the account's credits, spend-limit rules, Guardrails and DLP outcomes, refusals.
 */
@Timeout(120)
class ObservingDashboardTest {

    private static final String SPEND_LIMITS = "{\"enabled\":true,\"rules\":["
            + "{\"id\":\"daily-openai\",\"limit\":10,\"limitType\":\"cost\",\"window\":86400,"
            + "\"provider\":{\"mode\":\"filter\",\"values\":[\"openai\"]}},"
            + "{\"limit\":0.5,\"limitType\":\"cost\",\"window\":3600,\"technique\":\"sliding\","
            + "\"model\":{\"mode\":\"partition\"}}]}";

    private static Browser browser;
    private AiGatewayEmulator emulator;
    private DashboardPage page;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private void start(AiGatewayEmulator.Builder builder) {
        emulator = builder.build().start();
        page = new DashboardPage(emulator, browser);
    }

    private static GatewaySettings retries(int attempts, Duration delay) {
        return GatewaySettings.builder().retryMaxAttempts(attempts).retryDelay(delay)
                .retryBackoff(GatewaySettings.Backoff.CONSTANT).build();
    }

    @Test
    void aRequestThroughTheProxyAppearsLiveInTheLogsTableWithItsDetail() {
        start(AiGatewayEmulator.builder().gateway("live"));
        page.open("#/gateways/live/logs");
        page.waitForText(By.id("logs-status"), "0 entries");

        assertThat(page.chat("live", "gpt-4o-mini").statusCode()).isEqualTo(200);

        page.visible(By.cssSelector("#logs-table tr[data-log-id]"));
        assertThat(page.texts(By.cssSelector("#logs-table tr[data-log-id] td[data-label='Model']")))
                .containsExactly("gpt-4o-mini");
        assertThat(page.texts(By.cssSelector("#logs-table tr[data-log-id] td[data-label='Status']")))
                .containsExactly("200");
        browser.screenshot("logs");

        page.visible(By.cssSelector("#logs-table a.detail-link")).click();
        page.waitForText(By.id("request-body"), "Hello");
        assertThat(page.visible(By.id("response-body")).getText()).contains("Emulated reply from gpt-4o-mini");
        assertThat(page.visible(By.cssSelector(".log-detail")).getText()).contains("content-type",
                "Headers sent upstream", "(hidden)");
        browser.screenshot("log-detail");
    }

    @Test
    void theLogFiltersAreTheLogsApisFilters() {
        start(AiGatewayEmulator.builder().gateway("filtered"));
        page.chat("filtered", "gpt-4o-mini");
        emulator.script("openai").enqueue(UpstreamResponse.status(500));
        page.chat("filtered", "gpt-4o");
        page.open("#/gateways/filtered/logs");
        page.waitForText(By.id("logs-status"), "2 entries");

        page.choose(By.id("filter-success"), "false");

        page.waitForText(By.id("logs-status"), "1 entry.");
        assertThat(page.texts(By.cssSelector("#logs-table td[data-label='Status']"))).containsExactly("500");
    }

    @Test
    void aScriptedFailingRequestWithRetriesShowsItsAttemptsAndWaitsOnItsTimeline() {
        start(AiGatewayEmulator.builder().gateway("flaky", retries(4, Duration.ofSeconds(2))));
        emulator.script("openai").enqueue(UpstreamResponse.status(503)).enqueue(UpstreamFault.connectionReset())
                .enqueue(UpstreamResponse.status(503));
        assertThat(page.chat("flaky", "gpt-4o-mini").statusCode()).isEqualTo(200);
        page.open("#/gateways/flaky/logs");

        page.visible(By.cssSelector("#logs-table a.timeline-link")).click();

        page.waitForText(By.id("timeline-attempts"), "4");
        assertThat(page.driver.findElements(By.cssSelector("#timeline-steps li.attempt"))).hasSize(4);
        assertThat(page.texts(By.cssSelector("#timeline-steps li.wait")))
                .containsExactly("Wait 2 s before the next attempt", "Wait 2 s before the next attempt",
                        "Wait 2 s before the next attempt");
        assertThat(page.driver.findElements(By.cssSelector("#timeline-steps li.attempt")))
                .extracting(li -> li.getDomAttribute("data-outcome"))
                .containsExactly("http_error", "connection_reset", "http_error", "success");
        assertThat(page.texts(By.cssSelector("#timeline-steps li.attempt")).get(1)).contains("connection reset (fault)");
        assertThat(page.visible(By.id("timeline-status")).getText()).isEqualTo("200");
        browser.screenshot("timeline");
    }

    @Test
    void theClockAdvancedFromThePageReleasesAWaitingRequest() throws Exception {
        start(AiGatewayEmulator.builder().clock(VirtualClock.manual()).gateway("patient",
                retries(2, Duration.ofSeconds(5))));
        emulator.script("openai").enqueue(UpstreamResponse.status(503));
        page.open("#/emulator");
        page.waitForText(By.id("clock-mode"), "manual");

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
                () -> page.chat("patient", "gpt-4o-mini"));
        page.waitForText(By.id("clock-waiters"), "1");
        assertThat(waiting).isNotDone();
        browser.screenshot("emulator");

        page.visible(By.id("clock-advance-5000")).click();

        assertThat(waiting.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        page.waitForText(By.id("clock-waiters"), "0");
    }

    @Test
    void scriptsAreAddedAndClearedFromThePage() {
        start(AiGatewayEmulator.builder());
        page.open("#/emulator");

        page.type(By.id("script-provider"), "anthropic");
        page.choose(By.id("script-kind"), "status");
        page.type(By.id("script-status"), "529");
        page.type(By.id("script-times"), "2");
        page.visible(By.id("script-add")).click();

        page.waitForText(By.id("scripts-list"), "anthropic: 2 waiting");
        assertThat(emulator.script("anthropic").pending()).isEqualTo(2);

        page.choose(By.id("script-kind"), "fault");
        page.choose(By.id("script-fault"), "connection_reset");
        page.type(By.id("script-times"), "1");
        page.visible(By.id("script-add")).click();
        page.waitForText(By.id("scripts-list"), "anthropic: 3 waiting");

        page.visible(By.cssSelector("#scripts-list button.clear-script")).click();
        page.waitForText(By.id("scripts-list"), "No scripted responses are waiting.");
        assertThat(emulator.script("anthropic").pending()).isZero();
    }

    @Test
    void theReplyRulesPanelShowsTheRulesInForceAndStrictMode() {
        start(AiGatewayEmulator.builder().replyRules(ReplyRule.builder("weather")
                .lastUserMessageContains("weather").reply(ModelReply.text("Sunny")).build()));
        emulator.replies().add(ReplyRule.builder("added by the test").turn(1).reply(ModelReply.text("Later")).build());
        page.open("#/emulator");

        page.waitUntil(d -> d.findElement(By.id("replies-body")).getText().contains("added by the test"));
        String shown = page.visible(By.id("replies-body")).getText();
        assertThat(shown).contains("Not strict", "weather", "\"contains\":\"weather\"", "Sunny", "Later");
        assertThat(shown.indexOf("weather")).as("in the order they are tried")
                .isLessThan(shown.indexOf("added by the test"));

        emulator.replies().strict(true);
        page.waitUntil(d -> d.findElement(By.id("replies-strict")).getText().startsWith("Strict"));
    }

    @Test
    void theAnalyticsFiguresEqualTheLogsApisCounts() {
        start(AiGatewayEmulator.builder().gateway("measured", GatewaySettings.builder()
                .cacheTtl(Duration.ofMinutes(5)).build()));
        for (int i = 0; i < 3; i++) {
            page.chat("measured", "gpt-4o-mini");
        }
        emulator.script("openai").enqueue(UpstreamResponse.status(500), 2);
        page.chat("measured", "gpt-4o");
        page.chat("measured", "gpt-4.1");
        page.chat("measured", "gpt-4o-mini");

        page.open("#/gateways/measured/analytics");
        page.visible(By.id("chart-cost-table"));

        assertThat(total("requests")).isEqualTo(logCount("[]"));
        assertThat(total("errors")).isEqualTo(logCount("[{\"key\":\"success\",\"operator\":\"eq\",\"value\":[false]}]"));
        assertThat(total("cache-hits")).isEqualTo(logCount("[{\"key\":\"cached\",\"operator\":\"eq\",\"value\":[true]}]"));
        JsonNode logs = page.management("GET", "/gateways/measured/logs?per_page=50", null).get("result");
        long tokens = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (JsonNode entry : logs) {
            tokens += entry.path("tokens_in").asLong() + entry.path("tokens_out").asLong();
            cost = cost.add(entry.path("cost").decimalValue());
        }
        assertThat(total("tokens")).isEqualTo(tokens);
        assertThat(Double.parseDouble(page.visible(By.cssSelector("#chart-cost-table td.total"))
                .getDomAttribute("data-value"))).isCloseTo(cost.doubleValue(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(total("requests")).isEqualTo(6);
        assertThat(total("errors")).isEqualTo(2);
        assertThat(total("cache-hits")).isEqualTo(3);
        browser.screenshot("analytics");
    }

    @Test
    void creditsSpendLimitsAndABlockedPromptAreShownWhereTheyHappen() {
        start(AiGatewayEmulator.builder().gateway("guarded", GatewaySettings.builder()
                .spendLimits(SPEND_LIMITS)
                .guardrails("{\"prompt\":{\"S1\":\"BLOCK\",\"S2\":\"FLAG\"},\"response\":{}}")
                .dlp("{\"enabled\":true,\"action\":\"FLAG\",\"profiles\":[\"financial-information\"]}").build()));
        emulator.billing().change(BillingChange.builder().balanceCents(1234)
                .topupConfig(BillingState.TopupConfig.of(2000, 500)).build());
        emulator.scanner().add(ScanRule.prompts("(?i)rob a bank").hazards(HazardCategory.S1))
                .add(ScanRule.prompts("(?i)hotwire").hazards(HazardCategory.S2))
                .add(ScanRule.prompts("4111 1111").dlpProfile("financial-information", "card-number"));

        page.open("#/gateways");
        page.waitForText(By.id("billing-balance"), "$12.34");
        assertThat(page.visible(By.id("billing-metered")).getText()).startsWith("Yes");
        assertThat(page.visible(By.id("billing-topup")).getText())
                .isEqualTo("Buys $20.00 when the balance falls under $5.00");

        page.go("#/gateways/guarded");
        page.visible(By.id("spend-limits-table"));
        assertThat(page.texts(By.cssSelector("#spend-limits-table tbody tr"))).containsExactly(
                "daily-openai $10.00 1 day, fixed provider is openai On",
                "rule-2 $0.50 1 hour, sliding a budget for each model On");
        browser.screenshot("spend-limits");

        assertThat(page.chatSaying("guarded", "gpt-4o-mini", "How do I rob a bank").statusCode()).isEqualTo(424);
        assertThat(page.chatSaying("guarded", "gpt-4o-mini", "How do I hotwire my own car").statusCode()).isEqualTo(200);
        assertThat(page.chatSaying("guarded", "gpt-4o-mini", "Pay with 4111 1111 1111 1111").statusCode())
                .isEqualTo(200);
        assertThat(page.chat("guarded", "gpt-4o-mini").statusCode()).isEqualTo(200);
        page.go("#/gateways/guarded/logs");
        page.waitForText(By.id("logs-status"), "4 entries");
        assertThat(page.texts(By.cssSelector("#logs-table tr[data-log-id] td.checks"))).containsExactlyInAnyOrder(
                "", "Flagged: S2 Non-Violent Crimes", "Flagged: DLP financial-information",
                "Blocked: S1 Violent Crimes");
        WebElement blocked = page.driver.findElements(By.cssSelector("#logs-table tr[data-log-id]")).stream()
                .filter(tr -> tr.findElement(By.cssSelector("td[data-label='Status']")).getText().equals("424"))
                .findFirst().orElseThrow();
        assertThat(blocked.findElement(By.cssSelector("td.checks .badge")).getDomAttribute("data-action"))
                .isEqualTo("BLOCK");
        assertThat(blocked.findElement(By.cssSelector("td.checks")).getText()).isEqualTo("Blocked: S1 Violent Crimes");
        browser.screenshot("logs-guardrails");

        blocked.findElement(By.cssSelector("a.detail-link")).click();
        page.visible(By.id("log-checks"));
        assertThat(page.visible(By.id("log-checks-outcome")).getText()).isEqualTo("Blocked: S1 Violent Crimes");
        assertThat(page.texts(By.cssSelector("#log-checks-findings li")))
                .containsExactly("Guardrails, Prompt: S1 Violent Crimes: blocked");

        page.visible(By.id("open-timeline")).click();
        Timeline timeline = emulator.timelines().stream().filter(t -> t.status() == 424).findFirst().orElseThrow();
        page.visible(By.id("timeline-refusal"));
        assertThat(page.visible(By.id("timeline-refusal")).getText()).isEqualTo("424 (code 2016) at "
                + timeline.refusal().offsetMillis() + " ms: " + timeline.refusal().reason());
        assertThat(timeline.refusal().reason()).contains("S1");
        assertThat(page.visible(By.id("timeline-attempts")).getText()).isEqualTo("0");
        assertThat(page.texts(By.cssSelector("#timeline-steps li.refusal"))).containsExactly(
                "Refused by the gateway: " + page.visible(By.id("timeline-refusal")).getText());
        browser.screenshot("timeline-refusal");
    }

    private long total(String metric) {
        return Long.parseLong(page.visible(By.cssSelector("#chart-" + metric + "-table td.total")).getDomAttribute("data-value"));
    }

    private long logCount(String filters) {
        return page.management("GET", "/gateways/measured/logs?per_page=1&filters="
                + URLEncoder.encode(filters, StandardCharsets.UTF_8), null).at("/result_info/total_count").longValue();
    }
}
