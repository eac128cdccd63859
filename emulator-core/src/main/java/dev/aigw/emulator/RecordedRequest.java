package dev.aigw.emulator;

import dev.aigw.emulator.internal.provider.dialect.Conversations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt that reached an upstream provider (fake or real), as the gateway sent it.
 *
 * @param provider the provider slug, e.g. {@code openai}
 * @param accountId the account of the gateway
 * @param gatewayId the gateway the client called
 * @param attempt the attempt number within its step, from 1
 * @param step the universal-endpoint step (0-based; 0 for provider-native and compat requests)
 * @param method the HTTP method
 * @param url the real provider's URL the gateway addressed, e.g. {@code https://api.openai.com/v1/chat/completions}
 * @param path that URL's path, e.g. {@code /v1/chat/completions}
 * @param query the raw query string, or empty
 * @param headers the headers sent upstream, names in lower case ({@code cf-aig-*} stripped)
 * @param body the body sent upstream
 * @param at the emulator clock's instant when the attempt started
 * @param testId the test id the client request carried, or {@code null}
 * @param logId the {@code cf-aig-log-id} of the log entry of this attempt's step (the entry exists when the gateway
 *     logs the request), so an attempt and its log entry are found from each other
 * @param credential which credential the attempt carried ({@link UpstreamCredential#NONE} when none)
 */
public record RecordedRequest(String provider, String accountId, String gatewayId, int attempt, int step,
                              String method, String url, String path, String query,
                              Map<String, List<String>> headers, byte[] body, Instant at, String testId,
                              String logId, UpstreamCredential credential) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
        credential = credential == null ? UpstreamCredential.NONE : credential;
    }

    /** Records an attempt whose credential is not known ({@link UpstreamCredential#NONE}). */
    public RecordedRequest(String provider, String accountId, String gatewayId, int attempt, int step,
                           String method, String url, String path, String query,
                           Map<String, List<String>> headers, byte[] body, Instant at, String testId, String logId) {
        this(provider, accountId, gatewayId, attempt, step, method, url, path, query, headers, body, at, testId, logId,
                UpstreamCredential.NONE);
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns the first value of a header sent upstream (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns what the client sent the model, read from the body in the provider's format (messages by role, tools
     * offered, tool results given, the output schema asked for); empty when the request is no chat request the
     * emulator reads, or its body is not JSON.
     *
     * <pre>{@code
     * Conversation sent = emulator.takeRequest().conversation().orElseThrow();
     * assertThat(sent.toolResult("get_weather")).map(Conversation.ToolResult::content).contains("{\"celsius\":21}");
     * }</pre>
     */
    public Optional<Conversation> conversation() {
        return Conversations.read(provider, path, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + provider + " " + method + " " + url + " attempt " + attempt + " at " + at + "]";
    }
}
