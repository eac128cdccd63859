package dev.aigw.emulator.byok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Emulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.NewProviderConfig;
import dev.aigw.emulator.ProviderConfig;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed provider-config operations of {@link Emulator}, in process and through {@link RemoteEmulator}: same
 * values, same exceptions, and the recorded {@link UpstreamCredential} read back over the control API.
 */
@Timeout(30)
class ProviderConfigsFromJavaTest {

    private static final Instant T0 = Instant.parse("2026-08-01T10:15:30.123Z");

    private final VirtualClock clock = VirtualClock.startingAt(T0);
    private final AiGatewayEmulator local = AiGatewayEmulator.builder().clock(clock).build().start();

    static Stream<Named<Function<AiGatewayEmulator, Emulator>>> emulators() {
        return Stream.of(Named.of("in-process", e -> e),
                Named.of("remote", e -> RemoteEmulator.connect(e.baseUrl(), e.accountId(), e.apiToken())));
    }

    @AfterEach
    void close() {
        local.close();
    }

    @ParameterizedTest
    @MethodSource("emulators")
    void createListRotateAndDelete(Function<AiGatewayEmulator, Emulator> of) {
        Emulator emulator = of.apply(local);
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());

        ProviderConfig created = emulator.createProviderConfig("gw",
                NewProviderConfig.key("openai", "team-a", "sk-test-team-a-key").asDefault().withRateLimit(5, 30));
        clock.advance(Duration.ofSeconds(1));
        ProviderConfig rotated = emulator.rotateProviderKey("gw", created.id(), "sk-test-rotated-key");

        assertThat(created.gatewayId()).isEqualTo("gw");
        assertThat(created.providerSlug()).isEqualTo("openai");
        assertThat(created.defaultConfig()).isTrue();
        assertThat(created.secretPreview()).isEqualTo("sk-...-key");
        assertThat(created.modifiedAt()).isEqualTo(T0);
        assertThat(created.rateLimit()).isEqualTo(OptionalLong.of(5));
        assertThat(created.rateLimitPeriod()).isEqualTo(OptionalLong.of(30));
        assertThat(rotated.modifiedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(emulator.providerConfigs("gw")).containsExactly(rotated);
        assertThat(emulator.deleteProviderConfig("gw", created.id())).isEqualTo(rotated);
        assertThat(emulator.providerConfigs("gw")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("emulators")
    void refusalsCarryTheApisCodesAndPaths(Function<AiGatewayEmulator, Emulator> of) {
        Emulator emulator = of.apply(local);
        emulator.createGateway("gw");
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "a", "sk-0123456789"));

        assertThatThrownBy(() -> emulator.createProviderConfig("gw",
                NewProviderConfig.key("openai", "a", "sk-0123456789")))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.code()).isEqualTo(7001);
                        assertThat(error.path()).containsExactly("body", "alias");
                    });
                });
        assertThatThrownBy(() -> emulator.createProviderConfig("gw",
                NewProviderConfig.key("no-such-provider", "a", "sk-0123456789")))
                .isInstanceOfSatisfying(ManagementApiException.class,
                        e -> assertThat(e.errors().get(0).path()).containsExactly("body", "provider_slug"));
        assertThatThrownBy(() -> emulator.createProviderConfig("nope", NewProviderConfig.key("openai", "a", "sk-1")))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> emulator.providerConfigs("nope"))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> emulator.rotateProviderKey("gw", "no-such-id", "sk-1"))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> emulator.deleteProviderConfig("gw", "no-such-id"))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> emulator.putSecret("not-hex", "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret_id");
        assertThatThrownBy(() -> emulator.putSecret("00112233445566778899aabbccddeeff", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    }

    @ParameterizedTest
    @MethodSource("emulators")
    void theRecordedCredentialNamesTheStoredKeyWithoutItsValue(Function<AiGatewayEmulator, Emulator> of)
            throws Exception {
        Emulator emulator = of.apply(local);
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        String secretId = "00112233445566778899aabbccddeeff";
        ProviderConfig config = emulator.createProviderConfig("gw",
                NewProviderConfig.secretReference("openai", "default", secretId));
        emulator.putSecret(secretId, "sk-registered-through-java");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.providerUrl("gw", "openai") + "/chat/completions"))
                .header("cf-aig-authorization", "Bearer " + local.apiToken())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<RecordedRequest> sent = emulator.recordedRequests();
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.credential()).isEqualTo(UpstreamCredential.byok(config.id(), "default", secretId,
                    config.secretPreview()));
            assertThat(r.header("authorization")).contains("Bearer sk-registered-through-java");
        });
    }
}
