package dev.aigw.emulator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Gateways in the dashboard: the list, Create Gateway, Settings with Retry Requests, and Delete Gateway. */
@Timeout(120)
class GatewaysDashboardTest {

    private static final List<Integer> DELAYS = List.of(100, 500, 1000, 2000, 3000, 5000);
    private static final List<String> BACKOFFS = List.of("constant", "linear", "exponential");

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

    @BeforeEach
    void startEmulator() {
        emulator = AiGatewayEmulator.builder().build().start();
        page = new DashboardPage(emulator, browser);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private By gatewayItem(String id) {
        return By.cssSelector("#gateway-list li[data-gateway='" + id + "']");
    }

    @Test
    void aGatewayCreatedThroughTheFormIsListed() {
        page.open("#/gateways");

        page.type(By.id("create-name"), "made-in-the-browser");
        page.visible(By.id("create-submit")).click();

        page.visible(gatewayItem("made-in-the-browser"));
        page.waitForText(By.id("view-heading"), "Settings of made-in-the-browser");
        assertThat(page.management("GET", "/gateways/made-in-the-browser", null).at("/result/id").textValue())
                .isEqualTo("made-in-the-browser");
        browser.screenshot("gateways");
    }

    @Test
    void aNameOf65CharactersGetsTheFormsOwnMessageAndCreatesNothing() {
        page.open("#/gateways");
        String name = "a".repeat(65);

        page.type(By.id("create-name"), name);
        page.visible(By.id("create-submit")).click();

        page.waitForText(By.id("create-name-error"), "65 characters long; it can be at most 64");
        assertThat(page.visible(By.id("create-name")).getDomProperty("value")).isEqualTo(name);
        assertThat(page.visible(By.id("create-name")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(emulator.gateways()).isEmpty();
    }

    @Test
    void aNameTheServerRefusesShowsTheServersMessage() {
        emulator.createGateway("taken", GatewaySettings.defaults());
        String serverMessage = page.management("POST", "/gateways", "{\"id\":\"taken\",\"cache_invalidate_on_update\":"
                + "false,\"cache_ttl\":null,\"collect_logs\":true,\"rate_limiting_interval\":null,"
                + "\"rate_limiting_limit\":null}").at("/errors/0/message").textValue();
        page.open("#/gateways");

        page.type(By.id("create-name"), "taken");
        page.visible(By.id("create-submit")).click();

        page.waitForText(By.id("create-name-error"), serverMessage);
    }

    @Test
    void theDefaultGatewayAppearsWhenItCreatesItselfWithoutAReload() {
        page.open("#/gateways");
        assertThat(page.driver.findElements(gatewayItem("default"))).isEmpty();

        assertThat(page.chat("default", "gpt-4o-mini", "cf-aig-authorization", "Bearer " + emulator.apiToken())
                .statusCode()).isEqualTo(200);

        page.visible(gatewayItem("default"));
    }

    @Test
    void everyRetryRequestsSettingEditedInTheFormIsSavedThroughTheManagementApi() {
        emulator.createGateway("retries", GatewaySettings.defaults());
        page.open("#/gateways/retries");
        page.visible(By.id("retry")).click();

        for (int i = 0; i < DELAYS.size(); i++) {
            int count = i % 5 + 1;
            String backoff = BACKOFFS.get(i % 3);
            page.choose(By.id("retry_max_attempts"), String.valueOf(count));
            page.choose(By.id("retry_delay"), String.valueOf(DELAYS.get(i)));
            page.choose(By.id("retry_backoff"), backoff);
            page.visible(By.id("settings-save")).click();
            page.waitForText(By.id("settings-status"), "Saved.");

            JsonNode saved = page.management("GET", "/gateways/retries", null).get("result");
            assertThat(saved.get("retry_max_attempts").intValue()).isEqualTo(count);
            assertThat(saved.get("retry_delay").intValue()).isEqualTo(DELAYS.get(i));
            assertThat(saved.get("retry_backoff").textValue()).isEqualTo(backoff);
        }
        page.choose(By.id("retry_max_attempts"), "5");
        page.visible(By.id("settings-save")).click();
        page.waitUntil(d -> page.management("GET", "/gateways/retries", null).at("/result/retry_max_attempts")
                .intValue() == 5);
        browser.screenshot("settings");

        page.visible(By.id("retry")).click();
        page.visible(By.id("settings-save")).click();
        page.waitUntil(d -> page.management("GET", "/gateways/retries", null).at("/result/retry_max_attempts")
                .isNull());
        JsonNode off = page.management("GET", "/gateways/retries", null).get("result");
        assertThat(off.get("retry_delay").isNull()).isTrue();
        assertThat(off.get("retry_backoff").isNull()).isTrue();
    }

    @Test
    void aChangeMadeThroughTheApiAppearsInTheFormAndWhatTheFormLacksIsKeptOnSave() {
        emulator.createGateway("from-the-api", GatewaySettings.defaults());
        page.management("PUT", "/gateways/from-the-api", """
                {"cache_invalidate_on_update": false, "cache_ttl": 120, "collect_logs": true,
                 "rate_limiting_interval": 60, "rate_limiting_limit": 10, "rate_limiting_technique": "sliding",
                 "retry_max_attempts": 4, "retry_delay": 250, "retry_backoff": "linear",
                 "dlp": {"enabled": true, "action": "FLAG", "profiles": ["profile-1"]},
                 "guardrails": {"prompt": {"P1": "BLOCK"}, "response": {"S1": "FLAG"}},
                 "otel": [{"url": "https://otel.example/v1/traces", "headers": {"x-team": "ai"}}]}""");
        JsonNode before = page.management("GET", "/gateways/from-the-api", null).get("result");

        page.open("#/gateways/from-the-api");

        WebElement delay = page.visible(By.id("retry_delay"));
        assertThat(page.visible(By.id("retry")).isSelected()).isTrue();
        assertThat(new Select(page.visible(By.id("retry_max_attempts"))).getFirstSelectedOption().getText())
                .isEqualTo("4");
        assertThat(new Select(delay).getFirstSelectedOption().getText()).isEqualTo("250 ms (set through the API)");
        assertThat(new Select(page.visible(By.id("retry_backoff"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("linear");
        assertThat(page.visible(By.id("cache_ttl")).getDomProperty("value")).isEqualTo("120");
        assertThat(page.visible(By.id("rate_limiting_limit")).getDomProperty("value")).isEqualTo("10");
        assertThat(new Select(page.visible(By.id("rate_limiting_technique"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("sliding");

        page.choose(By.id("retry_max_attempts"), "2");
        page.visible(By.id("settings-save")).click();
        page.waitForText(By.id("settings-status"), "Saved.");

        JsonNode after = page.management("GET", "/gateways/from-the-api", null).get("result");
        assertThat(after.get("retry_max_attempts").intValue()).isEqualTo(2);
        assertThat(after.get("retry_delay").intValue()).isEqualTo(250);
        for (String kept : List.of("dlp", "guardrails", "otel", "cache_ttl", "rate_limiting_interval",
                "rate_limiting_limit", "rate_limiting_technique", "retry_backoff", "authentication", "zdr")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
    }

    @Test
    void aValueOutOfRangeGetsItsMessageNextToItsFieldAndIsNotSaved() {
        emulator.createGateway("limits", GatewaySettings.defaults());
        page.open("#/gateways/limits");

        page.type(By.id("log_management"), "5");
        page.visible(By.id("settings-save")).click();

        page.waitForText(By.id("log_management-error"), "from 10,000 to 10,000,000");
        assertThat(page.visible(By.id("settings-status")).getText()).startsWith("Not saved");
        JsonNode limit = page.management("GET", "/gateways/limits", null).at("/result/log_management");
        assertThat(limit.isMissingNode() || limit.isNull()).as("log_management after the refused save").isTrue();
    }

    @Test
    void aSaveTheServerRefusesShowsTheServersMessage() {
        emulator.createGateway("vanishing", GatewaySettings.defaults());
        page.open("#/gateways/vanishing");
        page.visible(By.id("settings-save"));
        emulator.deleteGateway("vanishing");
        String serverMessage = page.management("GET", "/gateways/vanishing", null).at("/errors/0/message").textValue();

        page.visible(By.id("settings-save")).click();

        page.waitForText(By.id("settings-status"), "Not saved: " + serverMessage);
        assertThat(emulator.gateway("vanishing")).isEmpty();
    }

    @Test
    void deletingAGatewayAsksForConfirmationFirst() {
        emulator.createGateway("doomed", GatewaySettings.defaults());
        page.open("#/gateways/doomed");

        page.visible(By.id("delete-gateway")).click();
        page.visible(By.id("delete-dialog"));
        page.visible(By.id("delete-cancel")).click();
        page.waitUntil(d -> !d.findElement(By.id("delete-dialog")).isDisplayed());
        assertThat(emulator.gateway("doomed")).isPresent();

        page.visible(By.id("delete-gateway")).click();
        page.visible(By.id("delete-confirm")).click();

        page.waitUntil(d -> d.findElements(gatewayItem("doomed")).isEmpty());
        assertThat(page.management("GET", "/gateways/doomed", null).at("/errors/0/code").intValue()).isEqualTo(7002);
    }
}
