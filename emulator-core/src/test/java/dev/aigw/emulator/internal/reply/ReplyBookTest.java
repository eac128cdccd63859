package dev.aigw.emulator.internal.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.Conversation.Message;
import dev.aigw.emulator.Conversation.Role;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.ToolCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyBookTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final ModelReply ECHO = ModelReply.builder().text("echo").finishReason(FinishReason.STOP)
            .usage(TokenUsage.of(1, 1)).build();

    private final ReplyBook book = new ReplyBook();

    private static Conversation ask(String text) {
        return new Conversation("gpt-4o", "You are terse.", List.of(new Message(Role.USER, text, List.of(), null)),
                List.of(new Conversation.Tool("get_weather", null,
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}", false)), null);
    }

    private static Conversation afterWeather() {
        return new Conversation("gpt-4o", null, List.of(
                new Message(Role.USER, "weather in Paris?", List.of(), null),
                new Message(Role.ASSISTANT, "", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")),
                        null),
                new Message(Role.TOOL, "", List.of(), new Conversation.ToolResult("call_1", "get_weather", "21 C"))),
                List.of(), null);
    }

    private Decision decide(String provider, Conversation c, RequestTags tags) {
        return book.decide(provider, AT, c, tags, () -> ECHO);
    }

    private static ModelReply answer(Decision d) {
        assertThat(d).isInstanceOf(Decision.Answer.class);
        return ((Decision.Answer) d).reply();
    }

    @Test
    void anUnmatchedRequestGetsTheFakesEcho() {
        book.add(ReplyRule.builder("weather").lastUserMessageContains("weather").reply(ModelReply.text("sunny")).build());

        assertThat(answer(decide("openai", ask("hello"), RequestTags.NONE))).isSameAs(ECHO);
    }

    @Test
    void theFirstMatchingRuleAnswersAndFillsFinishReasonAndUsage() {
        book.add(ReplyRule.builder("other").lastUserMessageContains("snow").reply(ModelReply.text("no")).build());
        book.add(ReplyRule.builder("weather").lastUserMessageContains("weather").reply(ModelReply.text("sunny")).build());
        book.add(ReplyRule.builder("later").reply(ModelReply.text("never")).build());

        Decision d = decide("openai", ask("what is the weather?"), RequestTags.NONE);

        assertThat(((Decision.Answer) d).rule()).isEqualTo("weather");
        ModelReply reply = answer(d);
        assertThat(reply.text()).containsExactly("sunny");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        // prompt "You are terse.\nwhat is the weather?" is 35 code points: 9 tokens; "sunny" 2 tokens
        assertThat(reply.usage()).isEqualTo(TokenUsage.of(9, 2));
    }

    @Test
    void eachCriterionNarrowsTheMatch() {
        Conversation c = ask("What is the weather in Paris?");
        RequestTags tags = new RequestTags("gw", "t1", Map.of("team", "search"));
        assertThat(matches(ReplyRule.builder("r").provider("openai"), c, tags)).isTrue();
        assertThat(matches(ReplyRule.builder("r").provider("anthropic"), c, tags)).isFalse();
        assertThat(matches(ReplyRule.builder("r").model("gpt-4o"), c, tags)).isTrue();
        assertThat(matches(ReplyRule.builder("r").model("gpt-4.1"), c, tags)).isFalse();
        assertThat(matches(ReplyRule.builder("r").lastUserMessageMatches("weather in \\w+"), c, tags)).isTrue();
        assertThat(matches(ReplyRule.builder("r").lastUserMessageMatches("^weather"), c, tags)).isFalse();
        assertThat(matches(ReplyRule.builder("r").systemPromptContains("terse"), c, tags)).isTrue();
        assertThat(matches(ReplyRule.builder("r").systemPromptContains("verbose"), c, tags)).isFalse();
        assertThat(matches(ReplyRule.builder("r").turn(0), c, tags)).isTrue();
        assertThat(matches(ReplyRule.builder("r").turn(1), c, tags)).isFalse();
        assertThat(matches(ReplyRule.builder("r").offersTool("get_weather"), c, tags)).isTrue();
        assertThat(matches(ReplyRule.builder("r").offersTool("get_time"), c, tags)).isFalse();
        assertThat(matches(ReplyRule.builder("r").toolResultFor("get_weather"), c, tags)).isFalse();
        assertThat(matches(ReplyRule.builder("r").toolResultFor("get_weather"), afterWeather(), tags)).isTrue();
        assertThat(matches(ReplyRule.builder("r").metadata("team", "search"), c, tags)).isTrue();
        assertThat(matches(ReplyRule.builder("r").metadata("team", "ads"), c, tags)).isFalse();
        assertThat(matches(ReplyRule.builder("r").testId("t1"), c, tags)).isTrue();
        assertThat(matches(ReplyRule.builder("r").testId("t2"), c, tags)).isFalse();
    }

    private static boolean matches(ReplyRule.Builder rule, Conversation c, RequestTags tags) {
        ReplyBook one = new ReplyBook();
        one.add(rule.reply(ModelReply.text("matched")).build());
        return one.decide("openai", AT, c, tags, () -> ECHO) instanceof Decision.Answer a && a.rule() != null;
    }

    @Test
    void aRuleAnswersItsRepliesInSequenceThenRepeatsTheLast() {
        book.add(ReplyRule.builder("seq").reply(ModelReply.text("one"), ModelReply.text("two")).build());

        assertThat(answer(decide("openai", ask("a"), RequestTags.NONE)).text()).containsExactly("one");
        assertThat(answer(decide("openai", ask("b"), RequestTags.NONE)).text()).containsExactly("two");
        assertThat(answer(decide("openai", ask("c"), RequestTags.NONE)).text()).containsExactly("two");
    }

    @Test
    void rulesOfTheRequestsTestIdComeBeforeRulesForEveryone() {
        book.add(ReplyRule.builder("everyone").reply(ModelReply.text("shared")).build());
        book.add(ReplyRule.builder("mine").reply(ModelReply.text("mine")).build().forTest("t1"));
        book.add(ReplyRule.builder("theirs").reply(ModelReply.text("theirs")).build().forTest("t2"));

        assertThat(answer(decide("openai", ask("x"), new RequestTags("gw", "t1", Map.of()))).text())
                .containsExactly("mine");
        assertThat(answer(decide("openai", ask("x"), new RequestTags("gw", "t2", Map.of()))).text())
                .containsExactly("theirs");
        assertThat(answer(decide("openai", ask("x"), RequestTags.NONE)).text()).containsExactly("shared");
        assertThat(book.list()).extracting(ReplyRule::name).containsExactly("mine", "theirs", "everyone");
    }

    @Test
    void clearingOneTestIdLeavesTheOthersRules() {
        book.add(ReplyRule.builder("everyone").reply(ModelReply.text("shared")).build());
        book.add(ReplyRule.builder("mine").reply(ModelReply.text("mine")).build().forTest("t1"));

        book.clear("t1");

        assertThat(book.list()).extracting(ReplyRule::name).containsExactly("everyone");
        book.clear(null);
        assertThat(book.list()).isEmpty();
    }

    @Test
    void fixtureRulesStayThroughResetAndTheirSequencesStartAgain() {
        ReplyBook withFixtures = new ReplyBook(List.of(ReplyRule.builder("fixture")
                .reply(ModelReply.text("first"), ModelReply.text("second")).build()), true);
        withFixtures.add(ReplyRule.builder("runtime").reply(ModelReply.text("x")).build());
        withFixtures.decide("openai", AT, ask("a"), RequestTags.NONE, () -> ECHO);
        withFixtures.strict(false);

        withFixtures.reset();

        assertThat(withFixtures.list()).extracting(ReplyRule::name).containsExactly("fixture");
        assertThat(withFixtures.isStrict()).isTrue();
        assertThat(answer(withFixtures.decide("openai", AT, ask("a"), RequestTags.NONE, () -> ECHO)).text())
                .containsExactly("first");
    }

    @Test
    void strictModeRefusesAnUnmatchedRequestNamingTheClosestRulesAndHowTheyDiffer() {
        book.add(ReplyRule.builder("far").provider("anthropic").lastUserMessageContains("snow").turn(3)
                .reply(ModelReply.text("x")).build());
        book.add(ReplyRule.builder("near").lastUserMessageContains("weather").reply(ModelReply.text("x")).build());
        book.strict(true);

        Decision d = decide("openai", ask("what time is it?"), new RequestTags("gw", "t9", Map.of()));

        assertThat(d).isInstanceOf(Decision.Refuse.class);
        String message = ((Decision.Refuse) d).message();
        assertThat(message).contains("no reply rule matches this request (latest user message \"what time is it?\"")
                .contains("closest: 'near' (the latest user message \"what time is it?\" does not contain \"weather\")"
                        + ", 'far' (provider is \"openai\", not \"anthropic\";");
        assertThat(book.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReplyProblem.Kind.UNMATCHED);
            assertThat(p.provider()).isEqualTo("openai");
            assertThat(p.gatewayId()).isEqualTo("gw");
            assertThat(p.testId()).isEqualTo("t9");
            assertThat(p.at()).isEqualTo(AT);
            assertThat(p.message()).isEqualTo(message);
        });
    }

    @Test
    void strictModeWithNoRulesSaysSo() {
        book.strict(true);

        assertThat(((Decision.Refuse) decide("openai", ask("hi"), RequestTags.NONE)).message())
                .endsWith("; there are no reply rules");
    }

    @Test
    void aToolCallsReplyFinishesWithToolCalls() {
        book.add(ReplyRule.builder("tool").reply(ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}")).build());

        ModelReply reply = answer(decide("openai", ask("weather?"), RequestTags.NONE));

        assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(reply.toolCalls()).containsExactly(new ToolCall(null, "get_weather", "{\"city\":\"Paris\"}"));
    }

    @Test
    void aRefusalFinishesWithContentFilterAndGivenValuesAreKept() {
        book.add(ReplyRule.builder("no").reply(ModelReply.refusal("I can't help with that.")).build());
        book.add(ReplyRule.builder("given").lastUserMessageContains("given").reply(ModelReply.builder().text("t")
                .finishReason(FinishReason.LENGTH).usage(new TokenUsage(100, 5, 40)).build()).build().forTest("t"));

        assertThat(answer(decide("openai", ask("x"), RequestTags.NONE)).finishReason())
                .isEqualTo(FinishReason.CONTENT_FILTER);
        ModelReply given = answer(decide("openai", ask("given"), new RequestTags(null, "t", Map.of())));
        assertThat(given.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(given.usage()).isEqualTo(new TokenUsage(100, 5, 40));
    }
}
