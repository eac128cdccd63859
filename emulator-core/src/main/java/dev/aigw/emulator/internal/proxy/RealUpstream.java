package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;


/**
 * Forwards attempts to a real server at a configured base URL: {@code {base}{provider path}?{query}},
 * method, headers and body as the gateway sends them; the body comes back as it arrives.
 */
final class RealUpstream implements Upstream {

    private static final Set<String> NOT_RELAYED = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", ":status");

    private final HttpClient client;
    private final EmulatorClock clock;
    private final String baseUrl;

    RealUpstream(HttpClient client, EmulatorClock clock, String baseUrl) {
        this.client = client;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public AttemptResult call(UpstreamRequest request, Duration timeout) throws InterruptedException {
        URI uri;
        HttpRequest httpRequest;
        if (DotSegments.in(request.path())) {
            // Refused where each form of path is read; this keeps any other way in from leaving the base URL.
            return new AttemptResult.Failed(Timeline.Outcome.BAD_REQUEST, "refused to send a path with a dot segment to "
                    + baseUrl + ": " + request.path());
        }
        try {
            uri = URI.create(baseUrl + request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .method(request.method(), request.body().length == 0 && !hasBody(request.method())
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
            httpRequest = builder.build();
        } catch (IllegalArgumentException e) {
            // A path or header a real HTTP client refuses to send (a universal step can carry anything).
            return new AttemptResult.Failed(Timeline.Outcome.BAD_REQUEST, "cannot send to " + baseUrl + request.path() + ": "
                    + e.getMessage());
        }
        CompletableFuture<HttpResponse<InputStream>> pending =
                client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        if (!clock.await(pending, timeout)) {
            pending.cancel(true);
            return new AttemptResult.Failed(Timeline.Outcome.TIMEOUT, uri + ": no response head within " + timeout);
        }
        try {
            HttpResponse<InputStream> response = pending.join();
            if (response.statusCode() < 200 || response.statusCode() > 599) {
                // A 1xx is never a final response (101 without an upgrade, 103 with no body to follow): relayed,
                // it would leave the client waiting; above 599 is no HTTP status at all.
                return notFinal(uri, response);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!NOT_RELAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", values));
                }
            });
            return new AttemptResult.Replied(
                    new UpstreamReply(response.statusCode(), headers, new UpstreamReply.Piped(response.body())));
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException) {
                return new AttemptResult.Failed(Timeline.Outcome.CONNECTION_REFUSED, uri + ": " + cause.getMessage());
            }
            return new AttemptResult.Failed(Timeline.Outcome.CONNECTION_RESET, uri + ": " + cause);
        }
    }

    private static AttemptResult notFinal(URI uri, HttpResponse<InputStream> response) {
        String detail = uri + ": answered " + response.statusCode() + ", which is not a final HTTP status";
        try (InputStream unread = response.body()) {
            return new AttemptResult.Failed(Timeline.Outcome.INVALID_RESPONSE, detail);
        } catch (IOException e) {
            return new AttemptResult.Failed(Timeline.Outcome.INVALID_RESPONSE, detail + "; closing it failed: " + e);
        }
    }

    private static boolean hasBody(String method) {
        return List.of("POST", "PUT", "PATCH").contains(method);
    }
}
