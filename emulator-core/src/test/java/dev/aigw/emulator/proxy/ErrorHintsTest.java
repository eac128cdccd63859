package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own errors say what to do in the {@code x-aigw-emulator-hint} header, while their bodies stay
 * exactly Cloudflare's; {@code hints(false)} leaves the header out.
 */
@Timeout(30)
class ErrorHintsTest {

    private static final String ACCOUNT = AiGatewayEmulator.DEFAULT_ACCOUNT_ID;
    private static final String OTHER_ACCOUNT = "ffffffffffffffffffffffffffffffff";
    private static final String NO_GATEWAY = "Please configure AI Gateway in the Cloudflare dashboard";
    private static final String RUN_TOKEN_NEEDED = " Send cf-aig-authorization: Bearer <a token with AI Gateway - Run"
            + " on account " + ACCOUNT + ">; the provider's key stays in its own header";

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .account(OTHER_ACCOUNT)
            .token(ApiToken.of("runner", ACCOUNT, Permission.RUN))
            .token(ApiToken.of("reader", ACCOUNT, Permission.READ))
            .token(ApiToken.of("elsewhere", OTHER_ACCOUNT, Permission.RUN))
            .build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chat(String gateway, String provider, String... headers) {
        return client.post(client.path(gateway, provider + "/chat/completions"), ProxyClient.CHAT, headers);
    }

    private static Optional<String> hint(HttpResponse<String> response) {
        return response.headers().firstValue(AiGatewayEmulator.HINT_HEADER);
    }

    private void createDefaultGateway() {
        assertThat(chat("default", "openai", "cf-aig-authorization", "Bearer runner").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownGatewaySaysToCreateItOrUseDefaultWithAToken() {
        HttpResponse<String> response = chat("my-gw", "openai");

        assertGatewayError(response, 400, 2001, NO_GATEWAY);
        assertThat(hint(response)).contains("Gateway \"my-gw\" does not exist in account " + ACCOUNT + ". Create it"
                + " first (POST /client/v4/accounts/" + ACCOUNT + "/ai-gateway/gateways, or emulator.createGateway(\"my-gw\") in Java), or use the"
                + " gateway \"default\" with a cf-aig-authorization: Bearer <token> header, which creates it on first"
                + " use");
    }

    @Test
    void theHintLeavesTheBodyExactlyAsItIsWithoutHints() {
        try (AiGatewayEmulator plain = AiGatewayEmulator.builder().hints(false).build().start()) {
            ProxyClient plainClient = new ProxyClient(plain);

            HttpResponse<String> withHint = chat("my-gw", "openai");
            HttpResponse<String> withoutHint = plainClient.post(plainClient.path("my-gw", "openai/chat/completions"),
                    ProxyClient.CHAT);

            assertThat(hint(withHint)).isPresent();
            assertThat(hint(withoutHint)).as("hints(false) sends no hint header").isEmpty();
            assertThat(withHint.body()).isEqualTo(withoutHint.body());
        }
    }

    @Test
    void anUnknownAccountListsTheEmulatorsAccounts() {
        HttpResponse<String> response = client.post("/v1/abc/gw/openai/chat/completions", ProxyClient.CHAT);

        assertGatewayError(response, 400, 2001, NO_GATEWAY);
        assertThat(hint(response)).contains("Account \"abc\" is not one of this emulator's accounts (" + ACCOUNT
                + ", " + OTHER_ACCOUNT + "); use one of them, or add it to the emulator (Builder.account, \"accounts\""
                + " in the config file)");
    }

    @Test
    void aDefaultRequestWithoutCfAigAuthorizationSaysTheFirstAuthenticatedRequestCreatesIt() {
        HttpResponse<String> response = chat("default", "openai");

        assertGatewayError(response, 400, 2001, NO_GATEWAY);
        assertThat(hint(response)).contains("The gateway \"default\" does not exist yet in account " + ACCOUNT + ","
                + " and this request has no cf-aig-authorization header, so this request cannot create it. The first"
                + " request with cf-aig-authorization: Bearer <a token with AI Gateway - Run> creates it");
    }

    @Test
    void aDefaultRequestWithTheTokenInAuthorizationSaysWhichHeaderItBelongsIn() {
        HttpResponse<String> response = chat("default", "openai", "authorization", "Bearer runner");

        assertGatewayError(response, 400, 2001, NO_GATEWAY);
        assertThat(hint(response)).hasValueSatisfying(hint -> assertThat(hint).endsWith(" creates it. This request's"
                + " Authorization header carries a token of this emulator; that header goes to the provider: send the"
                + " token as cf-aig-authorization"));
    }

    @Test
    void aDefaultRequestWithAnUnknownTokenSaysTheTokenIsUnknown() {
        HttpResponse<String> response = chat("default", "openai", "cf-aig-authorization", "Bearer nope");

        assertGatewayError(response, 400, 2001, NO_GATEWAY);
        assertThat(hint(response)).contains("The gateway \"default\" does not exist yet in account " + ACCOUNT + ","
                + " and this request's cf-aig-authorization carries a token this emulator does not know"
                + " (AiGatewayEmulator.apiToken() and the standalone emulator's start-up line show one it knows), so"
                + " this request cannot create it. The first request with cf-aig-authorization: Bearer <a token with"
                + " AI Gateway - Run> creates it");
    }

    @Test
    void anAuthenticatedGatewayWithoutCfAigAuthorizationSaysToSendIt() {
        createDefaultGateway();

        HttpResponse<String> response = chat("default", "openai");

        assertGatewayError(response, 401, 2009, "Unauthorized");
        assertThat(hint(response)).contains("Gateway \"default\" has authentication on, and this request has no"
                + " cf-aig-authorization header." + RUN_TOKEN_NEEDED);
    }

    @Test
    void anAuthenticatedGatewaySaysWhatIsWrongWithTheToken() {
        createDefaultGateway();
        String prefix = "Gateway \"default\" has authentication on, and ";

        assertThat(hint(chat("default", "openai", "cf-aig-authorization", "Token runner"))).contains(prefix
                + "this request's cf-aig-authorization is not \"Bearer <token>\"." + RUN_TOKEN_NEEDED);
        assertThat(hint(chat("default", "openai", "cf-aig-authorization", "Bearer elsewhere"))).contains(prefix
                + "this request's token does not cover this account." + RUN_TOKEN_NEEDED);
        assertThat(hint(chat("default", "openai", "cf-aig-authorization", "Bearer reader"))).contains(prefix
                + "this request's token has neither AI Gateway - Run nor AI Gateway - Edit." + RUN_TOKEN_NEEDED);
        HttpResponse<String> unknown = chat("default", "openai", "cf-aig-authorization", "Bearer nope");
        assertGatewayError(unknown, 401, 2009, "Unauthorized");
        assertThat(hint(unknown)).hasValueSatisfying(hint -> assertThat(hint)
                .startsWith(prefix + "this request's cf-aig-authorization carries a token this emulator does not"
                        + " know"));
    }

    @Test
    void anUnknownProviderSuggestsTheClosestSlugAndListsTheKnownOnes() {
        createDefaultGateway();

        HttpResponse<String> response = chat("default", "open-ai", "cf-aig-authorization", "Bearer runner");

        assertGatewayError(response, 400, 2008, "Invalid provider");
        assertThat(hint(response)).hasValueSatisfying(hint -> assertThat(hint)
                .startsWith("Provider \"open-ai\" is unknown (did you mean \"openai\"?); the known providers: openai,"
                        + " anthropic, workers-ai, azure-openai, google-ai-studio, ")
                .contains(", groq, ").doesNotContain("\n"));
    }

    @Test
    void anUnknownProviderWithNothingCloseOnlyListsTheKnownOnes() {
        createDefaultGateway();

        HttpResponse<String> response = chat("default", "nonsense", "cf-aig-authorization", "Bearer runner");

        assertThat(hint(response)).hasValueSatisfying(hint -> assertThat(hint)
                .startsWith("Provider \"nonsense\" is unknown; the known providers: openai, anthropic, "));
    }

    @Test
    void aUniversalStepWithAnUnknownProviderNamesTheStep() {
        createDefaultGateway();
        String body = "[{\"provider\":\"openai\",\"endpoint\":\"chat/completions\",\"query\":{}},"
                + "{\"provider\":\"anthropc\",\"endpoint\":\"v1/messages\",\"query\":{}}]";

        HttpResponse<String> response = client.post("/v1/" + ACCOUNT + "/default", body,
                "cf-aig-authorization", "Bearer runner");

        assertGatewayError(response, 400, 2008, "Invalid provider");
        assertThat(hint(response)).hasValueSatisfying(hint -> assertThat(hint)
                .startsWith("Step 1: provider \"anthropc\" is unknown (did you mean \"anthropic\"?); a step's provider"
                        + " is one of openai, anthropic, ")
                .endsWith(", or compat"));
    }

    @Test
    void aCompatModelWithAnUnknownProviderSuggestsTheClosestSlug() {
        createDefaultGateway();

        HttpResponse<String> response = client.post(client.path("default", "compat/chat/completions"),
                "{\"model\":\"open-ai/gpt-4o-mini\",\"messages\":[]}", "cf-aig-authorization", "Bearer runner");

        assertGatewayError(response, 400, 2008, "Invalid provider");
        assertThat(hint(response)).hasValueSatisfying(hint -> assertThat(hint).startsWith("Model"
                + " \"open-ai/gpt-4o-mini\" names provider \"open-ai\", which is unknown (did you mean \"openai\"?); the compat endpoint takes"
                + " {provider}/{model} with one of openai, "));
    }

    @Test
    void aCompatModelWithoutProviderShowsTheModelForm() {
        createDefaultGateway();

        HttpResponse<String> response = client.post(client.path("default", "compat/chat/completions"),
                "{\"model\":\"gpt-4o-mini\",\"messages\":[]}", "cf-aig-authorization", "Bearer runner");

        assertGatewayError(response, 400, 2005, "Failed to get response from provider");
        assertThat(hint(response)).contains("The compat endpoint takes a model named {provider}/{model}, e.g."
                + " \"openai/gpt-4o-mini\"; got \"gpt-4o-mini\"");
    }

    @Test
    void pathsTheGatewayCannotRouteShowTheirForm() {
        createDefaultGateway();
        String auth = "Bearer runner";

        assertThat(hint(client.post("/v1/" + ACCOUNT, ProxyClient.CHAT))).contains("Data-plane paths are"
                + " /v1/{account_id}/{gateway_id}/{provider}/..., or /v1/{account_id}/{gateway_id} for the universal"
                + " endpoint");
        assertThat(hint(client.post(client.path("default", "openai/../x"), ProxyClient.CHAT,
                "cf-aig-authorization", auth))).contains("Path segments \".\" and \"..\" are refused: they would leave"
                + " the provider's base URL");
        assertThat(hint(client.post(client.path("default", "compat/embeddings"), ProxyClient.CHAT,
                "cf-aig-authorization", auth))).contains("The compat endpoint is POST"
                + " /v1/{account_id}/{gateway_id}/compat/chat/completions");
        assertThat(hint(client.send("GET", "/v1/" + ACCOUNT + "/default", null, "cf-aig-authorization", auth)))
                .contains("The universal endpoint takes a POST with a JSON array of steps");
    }

    @Test
    void aSuccessfulResponseCarriesNoHint() {
        HttpResponse<String> response = chat("default", "openai", "cf-aig-authorization", "Bearer runner");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hint(response)).isEmpty();
    }

    @Test
    void theHintsDebugLineIsOffByDefault() {
        assertThat(LoggerFactory.getLogger("dev.aigw.emulator.hints").isDebugEnabled()).isFalse();
    }
}
