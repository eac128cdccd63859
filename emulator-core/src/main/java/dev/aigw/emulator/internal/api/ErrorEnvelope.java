package dev.aigw.emulator.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;

/** The two error bodies Cloudflare speaks: the v4 API's and the AI Gateway data plane's. */
public enum ErrorEnvelope {

    /** {@code {"success":false,"errors":[...],"messages":[],"result":null}} of the v4 API and the control API. */
    V4 {
        @Override
        public ObjectNode render(ApiException e) {
            ObjectNode body = Json.object();
            body.put("success", false);
            ArrayNode errors = body.putArray("errors");
            e.errors().forEach(error -> errors.add(v4Error(error)));
            body.set("messages", Json.array());
            if (e.serviceError()) {
                body.set("result", Json.object());
            } else {
                body.putNull("result");
            }
            return body;
        }
    },

    /** The data plane's {@code AiGatewayError} body, whose {@code error} is an array. */
    GATEWAY {
        @Override
        public ObjectNode render(ApiException e) {
            ApiError error = e.error();
            ObjectNode body = Json.object();
            body.put("success", false);
            body.set("result", Json.array());
            body.set("messages", Json.array());
            ObjectNode entry = Json.object().put("code", error.code()).put("message", error.message());
            body.set("error", Json.array().add(entry));
            body.put("name", "AiGatewayError");
            body.put("httpCode", e.status());
            body.put("internalCode", error.code());
            body.put("message", error.message());
            body.put("description", error.message());
            return body;
        }
    };

    /** Renders the body for an error. */
    public abstract ObjectNode render(ApiException e);

    private static ObjectNode v4Error(ApiError error) {
        ObjectNode node = Json.object().put("code", error.code()).put("message", error.message());
        if (!error.path().isEmpty()) {
            ArrayNode path = node.putArray("path");
            error.path().forEach(path::add);
        }
        if (!error.errorChain().isEmpty()) {
            ArrayNode chain = node.putArray("error_chain");
            error.errorChain().forEach(c -> chain.add(v4Error(c)));
        }
        return node;
    }
}
