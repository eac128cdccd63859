package dev.aigw.emulator.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model replies, reply rules and reply problems have one JSON form, written and read by one mapping: what is written
 * reads back as the same value, and bad JSON is refused with the member named and what was expected.
 */
class ReplyJsonTest {

    private static final ProviderRegistry PROVIDERS = ProviderRegistry.withBuiltIns();
    private static final List<String> BODY = List.of("body");

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static JsonNode travel(JsonNode node) {
        return json(Json.text(node));
    }

    private static List<ReplyRule> rules(String text) {
        return ReplyRuleJson.parseAll(json(text), BODY, PROVIDERS, null);
    }

    private static String refusal(String text) {
        try {
            rules(text);
        } catch (ApiException e) {
            return e.error().message().replace("Input Validation Error: ", "");
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void everyPartOfAReplyReadsBackAsItself() {
        List<ModelReply> replies = List.of(
                ModelReply.text("It is sunny."),
                ModelReply.builder().text("It is ", "sunny.").build(),
                ModelReply.builder().toolCall("get_weather", "{\"city\":\"Paris\"}")
                        .toolCall(new ToolCall("call_1", "get_time", "{ \"zone\" : \"CET\" }"))
                        .toolCall(ToolCall.of("lookup", null)).build(),
                ModelReply.json("{\"city\":\"Paris\",\"celsius\":21}"),
                ModelReply.json("[1,2]"),
                ModelReply.refusal("I cannot help with that."),
                ModelReply.builder().reasoning("The user asks...").text("Sunny.").finishReason(FinishReason.LENGTH)
                        .usage(new TokenUsage(12, 3, 4)).build(),
                ModelReply.builder().text("x").finishReason(FinishReason.CONTENT_FILTER).build());
        for (ModelReply reply : replies) {
            assertThat(ModelReplyJson.parse(travel(ModelReplyJson.render(reply)), BODY)).isEqualTo(reply);
        }
    }

    @Test
    void aReplyIsWrittenInTheDocumentedForm() {
        ModelReply reply = ModelReply.builder().text("a", "b").toolCall("get_weather", "{\"city\":\"Paris\"}")
                .finishReason(FinishReason.TOOL_CALLS).usage(TokenUsage.of(5, 6)).build();

        assertThat(Json.text(ModelReplyJson.render(reply))).isEqualTo("{\"text\":[\"a\",\"b\"],\"tool_calls\":"
                + "[{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}],\"finish_reason\":\"tool_calls\","
                + "\"usage\":{\"input_tokens\":5,\"output_tokens\":6,\"cached_tokens\":0}}");
    }

    @Test
    void toolArgumentsMayBeAnObjectOrItsJsonText() {
        ModelReply asObject = ModelReplyJson.parse(json("{\"tool_calls\":[{\"name\":\"f\",\"arguments\":{\"a\":1}}]}"),
                BODY);
        ModelReply asText = ModelReplyJson.parse(json("{\"tool_calls\":[{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"}]}"),
                BODY);

        assertThat(asObject).isEqualTo(asText).isEqualTo(ModelReply.toolCall("f", "{\"a\":1}"));
    }

    @Test
    void everyCriterionOfARuleAndItsSequenceReadBackAsThemselves() {
        ReplyRule full = ReplyRule.builder("full").provider("openai").model("gpt-4o").lastUserMessageContains("weather")
                .lastUserMessageMatches("in (\\w+)").systemPromptContains("helpful").turn(2).toolResultFor("get_weather")
                .offersTool("get_time").metadata("team", "search").metadata("tier", "gold").testId("t-1")
                .reply(ModelReply.toolCall("get_weather", "{}"), ModelReply.text("Sunny.")).build();
        ReplyRule bare = ReplyRule.builder("bare").reply(ModelReply.text("hi")).build();

        for (ReplyRule rule : List.of(full, bare)) {
            List<ReplyRule> read = ReplyRuleJson.parseAll(travel(ReplyRuleJson.render(rule)), BODY, PROVIDERS, null);
            assertThat(read).containsExactly(rule);
        }
        assertThat(ReplyRuleJson.parseAll(travel(ReplyRuleJson.renderAll(List.of(full, bare))), BODY, PROVIDERS, null))
                .containsExactly(full, bare);
    }

    @Test
    void aRuleIsReadFromTheDocumentedForm() {
        List<ReplyRule> read = rules("""
                {"rules": [{"name": "weather",
                            "match": {"provider": "openai", "last_user_message": {"contains": "weather"}, "turn": 0,
                                      "metadata": {"team": "search", "build": 42, "beta": true}},
                            "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Paris"}}]}},
                           {"name": "answer", "match": {"tool_result_for": "get_weather"},
                            "replies": [{"text": "Sunny."}, {"text": "Still sunny."}]}],
                 "test_id": "checkout-test"}
                """);

        assertThat(read).containsExactly(
                ReplyRule.builder("weather").provider("openai").lastUserMessageContains("weather").turn(0)
                        .metadata("team", "search").metadata("build", "42").metadata("beta", "true")
                        .testId("checkout-test")
                        .reply(ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}")).build(),
                ReplyRule.builder("answer").toolResultFor("get_weather").testId("checkout-test")
                        .reply(ModelReply.text("Sunny."), ModelReply.text("Still sunny.")).build());
    }

    @Test
    void aTestIdGivenWithTheCallNarrowsEveryRule() {
        List<ReplyRule> read = ReplyRuleJson.parseAll(json("{\"name\":\"r\",\"reply\":{\"text\":\"x\"}}"), BODY,
                PROVIDERS, "t-9");

        assertThat(read).extracting(r -> r.match().testId()).containsExactly("t-9");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown rule member          | {"name":"r","reply":{"text":"x"},"mach":{}}                     | mach: unknown member (did you mean "match"?); the members are name, match, reply, replies
            unknown match member         | {"name":"r","reply":{"text":"x"},"match":{"trun":1}}            | match.trun: unknown member (did you mean "turn"?)
            unknown reply member         | {"name":"r","reply":{"txt":"x"}}                                | reply.txt: unknown member (did you mean "text"?)
            unknown member in a list     | {"rules":[{"name":"a","reply":{"text":"x"}},{"name":"b","reply":{"text":"x"},"match":{"model":"m","turn":-1}}]} | rules.1.match.turn: expected an integer >= 0, got -1
            huge turn                    | {"name":"r","reply":{"text":"x"},"match":{"turn":99999999999999999999999}} | match.turn: expected an integer from 0 to 2147483647, got 99999999999999999999999
            huge usage                   | {"name":"r","reply":{"text":"x","usage":{"input_tokens":1e400,"output_tokens":1}}} | reply.usage.input_tokens: expected an integer >= 0, got
            fractional turn              | {"name":"r","reply":{"text":"x"},"match":{"turn":1.5}}          | match.turn: expected an integer >= 0, got 1.5
            turn as text                 | {"name":"r","reply":{"text":"x"},"match":{"turn":"1"}}          | match.turn: expected an integer >= 0, got "1"
            name missing                 | {"reply":{"text":"x"}}                                          | name is required
            neither reply nor replies    | {"name":"r"}                                                    | needs either "reply" (one reply) or "replies" (a sequence), got neither
            both reply and replies       | {"name":"r","reply":{"text":"x"},"replies":[{"text":"y"}]}      | not both
            empty replies                | {"name":"r","replies":[]}                                       | replies: expected a non-empty array of replies, got []
            empty rules                  | {"rules":[]}                                                    | rules: expected a non-empty array of reply rules, got []
            rules not an array           | {"rules":{"name":"r"}}                                          | rules: expected a non-empty array of reply rules
            empty reply                  | {"name":"r","reply":{}}                                         | reply: a model reply needs text, tool calls, json or a refusal
            text of numbers              | {"name":"r","reply":{"text":[1,2]}}                             | reply.text: expected a string or an array of strings
            arguments not an object      | {"name":"r","reply":{"tool_calls":[{"name":"f","arguments":"[1]"}]}} | reply.tool_calls.0.arguments: arguments of tool call 'f' must be a JSON object
            arguments not JSON           | {"name":"r","reply":{"tool_calls":[{"name":"f","arguments":"{oops"}]}} | reply.tool_calls.0.arguments: arguments of tool call 'f' is not valid JSON
            tool call without name       | {"name":"r","reply":{"tool_calls":[{"arguments":{}}]}}           | reply.tool_calls.0.name is required
            finish reason typo           | {"name":"r","reply":{"text":"x","finish_reason":"STOP"}}        | reply.finish_reason: expected one of "stop", "length", "tool_calls", "content_filter", got "STOP" (did you mean "stop"?)
            cached above input           | {"name":"r","reply":{"text":"x","usage":{"input_tokens":1,"output_tokens":1,"cached_tokens":2}}} | reply.usage.cached_tokens: 2 must not exceed input_tokens (1)
            bad regular expression       | {"name":"r","reply":{"text":"x"},"match":{"last_user_message":{"matches":"(unclosed"}}} | match.last_user_message.matches: not a regular expression (Unclosed group near index 9): (unclosed
            unknown provider             | {"name":"r","reply":{"text":"x"},"match":{"provider":"opnai"}}  | match.provider:
            json null                    | {"name":"r","reply":{"json":null}}                              | reply.json: expected any JSON value, got null
            metadata of an object        | {"name":"r","reply":{"text":"x"},"match":{"metadata":{"a":{}}}} | match.metadata.a: expected a string, number or boolean
            conflicting test ids         | {"rules":[{"name":"r","reply":{"text":"x"},"match":{"test_id":"a"}}],"test_id":"b"} | rules.0.match.test_id: rule "r" is narrowed to test id "a", which differs from the test id "b" its rules are given for
            not an object                | [1]                                                             | body: expected a reply rule object or {"rules": [...]}, got [1]
            """)
    void badJsonIsRefusedNamingTheMember(String what, String body, String message) {
        assertThat(refusal(body)).as(what).contains(message);
    }

    @Test
    void anUnknownProviderIsRefusedNamingTheClosestSlug() {
        assertThat(refusal("{\"name\":\"r\",\"reply\":{\"text\":\"x\"},\"match\":{\"provider\":\"opnai\"}}"))
                .contains("\"openai\"");
    }

    @Test
    void aReplyProblemReadsBackAsItself() {
        ReplyProblem problem = new ReplyProblem(ReplyProblem.Kind.SCHEMA_VIOLATION, "openai", "gw", "t-1",
                Instant.parse("2026-04-01T08:00:05.123456789Z"), "rule 'r' answered with its output that ...");
        ReplyProblem untagged = new ReplyProblem(ReplyProblem.Kind.UNMATCHED, "anthropic", "gw", null,
                Instant.parse("2026-04-01T08:00:00Z"), "strict replies: ...");

        for (ReplyProblem p : List.of(problem, untagged)) {
            assertThat(ReplyProblemJson.parse(travel(ReplyProblemJson.render(p)))).isEqualTo(p);
        }
        assertThat(ReplyProblemJson.render(problem).get("kind").textValue()).isEqualTo("schema_violation");
    }

    @Test
    void aConversationIsWrittenWithSnakeCaseMembersAndItsSchemasAsJson() {
        Conversation c = new Conversation("gpt-4o", "Be brief.", List.of(
                new Conversation.Message(Conversation.Role.USER, "Weather in Paris?", List.of(), null),
                new Conversation.Message(Conversation.Role.ASSISTANT, "", List.of(new ToolCall("call_1", "get_weather",
                        "{\"city\":\"Paris\"}")), null),
                new Conversation.Message(Conversation.Role.TOOL, "", List.of(),
                        new Conversation.ToolResult("call_1", "get_weather", "{\"celsius\":21}"))),
                List.of(new Conversation.Tool("get_weather", "Weather now", "{\"type\":\"object\"}", true)),
                "{\"type\":\"object\"}");

        assertThat(Json.text(ConversationJson.render(c))).isEqualTo("{\"model\":\"gpt-4o\",\"system\":\"Be brief.\","
                + "\"messages\":[{\"role\":\"user\",\"text\":\"Weather in Paris?\"},{\"role\":\"assistant\",\"text\":\"\","
                + "\"tool_calls\":[{\"id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"tool\",\"text\":\"\",\"tool_result\":{\"tool_call_id\":\"call_1\",\"name\":\"get_weather\","
                + "\"content\":\"{\\\"celsius\\\":21}\"}}],\"tools\":[{\"name\":\"get_weather\",\"description\":"
                + "\"Weather now\",\"parameters\":{\"type\":\"object\"},\"strict\":true}],\"output_schema\":"
                + "{\"type\":\"object\"}}");
    }

    @Test
    void aRecordedChatRequestCarriesItsConversationOverTheWire() {
        String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        RecordedRequest r = new RecordedRequest("openai", "acc", "gw", 1, 0, "POST",
                "https://api.openai.com/v1/chat/completions", "/v1/chat/completions", "", Map.of(),
                body.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-04-01T08:00:00Z"), null, null);

        JsonNode written = RecordedRequestJson.render(r);

        assertThat(written.at("/conversation/messages/0/text").textValue()).isEqualTo("hi");
        assertThat(RecordedRequestJson.parse(travel(written)).conversation()).isEqualTo(r.conversation());
    }
}
