package dev.aigw.emulator.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.testsupport.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator serves its dashboard: the page at {@code GET /} for a browser, its files from the core jar with their
 * content types and entity tags, and the session the page starts from; API clients' {@code GET /} is unchanged, and
 * a foreign host gets none of it.
 */
@Timeout(30)
class DashboardServingTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http = HttpClient.newHttpClient();
    private AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrowserOpeningTheBaseUrlGetsTheDashboardPage() throws Exception {
        HttpResponse<String> page = get("/", "Accept", BROWSER_ACCEPT);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("ETag")).isPresent();
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("connect-src 'self'", "script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/__emulator/dashboard/app.js\">");
    }

    @Test
    void anApiClientsGetOfTheRootAnswersAsBefore() throws Exception {
        HttpResponse<String> plain = get("/");
        HttpResponse<String> json = get("/", "Accept", "application/json");

        assertThat(plain.statusCode()).isEqualTo(404);
        assertThat(plain.body()).contains("\"code\":7003");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).contains("\"code\":7003");
    }

    @Test
    void everyFileIsServedFromTheJarWithItsContentType() throws Exception {
        for (String name : DashboardAssets.NAMES) {
            HttpResponse<String> file = get(DashboardHandler.ASSET_PREFIX + "/" + name);

            assertThat(file.statusCode()).as(name).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).as(name).hasValue(DashboardAssets.contentType(name));
            assertThat(file.headers().firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
        }
        assertThat(get(DashboardHandler.ASSET_PREFIX + "/app.js").headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(get(DashboardHandler.ASSET_PREFIX + "/dashboard.css").headers().firstValue("Content-Type"))
                .hasValue("text/css; charset=utf-8");
    }

    @Test
    void aFileTheBrowserHoldsIsRevalidatedWithItsEntityTag() throws Exception {
        String etag = get(DashboardHandler.ASSET_PREFIX + "/app.js").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get(DashboardHandler.ASSET_PREFIX + "/app.js", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void nothingButTheDashboardsFilesCanBeRead() throws Exception {
        assertThat(get(DashboardHandler.ASSET_PREFIX + "/../control/ControlRoutes.class").statusCode()).isEqualTo(404);
        assertThat(get(DashboardHandler.ASSET_PREFIX + "/nope.js").statusCode()).isEqualTo(404);
        assertThat(get(DashboardHandler.ASSET_PREFIX + "/%2e%2e/simplelogger.properties").statusCode()).isEqualTo(404);
        assertThat(get(DashboardHandler.ASSET_PREFIX).statusCode()).isEqualTo(404);
    }

    @Test
    void onTheEmbeddedDefaultTokenTheSessionHandsThePageTheAccountAndToken() throws Exception {
        HttpResponse<String> session = get("/__emulator/session");

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(session.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(session.body()).contains("\"account_id\":\"" + emulator.accountId() + "\"",
                "\"api_token\":\"" + AiGatewayEmulator.DEFAULT_API_TOKEN + "\"");
    }

    @Test
    void withTokensOfItsOwnTheSessionHandsOutNoToken() throws Exception {
        emulator.close();
        emulator = AiGatewayEmulator.builder()
                .token(ApiToken.of("my-secret-token", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ,
                        Permission.EDIT))
                .build().start();

        HttpResponse<String> session = get("/__emulator/session");

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"api_token\":null").doesNotContain("my-secret-token");
    }

    @Test
    void aBrowserRequestFromAnotherSiteCannotReadTheSession() throws Exception {
        assertThat(get("/__emulator/session", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(get("/__emulator/session", "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
        assertThat(get("/__emulator/session", "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
    }

    @Test
    void everyFileOfTheResourceFolderIsServed() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources", DashboardAssets.FOLDER))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(DashboardAssets.NAMES);
        }
    }

    @Test
    void aForeignHostGetsNeitherThePageNorTheSession() throws IOException {
        int port = emulator.port();

        assertThat(RawHttp.send(port, "GET", "/", null, "Host: rebound.evil.example", "Accept: text/html").status())
                .isEqualTo(403);
        assertThat(RawHttp.send(port, "GET", "/__emulator/session", null, "Host: rebound.evil.example").status())
                .isEqualTo(403);
        assertThat(RawHttp.send(port, "GET", "/__emulator/dashboard/app.js", null, "Host: evil.example").status())
                .isEqualTo(403);
        assertThat(RawHttp.send(port, "GET", "/", null, "Host: evil.example").status()).isEqualTo(404);
    }
}
