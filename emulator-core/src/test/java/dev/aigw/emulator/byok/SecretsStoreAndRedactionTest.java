package dev.aigw.emulator.byok;

import static dev.aigw.emulator.proxy.ProxyClient.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.NewProviderConfig;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.proxy.ProxyClient;
import dev.aigw.emulator.testsupport.ApiAssertions;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The journal's {@code redact_credentials} option (management-api-2.md 2.4) and the strict Secrets Store setting
 * (2.2): keys recorded as previews; a provider config refused on a gateway without {@code store_id}.
 */
@Timeout(30)
class SecretsStoreAndRedactionTest {

    private static HttpResponse<String> openAi(AiGatewayEmulator emulator, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "cf-aig-authorization";
        all[1] = "Bearer " + emulator.apiToken();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return new ProxyClient(emulator).post(new ProxyClient(emulator).path("gw", "openai/chat/completions"), CHAT,
                all);
    }

    @Test
    void withRedactionTheJournalRecordsStoredAndRequestKeysAsPreviews() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().redactCredentials(true).build().start()) {
            emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
            emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "default", "sk-test-stored-default"));

            assertThat(openAi(emulator).statusCode()).isEqualTo(200);
            assertThat(openAi(emulator, "authorization", "Bearer sk-client-own-key").statusCode()).isEqualTo(200);

            List<RecordedRequest> sent = emulator.recordedRequests();
            assertThat(sent).extracting(r -> r.header("authorization").orElseThrow())
                    .containsExactly("Bearer sk-...ault", "Bearer sk-...-key");
            assertThat(sent.get(0).credential().source()).isEqualTo(UpstreamCredential.Source.BYOK);
            assertThat(sent.get(0).credential().secretPreview()).isEqualTo("sk-...ault");
        }
    }

    @Test
    void withoutRedactionTheJournalKeepsTheKeyInFull() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
            emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "default", "sk-test-stored-default"));

            openAi(emulator);

            assertThat(emulator.takeRequest().header("authorization")).contains("Bearer sk-test-stored-default");
        }
    }

    @Test
    void theStrictSettingRefusesAKeyOnAGatewayWithoutASecretsStore() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().requireSecretsStore(true).build().start()) {
            emulator.createGateway("gw");

            ManagementApiException refused = catchThrowableOfType(() -> emulator.createProviderConfig("gw",
                    NewProviderConfig.key("openai", "default", "sk-test")), ManagementApiException.class);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errors()).containsExactly(new ManagementApiException.ApiError(7001,
                    "Input Validation Error: Gateway has no Secrets Store configured (set the gateway's store_id)",
                    List.of("body")));

            ApiAssertions.assertValidationError(ManagementApi.of(emulator).post("/gateways/gw/provider_configs",
                    "{\"provider_slug\":\"openai\",\"alias\":\"default\",\"default_config\":true,\"secret\":\"k\"}"),
                    "body");
            assertThat(emulator.providerConfigs("gw")).isEmpty();
        }
    }

    @Test
    void theStrictSettingAcceptsAKeyOnAGatewayWithAStoreId() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().requireSecretsStore(true).build().start()) {
            emulator.createGateway("gw", GatewaySettings.builder().storeId("0123456789abcdef0123456789abcdef")
                    .build());

            emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "default", "sk-test"));

            assertThat(emulator.providerConfigs("gw")).hasSize(1);
        }
    }
}
