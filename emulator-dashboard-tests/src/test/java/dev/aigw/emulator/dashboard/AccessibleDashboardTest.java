package dev.aigw.emulator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.UpstreamResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard is usable by everyone: every control has an accessible name, the focus follows the reading order,
 * nothing scrolls sideways at 1280x800 nor at 400 px wide, dark mode follows the system, and with a token of the
 * user's own the page asks for it once per browser session.
 */
@Timeout(180)
class AccessibleDashboardTest {

    private static final String FOCUSABLE = "input, select, textarea, button, a[href], summary,"
            + " [tabindex]:not([tabindex='-1'])";

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
        browser.viewport(Browser.DESKTOP);
        if (emulator != null) {
            emulator.close();
        }
    }

    /**
     * An emulator with a metered account and a gateway with a spend limit that has a retried request and a prompt
     * blocked by Guardrails in its logs, and a script waiting; its main views.
     */
    private List<String> views() {
        emulator = AiGatewayEmulator.builder().gateway("seen", GatewaySettings.builder().retryMaxAttempts(2)
                .retryDelay(Duration.ofMillis(500))
                .spendLimits("{\"enabled\":true,\"rules\":[{\"limit\":10,\"limitType\":\"cost\",\"window\":86400,"
                        + "\"metadata\":{\"team\":{\"mode\":\"partition\"}}}]}")
                .guardrails("{\"prompt\":{\"S1\":\"BLOCK\"},\"response\":{}}").build()).build().start();
        page = new DashboardPage(emulator, browser);
        emulator.billing().change(BillingChange.builder().balanceCents(500).build());
        emulator.scanner().add(ScanRule.prompts("(?i)rob a bank").hazards(HazardCategory.S1));
        emulator.script("openai").enqueue(UpstreamResponse.status(503));
        page.chat("seen", "gpt-4o-mini");
        page.chatSaying("seen", "gpt-4o-mini", "How do I rob a bank");
        emulator.script("anthropic").enqueue(UpstreamResponse.status(529));
        String logId = emulator.timelines().stream().filter(t -> t.status() == 200).findFirst().orElseThrow().logId();
        String blockedId = emulator.timelines().stream().filter(t -> t.status() == 424).findFirst().orElseThrow()
                .logId();
        return List.of("#/gateways", "#/gateways/seen", "#/gateways/seen/logs", "#/gateways/seen/logs/" + logId,
                "#/gateways/seen/logs/" + logId + "/timeline", "#/gateways/seen/logs/" + blockedId,
                "#/gateways/seen/logs/" + blockedId + "/timeline", "#/gateways/seen/analytics", "#/emulator");
    }

    private void show(String view) {
        page.open(view);
        page.visible(By.id("view-heading"));
        page.waitUntil(d -> d.findElements(By.xpath("//*[normalize-space(text())='Loading…']")).isEmpty());
    }

    @Test
    void everyControlOfEveryViewHasAnAccessibleName() {
        for (String view : views()) {
            show(view);
            List<String> unnamed = new ArrayList<>();
            int checked = 0;
            for (WebElement control : page.driver.findElements(By.cssSelector(FOCUSABLE))) {
                if (!control.isDisplayed()) {
                    continue;
                }
                checked++;
                String name = control.getAccessibleName();
                if (name == null || name.isBlank()) {
                    unnamed.add(control.getTagName() + "#" + control.getDomAttribute("id"));
                }
            }
            for (WebElement graphic : page.driver.findElements(By.cssSelector("svg[role='img']"))) {
                if (graphic.getAccessibleName() == null || graphic.getAccessibleName().isBlank()) {
                    unnamed.add("svg chart");
                }
            }
            assertThat(checked).as(view).isGreaterThan(3);
            assertThat(unnamed).as("controls without an accessible name on " + view).isEmpty();
        }
    }

    @Test
    void theFocusFollowsTheReadingOrder() {
        show(views().get(1));
        List<WebElement> focused = new ArrayList<>();
        Actions keys = new Actions(page.driver);
        for (int i = 0; i < 20; i++) {
            keys.sendKeys(Keys.TAB).perform();
            focused.add(page.driver.switchTo().activeElement());
        }

        List<String> names = focused.stream().map(WebElement::getAccessibleName).toList();
        assertThat(names.subList(0, 3)).as("focus order %s", names)
                .containsExactly("Skip to the content", "Gateways", "Emulator");
        for (int i = 1; i < focused.size(); i++) {
            Object follows = ((JavascriptExecutor) page.driver).executeScript(
                    "return (arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0",
                    focused.get(i - 1), focused.get(i));
            assertThat(follows).as("focus step %d goes on in reading order", i).isEqualTo(true);
        }
        assertThat(focused).extracting(e -> e.getDomAttribute("id")).contains("create-name", "authentication",
                "retry", "retry_max_attempts");
    }

    @Test
    void nothingScrollsSidewaysAt1280x800NorAt400PixelsWide() {
        List<String> views = views();
        assertThat(((JavascriptExecutor) page.driver).executeScript("return [window.innerWidth, window.innerHeight]"))
                .isEqualTo(List.of(1280L, 800L));
        for (String view : views) {
            show(view);
            assertThat(page.scrollsHorizontally()).as("%s at 1280x800", view).isFalse();
        }
        browser.viewport(new Dimension(400, 800));
        assertThat(((JavascriptExecutor) page.driver).executeScript("return window.innerWidth")).isEqualTo(400L);
        for (String view : views) {
            show(view);
            assertThat(page.scrollsHorizontally()).as("%s at 400 px wide", view).isFalse();
        }
        show("#/gateways/seen/logs");
        browser.screenshot("logs-400px");
    }

    @Test
    void theColoursFollowTheSystemsDarkMode() {
        views();
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            show("#/gateways/seen");
            String background = (String) ((JavascriptExecutor) page.driver).executeScript(
                    "return getComputedStyle(document.body).backgroundColor");
            assertThat(background).isEqualTo("rgb(22, 24, 28)");
            browser.screenshot("settings-dark");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        show("#/gateways/seen");
        assertThat((String) ((JavascriptExecutor) page.driver).executeScript(
                "return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(255, 255, 255)");
    }

    @Test
    void withATokenOfItsOwnThePageAsksForItOncePerBrowserSession() {
        emulator = AiGatewayEmulator.builder().token(ApiToken.of("my-own-token", AiGatewayEmulator.DEFAULT_ACCOUNT_ID,
                Permission.READ, Permission.EDIT, Permission.RUN)).gateway("mine").build().start();
        page = new DashboardPage(emulator, browser);
        page.driver.get(emulator.baseUrl() + "/#/gateways");

        page.type(By.id("token-input"), "a-wrong-token");
        page.visible(By.id("token-submit")).click();
        page.waitForText(By.id("token-input-error"), "The emulator refused this token");
        page.type(By.id("token-input"), "my-own-token");
        page.visible(By.id("token-submit")).click();
        page.visible(By.cssSelector("#gateway-list li[data-gateway='mine']"));

        page.driver.navigate().refresh();
        page.visible(By.cssSelector("#gateway-list li[data-gateway='mine']"));
        assertThat(page.driver.findElements(By.id("token-form"))).isEmpty();
        assertThat(((JavascriptExecutor) page.driver).executeScript(
                "return sessionStorage.getItem('aigw-emulator-dashboard-token')")).isEqualTo("my-own-token");
        assertThat(((JavascriptExecutor) page.driver).executeScript("return localStorage.length")).isEqualTo(0L);
    }
}
