package dev.aigw.emulator.internal.wire;

import static dev.aigw.emulator.internal.wire.ModelReplyJson.child;
import static dev.aigw.emulator.internal.wire.ModelReplyJson.valid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@link ReplyRule} as JSON, in the control API and in fixture files: {@code {"name", "match": {"provider",
 * "model", "last_user_message": {"contains", "matches"}, "system_prompt": {"contains"}, "turn", "tool_result_for",
 * "offers_tool", "metadata": {..}, "test_id"}, "reply": {..} | "replies": [..]}}, each reply as
 * {@link ModelReplyJson} writes it; and a list of them, {@code {"rules": [..], "test_id"}} or one rule alone. A
 * member it does not know is refused, naming the closest one; a provider it does not know, naming the closest slugs.
 */
public final class ReplyRuleJson {

    private static final int LONGEST_TEXT = 100_000;
    private static final JsonShape NAME = JsonShape.text(1, 256);
    private static final JsonShape TEST_ID = JsonShape.text(1, 256);
    private static final JsonShape TEXT = JsonShape.text(1, LONGEST_TEXT);

    private static final JsonShape.Obj MATCH = JsonShape.closedObject(
            JsonShape.optionalNullable("provider", JsonShape.text(1, 64)),
            JsonShape.optionalNullable("model", JsonShape.text(1, 256)),
            JsonShape.optionalNullable("last_user_message", JsonShape.closedObject(
                    JsonShape.optionalNullable("contains", TEXT),
                    JsonShape.optionalNullable("matches", TEXT))),
            JsonShape.optionalNullable("system_prompt", JsonShape.closedObject(
                    JsonShape.optionalNullable("contains", TEXT))),
            JsonShape.optionalNullable("turn", JsonShape.integer(0, Integer.MAX_VALUE)),
            JsonShape.optionalNullable("tool_result_for", NAME),
            JsonShape.optionalNullable("offers_tool", NAME),
            JsonShape.optionalNullable("metadata", JsonShape.mapOf(JsonShape.anyOf("a string, number or boolean",
                    JsonShape.text(0, LONGEST_TEXT), JsonShape.number(-Double.MAX_VALUE, Double.MAX_VALUE),
                    JsonShape.bool()))),
            JsonShape.optionalNullable("test_id", TEST_ID));

    private static final JsonShape.Obj RULE = JsonShape.closedObject(
            JsonShape.required("name", NAME),
            JsonShape.optionalNullable("match", MATCH),
            JsonShape.optional("reply", JsonShape.anything()),
            JsonShape.optional("replies", JsonShape.anything()));

    private static final JsonShape.Obj RULES = JsonShape.closedObject(
            JsonShape.required("rules", JsonShape.anything()),
            JsonShape.optionalNullable("test_id", TEST_ID));

    private ReplyRuleJson() {
    }

    /** Writes a rule: only the criteria it has, {@code reply} for one reply and {@code replies} for several. */
    public static ObjectNode render(ReplyRule rule) {
        ObjectNode node = Json.object().put("name", rule.name());
        ReplyRule.Match m = rule.match();
        ObjectNode match = node.putObject("match");
        match.put("provider", m.provider()).put("model", m.model());
        if (m.lastUserMessageContains() != null || m.lastUserMessageMatches() != null) {
            ObjectNode last = match.putObject("last_user_message");
            last.put("contains", m.lastUserMessageContains()).put("matches", m.lastUserMessageMatches());
            last.properties().removeIf(e -> e.getValue().isNull());
        }
        if (m.systemPromptContains() != null) {
            match.putObject("system_prompt").put("contains", m.systemPromptContains());
        }
        match.put("turn", m.turn()).put("tool_result_for", m.toolResultFor()).put("offers_tool", m.offersTool());
        if (!m.metadata().isEmpty()) {
            ObjectNode metadata = match.putObject("metadata");
            new java.util.TreeMap<>(m.metadata()).forEach(metadata::put);
        }
        match.put("test_id", m.testId());
        match.properties().removeIf(e -> e.getValue().isNull());
        if (rule.replies().size() == 1) {
            node.set("reply", ModelReplyJson.render(rule.replies().get(0)));
        } else {
            ArrayNode replies = node.putArray("replies");
            rule.replies().forEach(r -> replies.add(ModelReplyJson.render(r)));
        }
        return node;
    }

    /** Writes rules as {@code {"rules": [..]}}. */
    public static ObjectNode renderAll(List<ReplyRule> rules) {
        ObjectNode node = Json.object();
        ArrayNode array = node.putArray("rules");
        rules.forEach(r -> array.add(render(r)));
        return node;
    }

    /**
     * Reads one rule object, or {@code {"rules": [..], "test_id"}}, found at {@code path} (whose first segment is the
     * root, {@code body} or {@code file}); {@code testId}, when not {@code null}, narrows every rule to that test id
     * as {@code test_id} does. Every problem is a 400/7001 naming the member.
     */
    public static List<ReplyRule> parseAll(JsonNode node, List<String> path, ProviderRegistry providers,
                                           String testId) {
        List<ApiException> problems = new ArrayList<>();
        List<ReplyRule> rules = parseEach(node, path, providers, testId, problems::add);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return rules;
    }

    /**
     * Reads what {@link #parseAll} reads, going on past a bad rule: each problem (one a rule, or one for the whole
     * when it is no rule or list of rules) goes to {@code problems}, and the rules that are good are returned.
     */
    public static List<ReplyRule> parseEach(JsonNode node, List<String> path, ProviderRegistry providers,
                                            String testId, Consumer<ApiException> problems) {
        List<ReplyRule> parsed = new ArrayList<>();
        JsonNode rules;
        String narrowed;
        try {
            if (node == null || !node.isObject()) {
                throw JsonShape.mismatch(path, "a reply rule object or {\"rules\": [...]}", node);
            }
            if (!node.has("rules")) {
                parsed.add(narrow(parse(node, path, providers), testId, path));
                return parsed;
            }
            RULES.check(node, path);
            narrowed = narrowing(node, path, testId);
            rules = node.get("rules");
            if (!rules.isArray() || rules.isEmpty()) {
                throw JsonShape.mismatch(child(path, "rules"), "a non-empty array of reply rules", rules);
            }
        } catch (ApiException e) {
            problems.accept(e);
            return parsed;
        }
        for (int i = 0; i < rules.size(); i++) {
            List<String> element = child(child(path, "rules"), String.valueOf(i));
            try {
                parsed.add(narrow(parse(rules.get(i), element, providers), narrowed, element));
            } catch (ApiException e) {
                problems.accept(e);
            }
        }
        return parsed;
    }

    private static String narrowing(JsonNode node, List<String> path, String testId) {
        JsonNode member = node.get("test_id");
        if (member == null || member.isNull()) {
            return testId;
        }
        if (testId != null && !testId.equals(member.textValue())) {
            throw ApiException.validation(JsonShape.location(child(path, "test_id")) + ": \"" + member.textValue()
                    + "\" differs from the test id \"" + testId + "\" given with the call", child(path, "test_id"));
        }
        return member.textValue();
    }

    /**
     * Reads one rule found at {@code path}; every problem is a 400/7001 naming the member. A {@code null}
     * {@code providers} takes any provider slug (rules the emulator listed, which it checked when they were added).
     */
    public static ReplyRule parse(JsonNode node, List<String> path, ProviderRegistry providers) {
        RULE.check(node, path);
        String name = node.get("name").textValue();
        JsonNode reply = node.get("reply");
        JsonNode replies = node.get("replies");
        if ((reply == null) == (replies == null)) {
            throw ApiException.validation(JsonShape.location(path) + ": rule \"" + name + "\" needs either \"reply\""
                    + " (one reply) or \"replies\" (a sequence), " + (reply == null ? "got neither" : "not both"),
                    path);
        }
        List<ModelReply> answers = new ArrayList<>();
        if (reply != null) {
            answers.add(ModelReplyJson.parse(reply, child(path, "reply")));
        } else {
            List<String> at = child(path, "replies");
            if (!replies.isArray() || replies.isEmpty()) {
                throw JsonShape.mismatch(at, "a non-empty array of replies", replies);
            }
            for (int i = 0; i < replies.size(); i++) {
                answers.add(ModelReplyJson.parse(replies.get(i), child(at, String.valueOf(i))));
            }
        }
        ReplyRule.Match match = match(node.get("match"), child(path, "match"), providers);
        return valid(() -> new ReplyRule(name, match, answers), path);
    }

    private static ReplyRule.Match match(JsonNode node, List<String> path, ProviderRegistry providers) {
        if (node == null || node.isNull()) {
            return ReplyRule.Match.any();
        }
        String provider = text(node.get("provider"));
        if (provider != null && providers != null && !providers.names(provider)) {
            throw ApiException.validation(JsonShape.location(child(path, "provider")) + ": "
                    + providers.unknown(provider), child(path, "provider"));
        }
        JsonNode last = node.path("last_user_message");
        String regex = text(last.get("matches"));
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                List<String> at = child(child(path, "last_user_message"), "matches");
                throw ApiException.validation(JsonShape.location(at) + ": not a regular expression ("
                        + e.getDescription() + " near index " + e.getIndex() + "): " + regex, at);
            }
        }
        JsonNode turn = node.get("turn");
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return valid(() -> new ReplyRule.Match(provider, text(node.get("model")), text(last.get("contains")),
                text(last.get("matches")), text(node.path("system_prompt").get("contains")),
                turn == null || turn.isNull() ? null : turn.intValue(), text(node.get("tool_result_for")),
                text(node.get("offers_tool")), metadata, text(node.get("test_id"))), path);
    }

    private static ReplyRule narrow(ReplyRule rule, String testId, List<String> path) {
        if (testId == null) {
            return rule;
        }
        String own = rule.match().testId();
        if (own != null && !own.equals(testId)) {
            List<String> at = child(child(path, "match"), "test_id");
            throw ApiException.validation(JsonShape.location(at) + ": rule \"" + rule.name() + "\" is narrowed to test"
                    + " id \"" + own + "\", which differs from the test id \"" + testId + "\" its rules are given for",
                    at);
        }
        return rule.forTest(testId);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }
}
