package dev.aigw.emulator.internal.recording;

import dev.aigw.emulator.internal.provider.CredentialHeader;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.registry.ProviderEntry;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.reply.ReplySource;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a drift check sends recorded requests to: the emulator's own fakes, or the live providers. */
public final class DriftTargets {

    /** The instant the fakes stamp their answers with: any will do, only shapes are compared. */
    private static final Instant FAKE_NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LIVE_TIMEOUT = Duration.ofMinutes(2);

    private DriftTargets() {
    }

    /** Returns the target that lets each provider's built-in fake answer, with no network. */
    public static DriftCheck.Target fakes(ProviderRegistry providers) {
        return (provider, request) -> {
            ProviderEntry entry = providers.find(provider).orElseThrow(() ->
                    new IllegalArgumentException(providers.unknown(provider)));
            UpstreamReply reply = entry.fake().answer(new UpstreamRequest(provider, request.method(), request.path(),
                    request.query(), lists(request.headers()), ExchangeJson.bytes(request.body(), request.bodyText()),
                    FAKE_NOW), ReplySource.NO_RULES);
            byte[] body;
            if (reply.body() instanceof UpstreamReply.Full full) {
                body = full.bytes();
            } else if (reply.body() instanceof UpstreamReply.Stream stream) {
                body = stream.bytes();
            } else {
                try (InputStream in = ((UpstreamReply.Piped) reply.body()).in()) {
                    body = in.readAllBytes();
                }
            }
            return DriftCheck.answer(reply.status(), reply.headers(), body);
        };
    }

    /**
     * Returns the target that sends each request to the live provider: at {@code baseUrls}' URL for its slug, else
     * the provider's real origin, with {@code keys}' key for its slug in the provider's credential header (and for a
     * redacted {@code key} query parameter).
     */
    public static DriftCheck.Target live(ProviderRegistry providers, Map<String, String> baseUrls,
                                         Map<String, String> keys) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return (provider, request) -> {
            ProviderEntry entry = providers.find(provider).orElseThrow(() ->
                    new IllegalArgumentException(providers.unknown(provider)));
            String base = baseUrls.getOrDefault(provider, entry.upstream().origin()).replaceAll("/+$", "");
            String key = keys.get(provider);
            String query = key == null ? request.query() : request.query().replace(Redaction.REDACTED, key);
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()
                            + (query.isEmpty() ? "" : "?" + query)))
                    .timeout(LIVE_TIMEOUT)
                    .method(request.method(), request.body() == null && request.bodyText() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(ExchangeJson.bytes(request.body(),
                                    request.bodyText())));
            request.headers().forEach((name, value) -> {
                if (!value.equals(Redaction.REDACTED)) {
                    builder.header(name, value);
                }
            });
            if (key != null) {
                CredentialHeader credential = entry.upstream().credential();
                builder.setHeader(credential.name(), credential.value(key));
            }
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            return DriftCheck.answer(response.statusCode(), headers, response.body());
        };
    }

    private static Map<String, List<String>> lists(Map<String, String> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, List.of(value)));
        return out;
    }
}
