package dev.aigw.emulator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One test's emulator and the browser looking at its dashboard, with the calls a test makes around the page: the
 * management API, the gateway proxy, waits for what the page shows.
 */
final class DashboardPage {

    static final ObjectMapper JSON = new ObjectMapper();

    final AiGatewayEmulator emulator;
    final ChromeDriver driver;
    final Browser browser;
    private final HttpClient http = HttpClient.newHttpClient();

    DashboardPage(AiGatewayEmulator emulator, Browser browser) {
        this.emulator = emulator;
        this.browser = browser;
        this.driver = browser.driver;
    }

    /** Opens the dashboard at a hash route ("#/gateways") and waits until it is ready. */
    void open(String hash) {
        driver.get(emulator.baseUrl() + "/" + hash);
        waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** Goes to a hash route of the open page, as a link would. */
    void go(String hash) {
        ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", hash);
    }

    <T> T waitUntil(Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, browser.patience()).until(d -> condition.apply((ChromeDriver) d));
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, browser.patience()).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, browser.patience()).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void type(By by, String text) {
        WebElement input = visible(by);
        input.clear();
        input.sendKeys(text);
    }

    void choose(By by, String value) {
        new Select(visible(by)).selectByValue(value);
    }

    /** The management API's answer (the v4 envelope) to a call with the emulator's token. */
    JsonNode management(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/client/v4/accounts/"
                        + emulator.accountId() + "/ai-gateway" + path))
                .header("Authorization", "Bearer " + emulator.apiToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    /** Sends a chat completion through the gateway proxy; answers the response's JSON (or an error's). */
    HttpResponse<String> chat(String gatewayId, String model, String... headers) {
        return chatSaying(gatewayId, model, "Hello", headers);
    }

    /** Sends a chat completion whose user message is {@code content} (plain text, no quotes) through the proxy. */
    HttpResponse<String> chatSaying(String gatewayId, String model, String content, String... headers) {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content
                + "\"}]}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/"
                        + emulator.accountId() + "/" + gatewayId + "/openai/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The texts of the elements a selector finds. */
    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    /** Tells whether the page scrolls sideways. */
    boolean scrollsHorizontally() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) overflow).intValue() > 0;
    }
}
