package dev.aigw.emulator.byok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.LogQuery;
import dev.aigw.emulator.NewProviderConfig;
import dev.aigw.emulator.ProviderConfig;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.proxy.ProxyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which credential goes upstream (management-api-2.md 2.3), asserted through the journal: the headers the fake
 * provider received and each recorded attempt's {@code credential} (2.4).
 */
@Timeout(30)
class ByokDataPlaneTest {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-08-01T10:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private void gateway(boolean authentication, boolean byokOnly) {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(authentication).byokOnly(byokOnly).build());
    }

    private HttpResponse<String> chat(String path, String body, String... headers) {
        return client.postToGateway("gw", path, body, headers);
    }

    private HttpResponse<String> openAi(String... headers) {
        return chat("openai/chat/completions", CHAT, headers);
    }

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertGatewayError(HttpResponse<String> response, int status, int code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response.body());
        assertThat(body.get("name").asText()).isEqualTo("AiGatewayError");
        assertThat(body.get("internalCode").asInt()).isEqualTo(code);
        assertThat(body.get("message").asText()).isEqualTo(message);
    }

    @Test
    void theStoredDefaultKeyGoesUpstreamWhenTheRequestHasNone() {
        gateway(true, false);
        ProviderConfig stored = emulator.createProviderConfig("gw",
                NewProviderConfig.key("openai", "default", "sk-test-stored-default"));

        assertThat(openAi().statusCode()).isEqualTo(200);

        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.header("authorization")).contains("Bearer sk-test-stored-default");
        assertThat(sent.credential()).isEqualTo(UpstreamCredential.byok(stored.id(), "default", stored.secretId(),
                "sk-...ault"));
    }

    @Test
    void theAliasHeaderSelectsItsKey() {
        gateway(true, false);
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "default", "sk-test-default-key"));
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "team-b", "sk-test-team-b-key"));

        assertThat(openAi("cf-aig-byok-alias", "team-b").statusCode()).isEqualTo(200);

        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.header("authorization")).contains("Bearer sk-test-team-b-key");
        assertThat(sent.credential().alias()).isEqualTo("team-b");
    }

    @Test
    void anAliasThatDoesNotExistIsRefusedWithoutFallingBackToTheDefault() {
        gateway(true, false);
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "default", "sk-test-default-key"));
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "team-b", "sk-test-team-b-key"));

        assertGatewayError(openAi("cf-aig-byok-alias", "team-c"), 400, 2040,
                "Provider 'openai' has no BYOK credential named 'team-c'. Configured aliases: 'default', 'team-b'");
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @Test
    void withoutADefaultAliasTheDefaultConfigIsUsed() {
        gateway(true, false);
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "team-a", "sk-test-team-a-key"));
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "team-b", "sk-test-team-b-key").asDefault());

        openAi();

        assertThat(emulator.takeRequest().header("authorization")).contains("Bearer sk-test-team-b-key");
    }

    @Test
    void theRequestsOwnKeyWinsOverStoredKeys() {
        gateway(true, true);
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "default", "sk-test-default-key"));

        openAi("authorization", "Bearer sk-client-own");

        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.header("authorization")).contains("Bearer sk-client-own");
        assertThat(sent.credential()).isEqualTo(UpstreamCredential.REQUEST);
    }

    @Test
    void theInjectedHeaderIsTheProvidersOwn() {
        gateway(true, false);
        emulator.createProviderConfig("gw", NewProviderConfig.key("anthropic", "default", "sk-ant-stored-key"));

        chat("anthropic/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.header("x-api-key")).contains("sk-ant-stored-key");
        assertThat(sent.header("authorization")).isEmpty();
    }

    @Test
    void byokOnlyRefusesARequestWithNoCredential() {
        gateway(true, true);

        assertGatewayError(openAi(), 400, 2040, "Provider credentials are required for 'openai'");
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @Test
    void byokOnlyAlsoRefusesOnAGatewayWithoutAuthentication() {
        gateway(false, true);

        assertGatewayError(openAi(), 400, 2040, "Provider credentials are required for 'openai'");
    }

    @Test
    void byokOnlyLetsWorkersAiThrough() {
        gateway(true, true);

        HttpResponse<String> response = chat("workers-ai/@cf/meta/llama-3.1-8b-instruct", "{\"prompt\":\"Hi\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(emulator.takeRequest().credential().source()).isEqualTo(UpstreamCredential.Source.NONE);
    }

    @Test
    void withoutAKeyAnAuthenticatedGatewayFallsBackToUnifiedBilling() {
        gateway(true, false);

        assertThat(openAi().statusCode()).isEqualTo(200);

        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.credential().source()).isEqualTo(UpstreamCredential.Source.UNIFIED_BILLING);
        assertThat(sent.header("authorization")).isEmpty();
    }

    @Test
    void onlyACallUnifiedBillingPaidIsLoggedAsWholesaleAndTheLogFilterFindsIt() {
        gateway(true, false);
        Instant first = clock.now();
        openAi();
        clock.advance(Duration.ofSeconds(1));
        openAi("authorization", "Bearer sk-client-own-key");
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "default", "sk-test-stored-default"));
        openAi();

        assertThat(emulator.logs("gw")).extracting(LogEntry::wholesale).containsExactlyInAnyOrder(true, false, false);
        List<LogEntry> wholesale = emulator.logs("gw", LogQuery.builder().filter("wholesale", "eq", true).build());
        assertThat(wholesale).extracting(LogEntry::createdAt).containsExactly(first);
    }

    @Test
    void aCacheHitOfAUnifiedBillingReplyIsNotWholesale() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).cacheTtl(Duration.ofMinutes(5))
                .build());
        openAi();
        openAi();

        assertThat(emulator.logs("gw")).extracting(LogEntry::cached, LogEntry::wholesale)
                .containsExactlyInAnyOrder(tuple(false, true), tuple(true, false));
    }

    @Test
    void theNoWholesaleHeaderForbidsUnifiedBillingForOneRequest() {
        gateway(true, false);

        assertGatewayError(openAi("cf-aig-no-wholesale", "true"), 400, 2040,
                "Provider credentials are required for 'openai'");
        assertThat(openAi().statusCode()).isEqualTo(200);
    }

    @Test
    void storedKeysNeedAnAuthenticatedGateway() {
        gateway(false, false);
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "default", "sk-test-default-key"));

        openAi();

        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.credential()).isEqualTo(UpstreamCredential.NONE);
        assertThat(sent.header("authorization")).isEmpty();
    }

    @Test
    void aRotatedKeyIsUsedFromTheNextRequestAndADeletedAliasIsRefused() {
        gateway(true, false);
        ProviderConfig config = emulator.createProviderConfig("gw",
                NewProviderConfig.key("openai", "team-a", "sk-test-first-key"));
        openAi("cf-aig-byok-alias", "team-a");
        emulator.rotateProviderKey("gw", config.id(), "sk-test-second-key");
        openAi("cf-aig-byok-alias", "team-a");

        assertThat(emulator.recordedRequests()).extracting(r -> r.header("authorization").orElseThrow())
                .containsExactly("Bearer sk-test-first-key", "Bearer sk-test-second-key");

        emulator.deleteProviderConfig("gw", config.id());
        assertGatewayError(openAi("cf-aig-byok-alias", "team-a"), 400, 2040,
                "Provider 'openai' has no BYOK credential named 'team-a'. Configured aliases: none");
    }

    @Test
    void aReferencedSecretSendsItsRegisteredValueOrAPlaceholder() {
        gateway(true, false);
        String secretId = "00112233445566778899aabbccddeeff";
        emulator.createProviderConfig("gw", NewProviderConfig.secretReference("openai", "default", secretId));

        openAi();
        emulator.putSecret(secretId, "sk-registered-value");
        openAi();

        assertThat(emulator.recordedRequests()).extracting(r -> r.header("authorization").orElseThrow())
                .containsExactly("Bearer secret:" + secretId, "Bearer sk-registered-value");
    }

    @Test
    void aKeysRateLimitRefusesCallsBeyondItsWindowUntilTheNextOne() {
        gateway(true, false);
        emulator.createProviderConfig("gw",
                NewProviderConfig.key("openai", "default", "sk-test-limited-key").withRateLimit(2, 60));

        assertThat(openAi().statusCode()).isEqualTo(200);
        assertThat(openAi().statusCode()).isEqualTo(200);
        assertGatewayError(openAi(), 429, 2003, "Rate limited");
        clock.advance(Duration.ofSeconds(60));
        assertThat(openAi().statusCode()).isEqualTo(200);
        assertThat(emulator.recordedRequests()).hasSize(3);
    }
}
