package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.reply.ReplyBook;
import dev.aigw.emulator.internal.wire.ReplyProblemJson;
import dev.aigw.emulator.internal.wire.ReplyRuleJson;
import java.util.List;

/**
 * {@code /__emulator/replies}: GET lists the reply rules in the order they are looked at, with {@code strict}
 * (only one test id's rules with {@code ?test_id=}); POST adds one rule or {@code {"rules": [..]}} (narrowed to a
 * test id by {@code ?test_id=} or the {@code test_id} member); DELETE removes the rules added at run time (only one
 * test id's with {@code ?test_id=}). {@code PUT /__emulator/replies/strict} {@code {"strict": true}} turns strict
 * mode on or off; {@code GET /__emulator/reply-problems} lists the problems seen (only one test id's with
 * {@code ?test_id=}). Rules are read by {@link ReplyRuleJson}; a bad one is refused by member, an unknown query
 * parameter by name.
 */
final class ReplyEndpoints {

    private static final List<String> BODY = List.of("body");
    private static final List<String> TEST_QUERY = List.of("test_id");
    private static final JsonShape.Obj STRICT = JsonShape.closedObject(JsonShape.required("strict", JsonShape.bool()));

    private final ReplyBook book;
    private final ProviderRegistry providers;

    ReplyEndpoints(ReplyBook book, ProviderRegistry providers) {
        this.book = book;
        this.providers = providers;
    }

    ApiResponse list(ApiRequest request) {
        return rules(testId(request));
    }

    ApiResponse add(ApiRequest request) {
        String testId = testId(request);
        List<ReplyRule> rules = ReplyRuleJson.parseAll(request.jsonObjectBody(), BODY, providers, testId);
        rules.forEach(book::add);
        ObjectNode body = Json.object().put("added", rules.size());
        body.setAll(ReplyRuleJson.renderAll(rules));
        return json(body);
    }

    ApiResponse clear(ApiRequest request) {
        String testId = testId(request);
        book.clear(testId);
        return rules(testId);
    }

    ApiResponse strict(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        STRICT.check(body, BODY);
        book.strict(body.get("strict").booleanValue());
        return json(Json.object().put("strict", book.isStrict()));
    }

    ApiResponse problems(ApiRequest request) {
        String testId = testId(request);
        ArrayNode list = Json.array();
        for (ReplyProblem p : book.problems()) {
            if (testId == null || testId.equals(p.testId())) {
                list.add(ReplyProblemJson.render(p));
            }
        }
        ObjectNode body = Json.object();
        body.set("problems", list);
        return json(body);
    }

    private ApiResponse rules(String testId) {
        List<ReplyRule> rules = book.list().stream()
                .filter(r -> testId == null || testId.equals(r.match().testId())).toList();
        ObjectNode body = Json.object().put("strict", book.isStrict());
        body.setAll(ReplyRuleJson.renderAll(rules));
        return json(body);
    }

    private static String testId(ApiRequest request) {
        ControlQuery.onlyKnown(request, TEST_QUERY);
        String testId = request.query("test_id").orElse(null);
        if (testId != null && (testId.isEmpty() || testId.length() > 256)) {
            throw ApiException.validation("test_id: expected 1 to 256 characters, got " + testId.length(),
                    List.of("query", "test_id"));
        }
        return testId;
    }

    private static ApiResponse json(ObjectNode body) {
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }
}
