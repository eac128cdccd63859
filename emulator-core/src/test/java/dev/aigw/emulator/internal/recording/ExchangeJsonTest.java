package dev.aigw.emulator.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeJsonTest {

    @Test
    void aRecordingReadsBackAsWrittenWithHeadersInNameOrder() throws Exception {
        Exchange exchange = new Exchange("anthropic",
                new Exchange.Request("POST", "/v1/messages", "", Map.of("x-b", "2", "x-a", "1"),
                        Json.parse("{\"model\":\"m\"}"), null),
                new Exchange.Response(200, Map.of("content-type", "text/event-stream"), 40, null, null,
                        List.of(new Exchange.TimedEvent(5, "message_start", Json.parse("{\"type\":\"message_start\"}")),
                                new Exchange.TimedEvent(9, null, TextNode.valueOf("[DONE]")))));

        String text = ExchangeJson.render(exchange);

        assertThat(text.indexOf("\"x-a\"")).isLessThan(text.indexOf("\"x-b\""));
        assertThat(ExchangeJson.parse(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(exchange);
        assertThat(new String(PacedEvents.wire(exchange.response().events().get(0)), StandardCharsets.UTF_8))
                .isEqualTo("event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
    }

    private static Exchange parse(String text) {
        return ExchangeJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMalformedRecordingIsRefusedNamingTheMember() {
        assertThatThrownBy(() -> parse("{\"provider\": \"openai\", \"request\": {\"method\": \"GET\","
                + " \"path\": \"v1\"}, \"response\": {\"status\": 200}}"))
                .hasMessage("request.path: expected a path starting with /, got \"v1\"");
        assertThatThrownBy(() -> parse("{\"provider\": \"openai\", \"request\": {\"method\": \"GET\","
                + " \"path\": \"/v1\"}, \"response\": {\"status\": 700}}"))
                .hasMessage("response.status: expected an HTTP status from 200 to 599, got 700");
        assertThatThrownBy(() -> parse("{\"provider\": \"openai\", \"request\": {\"method\": \"GET\","
                + " \"path\": \"/v1\", \"bdy\": 1}, \"response\": {\"status\": 200}}"))
                .hasMessageStartingWith("request.bdy: unknown member");
        assertThatThrownBy(() -> parse("{\"provider\": "))
                .hasMessageStartingWith("not JSON:");
        assertThatThrownBy(() -> parse(("{\"provider\": \"openai\", \"request\": {\"method\": \"GET\","
                + " \"path\": \"/v1\"}, \"response\": {\"status\": 200, \"events\": [{\"at_ms\": 9, \"data\": 1},"
                + " {\"at_ms\": 3, \"data\": 2}]}}")))
                .hasMessage("response.events[1].at_ms: expected 9 or more (events are in the order they arrived),"
                        + " got 3");
    }
}
