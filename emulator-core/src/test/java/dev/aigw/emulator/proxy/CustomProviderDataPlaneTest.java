package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.testsupport.ApiAssertions;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests to {@code custom-{slug}/...} (management-api-2.md 3.4): fake by default, with the provider's headers. */
@Timeout(30)
class CustomProviderDataPlaneTest {

    private static final String CHAT = "{\"model\":\"acme-large\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String ACME = """
            {"name": "Acme", "slug": "acme", "base_url": "https://api.acme.example/v1/", "enable": true,
             "headers": "{\\"X-Acme-Key\\": \\"stored-key\\", \\"x-acme-region\\": \\"eu\\", \\"cf-aig-skip-cache\\": \\"true\\", \\"connection\\": \\"close\\"}"}
            """;

    private AiGatewayEmulator emulator;
    private ManagementApi api;
    private ProxyClient client;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder().build().start();
        emulator.createGateway("gw");
        api = ManagementApi.of(emulator);
        client = new ProxyClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String create(String body) {
        return ApiAssertions.assertOk(api.post("/custom-providers", body)).get("id").asText();
    }

    @Test
    void theNativePathReachesTheFakeAtBaseUrlPlusRestWithTheProvidersHeaders() {
        create(ACME);

        HttpResponse<String> response = client.post(client.path("gw", "custom-acme/chat/completions?debug=1"), CHAT,
                "authorization", "Bearer client-key", "x-acme-region", "us");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = ProxyClient.json(response);
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("model").asText()).isEqualTo("acme-large");
        RecordedRequest recorded = emulator.takeRequest();
        assertThat(recorded.provider()).isEqualTo("custom-acme");
        assertThat(recorded.url()).isEqualTo("https://api.acme.example/v1/chat/completions?debug=1");
        assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.header("x-acme-key")).contains("stored-key");
        assertThat(recorded.header("x-acme-region")).as("a client header beats the provider's").contains("us");
        assertThat(recorded.header("authorization")).contains("Bearer client-key");
        assertThat(recorded.headers()).doesNotContainKeys("cf-aig-skip-cache", "connection");
    }

    @Test
    void theCompatEndpointReachesItAsCustomSlugSlashModel() {
        create(ACME);

        HttpResponse<String> response = client.post(client.path("gw", "compat/chat/completions"),
                CHAT.replace("acme-large", "custom-acme/acme-large"), "authorization", "Bearer client-key");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ProxyClient.json(response).get("object").asText()).isEqualTo("chat.completion");
        RecordedRequest recorded = emulator.takeRequest();
        assertThat(recorded.url()).isEqualTo("https://api.acme.example/v1/chat/completions");
        assertThat(ProxyClient.parse(recorded.bodyText()).get("model").asText()).isEqualTo("acme-large");
        assertThat(recorded.header("x-acme-key")).contains("stored-key");
        assertThat(recorded.header("authorization")).contains("Bearer client-key");
    }

    @Test
    void theUniversalEndpointReachesItAsAStepProvider() {
        create(ACME);
        String steps = "[{\"provider\":\"custom-acme\",\"endpoint\":\"chat/completions\","
                + "\"headers\":{\"authorization\":\"Bearer client-key\"},\"query\":" + CHAT + "}]";

        HttpResponse<String> response = client.post("/v1/" + emulator.accountId() + "/gw", steps);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        RecordedRequest recorded = emulator.takeRequest();
        assertThat(recorded.url()).isEqualTo("https://api.acme.example/v1/chat/completions");
        assertThat(recorded.header("x-acme-key")).contains("stored-key");
    }

    @Test
    void replyRulesAnswerForACustomProviderAsForAnyOpenAiCompatibleOne() {
        create(ACME);
        emulator.replies().add(ReplyRule.builder("hi").lastUserMessageContains("Hi")
                .reply(ModelReply.builder().text("Hello from Acme.").build()).build());

        HttpResponse<String> response = client.post(client.path("gw", "custom-acme/chat/completions"), CHAT);

        assertThat(ProxyClient.json(response).at("/choices/0/message/content").asText()).isEqualTo("Hello from Acme.");
    }

    @Test
    void aRuleAndAScriptCanNameTheCustomProvider() {
        create(ACME);
        emulator.replies().add(ReplyRule.builder("acme only").provider("custom-acme")
                .reply(ModelReply.builder().text("Only Acme says this.").build()).build());
        emulator.script("custom-acme").enqueue(UpstreamResponse.status(503));

        HttpResponse<String> failed = client.post(client.path("gw", "custom-acme/chat/completions"), CHAT);
        HttpResponse<String> answered = client.post(client.path("gw", "custom-acme/chat/completions"), CHAT);

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(ProxyClient.json(answered).at("/choices/0/message/content").asText())
                .isEqualTo("Only Acme says this.");
        emulator.verifyNoLeftoverScripts();
    }

    @Test
    void anUnknownSlugIs2008OnEveryPath() {
        assertGatewayError(client.post(client.path("gw", "custom-nope/chat/completions"), CHAT), 400, 2008,
                "Invalid provider");
        assertGatewayError(client.post(client.path("gw", "compat/chat/completions"),
                CHAT.replace("acme-large", "custom-nope/acme-large")), 400, 2008, "Invalid provider");
        assertGatewayError(client.post("/v1/" + emulator.accountId() + "/gw",
                "[{\"provider\":\"custom-nope\",\"endpoint\":\"chat/completions\",\"headers\":{},\"query\":" + CHAT
                        + "}]"), 400, 2008, "Invalid provider");
    }

    @Test
    void aDisabledProviderIs2008UntilEnabled() {
        String id = create(ACME.replace("\"enable\": true", "\"enable\": false"));
        String path = client.path("gw", "custom-acme/chat/completions");

        assertGatewayError(client.post(path, CHAT), 400, 2008, "Invalid provider");

        ApiAssertions.assertOk(api.send("PATCH", "/custom-providers/" + id, BodyPublishers.ofString("{\"enable\":true}")));
        assertThat(client.post(path, CHAT).statusCode()).isEqualTo(200);
    }

    @Test
    void deletingAProviderMakesItUnroutableAtOnce() {
        String id = create(ACME);
        String path = client.path("gw", "custom-acme/chat/completions");
        assertThat(client.post(path, CHAT).statusCode()).isEqualTo(200);

        ApiAssertions.assertOk(api.delete("/custom-providers/" + id));

        assertGatewayError(client.post(path, CHAT), 400, 2008, "Invalid provider");
    }

    @Test
    void anUpdateDropsTheProvidersCachedResponses() {
        emulator.createGateway("cached", dev.aigw.emulator.GatewaySettings.builder()
                .cacheTtl(java.time.Duration.ofMinutes(5)).build());
        emulator.createGateway("other-cached", dev.aigw.emulator.GatewaySettings.builder()
                .cacheTtl(java.time.Duration.ofMinutes(5)).build());
        String id = create(ACME);
        String path = client.path("cached", "custom-acme/chat/completions");
        String openAi = client.path("cached", "openai/chat/completions");
        client.post(path, CHAT);
        client.post(openAi, ProxyClient.CHAT);
        assertThat(client.post(path, CHAT).headers().firstValue("cf-aig-cache-status")).contains("HIT");

        ApiAssertions.assertOk(api.send("PATCH", "/custom-providers/" + id,
                BodyPublishers.ofString("{\"description\":\"new\"}")));

        assertThat(client.post(path, CHAT).headers().firstValue("cf-aig-cache-status")).contains("MISS");
        assertThat(client.post(openAi, ProxyClient.CHAT).headers().firstValue("cf-aig-cache-status"))
                .as("another provider's entries stay").contains("HIT");
    }

    @Test
    void aPatchedSlugMovesThePath() {
        String id = create(ACME);

        ApiAssertions.assertOk(api.send("PATCH", "/custom-providers/" + id, BodyPublishers.ofString("{\"slug\":\"acme-two\"}")));

        assertGatewayError(client.post(client.path("gw", "custom-acme/chat/completions"), CHAT), 400, 2008,
                "Invalid provider");
        assertThat(client.post(client.path("gw", "custom-acme-two/chat/completions"), CHAT).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherAccountCannotReachTheProvider() {
        try (AiGatewayEmulator two = AiGatewayEmulator.builder().account("fedcba9876543210fedcba9876543210").build().start()) {
            ManagementApi mine = ManagementApi.of(two);
            ApiAssertions.assertOk(mine.post("/custom-providers", ACME));
            two.createGateway("gw");
            mine.forAccount("fedcba9876543210fedcba9876543210").createGateway(
                    dev.aigw.emulator.testsupport.GatewayBodies.minimal("gw"));
            ProxyClient other = new ProxyClient(two);

            assertThat(other.post("/v1/" + two.accountId() + "/gw/custom-acme/chat/completions", CHAT).statusCode())
                    .isEqualTo(200);
            assertGatewayError(other.post("/v1/fedcba9876543210fedcba9876543210/gw/custom-acme/chat/completions", CHAT),
                    400, 2008, "Invalid provider");
        }
    }

    @Test
    void withForwardingOnARequestGoesOverTheNetworkToTheBaseUrl() {
        try (AiGatewayEmulator forwarding = AiGatewayEmulator.builder().forwardCustomProviders(true).build().start()) {
            forwarding.createGateway("gw");
            ApiAssertions.assertOk(ManagementApi.of(forwarding).post("/custom-providers",
                    ACME.replace("https://api.acme.example/v1/", "https://127.0.0.1:1/v1")));

            HttpResponse<String> response = new ProxyClient(forwarding).post(
                    "/v1/" + forwarding.accountId() + "/gw/custom-acme/chat/completions", CHAT);

            assertThat(response.statusCode()).as("nothing listens at port 1: %s", response.body()).isNotEqualTo(200);
            assertThat(forwarding.takeRequest().url()).isEqualTo("https://127.0.0.1:1/v1/chat/completions");
        }
    }
}
