package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded upstream attempt as {@code GET /__emulator/requests} lists it: written by the control API, read back by
 * the remote emulator as the same {@link RecordedRequest}. {@code headers} joins several values of one header with
 * {@code ", "} for a reader's eyes; {@code repeated_headers} then lists them one by one. A body that is not UTF-8 text
 * is given as {@code body_base64}. A chat request the emulator reads also gives its {@code conversation}, as
 * {@link ConversationJson} writes it, for clients of the control API; the remote emulator reads it again from the body.
 */
public final class RecordedRequestJson {

    private RecordedRequestJson() {
    }

    /** Writes a recorded attempt. */
    public static ObjectNode render(RecordedRequest r) {
        ObjectNode node = Json.object()
                .put("provider", r.provider())
                .put("gateway_id", r.gatewayId())
                .put("account_id", r.accountId())
                .put("attempt", r.attempt())
                .put("step", r.step())
                .put("method", r.method())
                .put("url", r.url())
                .put("path", r.path())
                .put("query", r.query());
        ObjectNode headers = node.putObject("headers");
        r.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        r.headers().forEach((name, values) -> {
            if (values.size() != 1) {
                values.forEach(node.withObjectProperty("repeated_headers").putArray(name)::add);
            }
        });
        Bodies.put(node, r.body());
        node.put("at", Timestamps.formatExact(r.at()));
        node.put("test_id", r.testId());
        node.put("log_id", r.logId());
        node.set("credential", credential(r.credential()));
        r.conversation().ifPresent(c -> node.set("conversation", ConversationJson.render(c)));
        return node;
    }

    /** Reads what {@link #render} wrote. */
    public static RecordedRequest parse(JsonNode node) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        node.get("headers").properties().forEach(e -> headers.put(e.getKey(), List.of(e.getValue().textValue())));
        JsonNode repeated = node.path("repeated_headers");
        repeated.properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.textValue()));
            headers.put(e.getKey(), values);
        });
        byte[] body = Bodies.read(node);
        return new RecordedRequest(text(node, "provider"), text(node, "account_id"), text(node, "gateway_id"),
                node.get("attempt").intValue(), node.get("step").intValue(), text(node, "method"), text(node, "url"),
                text(node, "path"), text(node, "query"), headers, body == null ? new byte[0] : body,
                Instant.parse(text(node, "at")), text(node, "test_id"), text(node, "log_id"),
                credential(node.path("credential")));
    }

    /** Writes the {@code credential} member of management-api-2.md 2.4 (inapplicable members null). */
    private static ObjectNode credential(UpstreamCredential c) {
        ObjectNode node = Json.object()
                .put("source", c.source().apiName())
                .put("provider_config_id", c.providerConfigId())
                .put("alias", c.alias())
                .put("secret_id", c.secretId())
                .put("secret_preview", c.secretPreview());
        if (c.zdr() == null) {
            node.putNull("zdr");
        } else {
            node.put("zdr", c.zdr());
        }
        return node;
    }

    private static UpstreamCredential credential(JsonNode node) {
        UpstreamCredential.Source source = UpstreamCredential.Source.fromApiName(text(node, "source"))
                .orElse(UpstreamCredential.Source.NONE);
        JsonNode zdr = node.path("zdr");
        return new UpstreamCredential(source, text(node, "provider_config_id"), text(node, "alias"),
                text(node, "secret_id"), text(node, "secret_preview"), zdr.isBoolean() ? zdr.booleanValue() : null);
    }

    static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.textValue();
    }
}
