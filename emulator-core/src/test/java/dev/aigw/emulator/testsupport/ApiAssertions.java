package dev.aigw.emulator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Asserts the v4 envelope of management answers exactly: status, every envelope member and its order,
 * and the error entry; plus small JSON helpers for expected values.
 */
public final class ApiAssertions {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final List<String> SINGLE_MEMBERS = List.of("success", "errors", "messages", "result");
    private static final List<String> PAGE_MEMBERS = List.of("success", "errors", "messages", "result", "result_info");

    private ApiAssertions() {
    }

    /** Parses JSON text (typically a text block) into a tree. */
    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test JSON is malformed: " + text, e);
        }
    }

    /** Returns the member names of an object, in order. */
    public static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Asserts a 200 with {@code success: true}, no errors, no messages and exactly the envelope members of a
     * single result (or of a page, when the result is an array); returns the result.
     */
    public static JsonNode assertOk(ApiReply reply) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(200);
        JsonNode body = reply.json();
        boolean page = body.path("result").isArray();
        assertThat(fieldNames(body)).as("envelope members of %s", reply)
                .isEqualTo(page ? PAGE_MEMBERS : SINGLE_MEMBERS);
        assertThat(body.get("success").isBoolean() && body.get("success").booleanValue()).as("success of %s", reply)
                .isTrue();
        assertThat(body.get("errors")).as("errors of %s", reply).isEqualTo(json("[]"));
        assertThat(body.get("messages")).as("messages of %s", reply).isEqualTo(json("[]"));
        return body.get("result");
    }

    /** Asserts a successful page with exactly this {@code result_info}; returns the result array. */
    public static JsonNode assertPage(ApiReply reply, int page, int perPage, int count, int totalCount) {
        JsonNode result = assertOk(reply);
        assertThat(result.isArray()).as("result of %s is an array", reply).isTrue();
        assertThat(reply.json().get("result_info")).as("result_info of %s", reply).isEqualTo(json(
                "{\"page\":" + page + ",\"per_page\":" + perPage + ",\"count\":" + count
                        + ",\"total_count\":" + totalCount + "}"));
        assertThat(fieldNames(reply.json().get("result_info"))).containsExactly("page", "per_page", "count",
                "total_count");
        assertThat(result.size()).as("items of %s", reply).isEqualTo(count);
        return result;
    }

    /**
     * Asserts an error of the AI Gateway service: this status, one error with this code, and the service's
     * envelope ({@code success: false}, {@code messages: []}, {@code result: {}}); returns the error entry.
     */
    public static JsonNode assertServiceError(ApiReply reply, int status, int code) {
        JsonNode error = assertSingleError(reply, status, code);
        assertThat(reply.result()).as("result of service error %s", reply).isEqualTo(json("{}"));
        return error;
    }

    /**
     * Asserts a 400/7001 validation error located at {@code path}, whose message starts with "Input Validation
     * Error" and names the offending member; returns the error entry.
     */
    public static JsonNode assertValidationError(ApiReply reply, String... path) {
        JsonNode error = assertServiceError(reply, 400, 7001);
        assertThat(error.get("path")).as("path of %s", reply).isEqualTo(MAPPER.valueToTree(List.of(path)));
        assertThat(fieldNames(error)).containsExactly("code", "message", "path");
        String message = error.get("message").asText();
        assertThat(message).as("message of %s", reply).startsWith("Input Validation Error");
        if (path.length > 1) {
            assertThat(message).as("message of %s names the member", reply).contains(path[path.length - 1]);
        }
        return error;
    }

    /**
     * Asserts a 400 in the service envelope whose errors are exactly one 7001 per path, in this order, each path
     * given dotted (e.g. {@code "body.cache_ttl"}) and named by its message; returns the errors array.
     */
    public static JsonNode assertValidationErrors(ApiReply reply, String... dottedPaths) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(400);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).as("envelope members of %s", reply).isEqualTo(SINGLE_MEMBERS);
        assertThat(body.get("success").asBoolean(true)).as("success of %s", reply).isFalse();
        assertThat(body.get("messages")).as("messages of %s", reply).isEqualTo(json("[]"));
        assertThat(reply.result()).as("result of %s", reply).isEqualTo(json("{}"));
        List<String> paths = new ArrayList<>();
        for (JsonNode error : body.get("errors")) {
            assertThat(fieldNames(error)).as("members of %s", error).containsExactly("code", "message", "path");
            assertThat(error.get("code").asInt()).as("code of %s", error).isEqualTo(7001);
            List<String> path = new ArrayList<>();
            error.get("path").forEach(segment -> path.add(segment.asText()));
            assertThat(error.get("message").asText()).as("message of %s", error)
                    .startsWith("Input Validation Error: ").contains(path.get(path.size() - 1));
            paths.add(String.join(".", path));
        }
        assertThat(paths).as("error paths of %s", reply).containsExactly(dottedPaths);
        return body.get("errors");
    }

    /** Asserts exactly {@code 404 {"code":7002,"message":"Not Found"}} in the service envelope. */
    public static void assertNotFound(ApiReply reply) {
        JsonNode error = assertServiceError(reply, 404, 7002);
        assertThat(error).as("error of %s", reply).isEqualTo(json("{\"code\":7002,\"message\":\"Not Found\"}"));
    }

    /**
     * Asserts an error of the v4 front door (authentication, routing): this status, exactly one error with this
     * code and message and no {@code path}, and {@code result: null}; returns the error entry.
     */
    public static JsonNode assertFrontDoorError(ApiReply reply, int status, int code, String message) {
        JsonNode error = assertSingleError(reply, status, code);
        assertThat(reply.result().isNull()).as("result of front-door error %s is null", reply).isTrue();
        assertThat(error.get("message").asText()).as("message of %s", reply).isEqualTo(message);
        assertThat(error.has("path")).as("front-door error %s has no path", reply).isFalse();
        return error;
    }

    private static JsonNode assertSingleError(ApiReply reply, int status, int code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).as("envelope members of %s", reply).isEqualTo(SINGLE_MEMBERS);
        assertThat(body.get("success").isBoolean() && !body.get("success").booleanValue()).as("success of %s", reply)
                .isTrue();
        assertThat(body.get("messages")).as("messages of %s", reply).isEqualTo(json("[]"));
        assertThat(body.get("errors").size()).as("number of errors in %s", reply).isEqualTo(1);
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("code").isInt() ? error.get("code").intValue() : null).as("code of %s", reply)
                .isEqualTo(code);
        assertThat(error.get("message").isTextual()).as("message of %s is a string", reply).isTrue();
        return error;
    }
}
