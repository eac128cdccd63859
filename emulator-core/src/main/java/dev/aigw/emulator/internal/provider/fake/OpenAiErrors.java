package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.util.Map;

/**
 * Builds OpenAI's error answers, {@code {"error":{"message","type","param","code"}}}, which the whole
 * OpenAI-compatible family (Groq, Mistral, DeepSeek, ...) shares.
 */
final class OpenAiErrors {

    private OpenAiErrors() {
    }

    /** Answers an error with OpenAI's body; {@code param} and {@code code} may be null. */
    static UpstreamReply reply(int status, String message, String type, String param, String code,
                               Map<String, String> headers) {
        ObjectNode error = Json.object();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        ObjectNode body = Json.object();
        body.set("error", error);
        return Replies.json(status, body, headers);
    }

    /** Answers the 400 for a request body that is not JSON, in OpenAI's words. */
    static UpstreamReply notJson() {
        return reply(400, "We could not parse the JSON body of your request. (HINT: This likely means you aren't "
                + "using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent "
                + "was not valid JSON.)", "invalid_request_error", null, null, Map.of());
    }

    /** Answers the 400 for a missing required member. */
    static UpstreamReply missing(String param) {
        return reply(400, "Missing required parameter: '" + param + "'.", "invalid_request_error", param,
                "missing_required_parameter", Map.of());
    }

    /**
     * Answers the 400 for a request the emulator refuses to answer (strict replies and no rule matched, or an
     * output schema it cannot generate JSON for), as OpenAI refuses a request it cannot serve.
     */
    static UpstreamReply refused(String message, Map<String, String> headers) {
        return reply(400, message, "invalid_request_error", null, null, headers);
    }

    /** Answers the 404 for a path the fake does not serve, naming what it does serve. */
    static UpstreamReply invalidUrl(String slug, String method, String path, String served) {
        return reply(404, "Invalid URL (" + method + " " + path + "). The emulator's fake '" + slug
                + "' provider answers " + served + "; for other endpoints configure a real upstream, e.g. "
                + NoFakeYet.builderHint(slug), "invalid_request_error", null, null, Map.of());
    }

    /**
     * Answers OpenAI's error for a status: 429 {@code rate_limit_exceeded} with {@code retry-after} and
     * {@code x-ratelimit-*} headers, 500/503 {@code server_error}, 502/504 the Cloudflare-fronted
     * {@code cf_bad_gateway}/{@code cf_gateway_timeout} bodies with a numeric {@code code}, other 4xx
     * {@code invalid_request_error}, other 5xx {@code server_error}.
     */
    static UpstreamReply forStatus(int status, String model) {
        switch (status) {
            case 400:
                return reply(400, "Invalid request.", "invalid_request_error", null, null, Map.of());
            case 401:
                return reply(401, "Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key",
                        Map.of());
            case 403:
                return reply(403, "You are not allowed to sample from this model.", "invalid_request_error", null,
                        null, Map.of());
            case 404:
                return reply(404, "The model `" + model + "` does not exist or you do not have access to it.",
                        "invalid_request_error", null, "model_not_found", Map.of());
            case 429:
                return reply(429, "Rate limit reached for " + model + " in organization org-emulator on requests "
                        + "per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 1s.", "requests",
                        null, "rate_limit_exceeded", Map.of(
                                "retry-after", "1",
                                "x-ratelimit-limit-requests", "500",
                                "x-ratelimit-remaining-requests", "0",
                                "x-ratelimit-reset-requests", "1s",
                                "x-ratelimit-limit-tokens", "200000",
                                "x-ratelimit-remaining-tokens", "200000",
                                "x-ratelimit-reset-tokens", "0s"));
            case 500:
                return reply(500, "The server had an error while processing your request. Sorry about that!",
                        "server_error", null, null, Map.of());
            case 502:
                return cloudflareFronted(502, "Bad gateway.", "cf_bad_gateway");
            case 503:
                return reply(503, "The engine is currently overloaded, please try again later.", "server_error",
                        null, null, Map.of());
            case 504:
                return cloudflareFronted(504, "Gateway timeout.", "cf_gateway_timeout");
            default:
                return reply(status, "Request failed with status " + status + ".",
                        status >= 500 ? "server_error" : "invalid_request_error", null, null, Map.of());
        }
    }

    private static UpstreamReply cloudflareFronted(int status, String message, String type) {
        ObjectNode error = Json.object();
        error.put("code", status);
        error.put("message", message);
        error.putNull("param");
        error.put("type", type);
        ObjectNode body = Json.object();
        body.set("error", error);
        return Replies.json(status, body, Map.of());
    }
}
