package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.util.Suggestions;
import java.util.Collection;

/**
 * The emulator's hints for the gateway's own errors, in one place: what is wrong and what to do about it. They
 * go out beside the error (a response header and a DEBUG line), never in its body, which stays Cloudflare's
 * ({@link GatewayErrors}).
 */
final class GatewayHints {

    private GatewayHints() {
    }

    static String noGatewayInPath() {
        return "Data-plane paths are /v1/{account_id}/{gateway_id}/{provider}/..., or /v1/{account_id}/{gateway_id}"
                + " for the universal endpoint";
    }

    static String dotSegment() {
        return "Path segments \".\" and \"..\" are refused: they would leave the provider's base URL";
    }

    static String unknownAccount(String account, Collection<String> known) {
        return "Account \"" + account + "\" is not one of this emulator's accounts ("
                + String.join(", ", known.stream().sorted().toList()) + "); use one of them, or add it to the emulator"
                + " (Builder.account, \"accounts\" in the config file)";
    }

    static String noGateway(String account, String gatewayId) {
        return "Gateway \"" + gatewayId + "\" does not exist in account " + account + ". Create it first (POST"
                + " /client/v4/accounts/" + account + "/ai-gateway/gateways, or emulator.createGateway(\"" + gatewayId
                + "\") in Java), or use the gateway"
                + " \"default\" with a cf-aig-authorization: Bearer <token> header, which creates it on first use";
    }

    static String noDefaultGateway(String account, RunTokens.Verdict verdict, boolean tokenInAuthorization) {
        return "The gateway \"default\" does not exist yet in account " + account + ", and " + verdict.problem()
                + ", so this request cannot create it. The first request with cf-aig-authorization: Bearer <a token"
                + " with AI Gateway - Run> creates it" + misplaced(tokenInAuthorization);
    }

    static String unauthorized(String account, String gatewayId, RunTokens.Verdict verdict,
                               boolean tokenInAuthorization) {
        return "Gateway \"" + gatewayId + "\" has authentication on, and " + verdict.problem() + ". Send"
                + " cf-aig-authorization: Bearer <a token with AI Gateway - Run on account " + account + ">; the"
                + " provider's key stays in its own header" + misplaced(tokenInAuthorization);
    }

    static String unknownProvider(String slug, Collection<String> known) {
        return "Provider \"" + slug + "\" is unknown" + Suggestions.didYouMean(slug, known) + "; the known providers: "
                + String.join(", ", known);
    }

    static String unknownStepProvider(int index, String slug, Collection<String> known) {
        return "Step " + index + ": provider \"" + slug + "\" is unknown" + Suggestions.didYouMean(slug, known)
                + "; a step's provider is one of " + String.join(", ", known) + ", or compat";
    }

    static String unknownCompatProvider(String model, String prefix, Collection<String> known) {
        return "Model \"" + model + "\" names provider \"" + prefix + "\", which is unknown"
                + Suggestions.didYouMean(prefix, known) + "; the compat endpoint takes {provider}/{model} with one of "
                + String.join(", ", known);
    }

    static String compatModelWithoutProvider(String model) {
        return "The compat endpoint takes a model named {provider}/{model}, e.g. \"openai/gpt-4o-mini\"; got \""
                + model + "\"";
    }

    static String compatPath() {
        return "The compat endpoint is POST /v1/{account_id}/{gateway_id}/compat/chat/completions";
    }

    static String universalMethod() {
        return "The universal endpoint takes a POST with a JSON array of steps";
    }

    private static String misplaced(boolean tokenInAuthorization) {
        return tokenInAuthorization ? ". This request's Authorization header carries a token of this emulator; that"
                + " header goes to the provider: send the token as cf-aig-authorization" : "";
    }
}
