package dev.aigw.emulator.byok;

import static dev.aigw.emulator.proxy.ProxyClient.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.CustomProviderSettings;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.NewProviderConfig;
import dev.aigw.emulator.ProviderConfig;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.proxy.ProxyClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stored keys of custom providers (management-api-2.md 2.3, 3.4): a provider config of {@code custom-{slug}} goes
 * upstream as {@code Authorization: Bearer {key}} when the client sends none; Unified Billing never pays for one.
 */
@Timeout(30)
class CustomProviderKeysTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final String token = "Bearer " + emulator.apiToken();

    @BeforeEach
    void createAcme() {
        emulator.createCustomProvider(CustomProviderSettings.builder("Acme", "acme", "https://api.acme.example/v1")
                .enable(true).build());
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> acme(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "cf-aig-authorization";
        all[1] = token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.post(client.path("gw", "custom-acme/chat/completions"), CHAT, all);
    }

    @Test
    void theStoredKeyOfTheCustomProviderGoesUpstreamAsABearerTokenUnlessTheClientSendsOne() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        ProviderConfig stored = emulator.createProviderConfig("gw",
                NewProviderConfig.key("custom-acme", "default", "acme-stored-key"));

        assertThat(acme().statusCode()).isEqualTo(200);

        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.url()).isEqualTo("https://api.acme.example/v1/chat/completions");
        assertThat(sent.header("authorization")).contains("Bearer acme-stored-key");
        assertThat(sent.credential().source()).isEqualTo(UpstreamCredential.Source.BYOK);
        assertThat(sent.credential().providerConfigId()).isEqualTo(stored.id());

        acme("authorization", "Bearer acme-client-key");
        assertThat(emulator.takeRequest().credential()).as("the client's own key wins")
                .isEqualTo(UpstreamCredential.REQUEST);
    }

    @Test
    void theCompatEndpointUsesTheSameKeyByAlias() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        emulator.createProviderConfig("gw", NewProviderConfig.key("custom-acme", "default", "acme-default-key"));
        emulator.createProviderConfig("gw", NewProviderConfig.key("custom-acme", "team-b", "acme-team-b-key"));

        HttpResponse<String> response = client.post(client.path("gw", "compat/chat/completions"),
                "{\"model\":\"custom-acme/acme-large\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "cf-aig-authorization", token, "cf-aig-byok-alias", "team-b");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(emulator.takeRequest().header("authorization")).contains("Bearer acme-team-b-key");
    }

    @Test
    void anAliasTheCustomProviderLacksIsRefused() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        emulator.createProviderConfig("gw", NewProviderConfig.key("custom-acme", "default", "acme-stored-key"));

        ProxyClient.assertGatewayError(acme("cf-aig-byok-alias", "team-z"), 400, 2040,
                "Provider 'custom-acme' has no BYOK credential named 'team-z'. Configured aliases: 'default'");
    }

    @Test
    void withoutAStoredKeyUnifiedBillingNeverPaysForACustomProvider() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());

        assertThat(acme().statusCode()).isEqualTo(200);

        assertThat(emulator.takeRequest().credential()).isEqualTo(UpstreamCredential.NONE);
    }

    @Test
    void byokOnlyRefusesACustomProviderRequestWithoutAKey() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).byokOnly(true).build());

        ProxyClient.assertGatewayError(acme(), 400, 2040, "Provider credentials are required for 'custom-acme'");
    }
}
