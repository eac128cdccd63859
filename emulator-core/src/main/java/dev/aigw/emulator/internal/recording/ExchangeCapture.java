package dev.aigw.emulator.internal.recording;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a live exchange with a real upstream into the {@link Exchange} a recording holds, with every secret the
 * {@link Redaction} knows replaced; the values it replaced are handed back, so that the rendered file can be
 * scrubbed of them wherever else they appear.
 */
final class ExchangeCapture {

    private final Redaction redaction;

    ExchangeCapture(Redaction redaction) {
        this.redaction = redaction;
    }

    /** Returns the request as a recording holds it, and as replays match it; redacted values go to {@code secrets}. */
    Exchange.Request request(UpstreamRequest request, Set<String> secrets) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        JsonNode json = ExchangeJson.jsonOrNull(request.body());
        return new Exchange.Request(request.method(), request.path(), redaction.query(request.query(), secrets),
                redaction.headers(headers, secrets), redaction.body(json, secrets),
                json == null && request.body().length > 0 ? request.bodyText() : null);
    }

    /**
     * Returns the whole exchange: the request, and the response with the time to its head and, for an event stream,
     * each event with its time ({@code eventTimes} holds the arrival of each block of the body).
     */
    Exchange exchange(UpstreamRequest request, int status, Map<String, String> headers, long headMillis, byte[] body,
                      List<Long> eventTimes, Set<String> secrets) {
        Exchange.Request sent = request(request, secrets);
        Map<String, String> responseHeaders = redaction.headers(headers, secrets);
        String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        Exchange.Response response;
        if (type.startsWith("text/event-stream")) {
            response = new Exchange.Response(status, responseHeaders, headMillis, null, null,
                    events(body, eventTimes, secrets));
        } else {
            JsonNode json = redaction.body(ExchangeJson.jsonOrNull(body), secrets);
            response = new Exchange.Response(status, responseHeaders, headMillis, json,
                    json == null && body.length > 0 ? new String(body, StandardCharsets.UTF_8) : null, null);
        }
        return new Exchange(request.provider(), sent, response);
    }

    private List<Exchange.TimedEvent> events(byte[] body, List<Long> times, Set<String> secrets) {
        List<Exchange.TimedEvent> events = new ArrayList<>();
        for (EventBoundaries.Parsed e : EventBoundaries.parse(body)) {
            long at = times.get(Math.min(e.block(), times.size() - 1));
            JsonNode data = ExchangeJson.eventData(e.data());
            events.add(new Exchange.TimedEvent(Math.max(at, 0), e.name(),
                    data.isContainerNode() ? redaction.body(data, secrets) : data));
        }
        return events;
    }
}
