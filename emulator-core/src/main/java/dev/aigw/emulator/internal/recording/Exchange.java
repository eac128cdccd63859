package dev.aigw.emulator.internal.recording;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One upstream exchange as a recording file holds it, secrets already redacted.
 *
 * @param provider the provider slug
 * @param request what the gateway sent upstream
 * @param response what the upstream answered, with its timing
 */
public record Exchange(String provider, Request request, Response response) {

    public Exchange {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
    }

    /**
     * The request.
     *
     * @param body the JSON body, or {@code null} when the body is not JSON ({@code bodyText} holds it) or empty
     * @param bodyText the body as text when it is not JSON, else {@code null}
     */
    public record Request(String method, String path, String query, Map<String, String> headers, JsonNode body,
                          String bodyText) {
        public Request {
            query = query == null ? "" : query;
            headers = Map.copyOf(headers);
        }
    }

    /**
     * The response.
     *
     * @param headMillis the time from sending the request to the response head
     * @param body the JSON body of a whole response, or {@code null}
     * @param bodyText the text of a whole response that is not JSON, or {@code null}
     * @param events the events of a stream, each with its time after the response head; {@code null} for a whole body
     */
    public record Response(int status, Map<String, String> headers, long headMillis, JsonNode body, String bodyText,
                           List<TimedEvent> events) {
        public Response {
            headers = Map.copyOf(headers);
            events = events == null ? null : List.copyOf(events);
        }

        /** Tells whether the response is a recorded stream. */
        public boolean streamed() {
            return events != null;
        }
    }

    /**
     * One server-sent event of a recorded stream.
     *
     * @param atMillis the time after the response head when it arrived
     * @param event its {@code event:} name, or {@code null}
     * @param data its data: a JSON value when it parsed as JSON, else a text node
     */
    public record TimedEvent(long atMillis, String event, JsonNode data) {
    }
}
