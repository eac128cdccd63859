package dev.aigw.emulator.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.CustomProvider;
import dev.aigw.emulator.CustomProviderSettings;
import dev.aigw.emulator.Emulator;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.RemoteEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The typed custom-provider operations, the same in process and through {@link RemoteEmulator}. */
@Timeout(30)
class CustomProvidersFromJavaTest {

    private static final CustomProviderSettings ACME = CustomProviderSettings.builder("Acme", "acme",
            "https://api.acme.example/v1").enable(true).headers(Map.of("x-acme-key", "k-1")).position(2).build();

    private final AiGatewayEmulator local = AiGatewayEmulator.builder().build().start();

    @AfterEach
    void stop() {
        local.close();
    }

    static Stream<String> transports() {
        return Stream.of("in-process", "remote");
    }

    private Emulator emulator(String transport) {
        return transport.equals("remote")
                ? RemoteEmulator.connect(local.baseUrl(), local.accountId(), local.apiToken())
                : local;
    }

    @ParameterizedTest
    @MethodSource("transports")
    void createGetListUpdateAndDeleteRoundTrip(String transport) {
        Emulator emulator = emulator(transport);

        CustomProvider created = emulator.createCustomProvider(ACME);

        assertThat(created.settings()).isEqualTo(ACME);
        assertThat(created.pathSlug()).isEqualTo("custom-acme");
        assertThat(emulator.customProvider(created.id())).contains(created);
        assertThat(emulator.customProviders()).containsExactly(created);
        CustomProvider updated = emulator.updateCustomProvider(created.id(),
                ACME.newBuilder().description("the acme API").build());
        assertThat(updated.settings().description()).isEqualTo("the acme API");
        assertThat(emulator.deleteCustomProvider(created.id())).isEqualTo(updated);
        assertThat(emulator.customProvider(created.id())).isEmpty();
        assertThat(emulator.customProviders()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void refusalsCarryTheResourcesOwnCodes(String transport) {
        Emulator emulator = emulator(transport);
        emulator.createCustomProvider(ACME);

        ManagementApiException bad = catchThrowableOfType(() -> emulator.createCustomProvider(
                CustomProviderSettings.builder("X", "x", "http://plain.example").build()), ManagementApiException.class);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors()).containsExactly(new ManagementApiException.ApiError(1002,
                "base_url must be a valid HTTPS URL starting with https://", List.of("body", "base_url")));
        ManagementApiException taken = catchThrowableOfType(() -> emulator.createCustomProvider(ACME),
                ManagementApiException.class);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.errors().get(0).code()).isEqualTo(1003);
        ManagementApiException missing = catchThrowableOfType(() -> emulator.deleteCustomProvider("nope"),
                ManagementApiException.class);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errors().get(0).code()).isEqualTo(1004);
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aProviderCreatedFromJavaIsReachedWithItsHeaders(String transport) throws Exception {
        Emulator emulator = emulator(transport);
        emulator.createGateway("gw");
        emulator.createCustomProvider(ACME);

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.providerUrl("gw", "custom-acme") + "/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"acme-large\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        RecordedRequest recorded = emulator.takeRequest();
        assertThat(recorded.url()).isEqualTo("https://api.acme.example/v1/chat/completions");
        assertThat(recorded.header("x-acme-key")).contains("k-1");
    }
}
