package dev.aigw.emulator.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Logs;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * Reads the token counts of a response from the provider's usage block (proxy.md 7.2, 10): OpenAI's
 * {@code usage.prompt_tokens}/{@code completion_tokens}, Anthropic's and OpenAI Responses'
 * {@code usage.input_tokens}/{@code output_tokens} (also under {@code message} and {@code response}), Workers
 * AI's {@code result.usage}, Cohere's {@code usage.tokens} and Google's {@code usageMetadata}. An event stream
 * is read event by event, later events overriding earlier ones; a stream without a usage event has no counts.
 *
 * @param tokensIn the input tokens, or {@code null} when unknown
 * @param tokensOut the output tokens, or {@code null} when unknown
 */
public record Usage(Integer tokensIn, Integer tokensOut) {

    private static final Logger LOG = Logs.getLogger(Usage.class);

    /** The usage of a response that carries none. */
    public static final Usage UNKNOWN = new Usage(null, null);

    /** Reads the usage of a response body with its content type; {@link #UNKNOWN} when there is none. */
    public static Usage of(String contentType, byte[] body) {
        if (body == null || body.length == 0 || contentType == null) {
            return UNKNOWN;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        Usage usage = UNKNOWN;
        if (type.startsWith("text/event-stream")) {
            for (String line : new String(body, StandardCharsets.UTF_8).split("\r?\n")) {
                if (line.startsWith("data:")) {
                    usage = usage.then(fromJson(line.substring(5).trim()));
                }
            }
            return usage;
        }
        return type.contains("json") ? fromJson(body) : UNKNOWN;
    }

    private static Usage fromJson(String text) {
        return text.startsWith("{") ? fromJson(text.getBytes(StandardCharsets.UTF_8)) : UNKNOWN;
    }

    private static Usage fromJson(byte[] json) {
        if (json.length == 0 || json[0] != '{') {
            return UNKNOWN;
        }
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (Exception e) {
            LOG.debug("No usage read from a response body that is not valid JSON", e);
            return UNKNOWN;
        }
        Usage usage = UNKNOWN;
        JsonNode[] holders = {root, root.path("result"), root.path("message"), root.path("response")};
        for (JsonNode holder : holders) {
            JsonNode u = holder.path("usage");
            usage = usage.then(new Usage(count(u, "prompt_tokens", "input_tokens"),
                    count(u, "completion_tokens", "output_tokens")));
            JsonNode tokens = u.path("tokens");
            usage = usage.then(new Usage(count(tokens, "input_tokens", null), count(tokens, "output_tokens", null)));
        }
        JsonNode google = root.path("usageMetadata");
        return usage.then(new Usage(count(google, "promptTokenCount", null),
                count(google, "candidatesTokenCount", null)));
    }

    private static Integer count(JsonNode object, String name, String alternative) {
        JsonNode n = object.path(name);
        if (!n.isIntegralNumber() && alternative != null) {
            n = object.path(alternative);
        }
        return n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 0 ? n.intValue() : null;
    }

    /** Returns these counts overridden by the known counts of {@code later}. */
    private Usage then(Usage later) {
        return new Usage(later.tokensIn != null ? later.tokensIn : tokensIn,
                later.tokensOut != null ? later.tokensOut : tokensOut);
    }
}
