package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelReplyTest {

    @Test
    void aReplyIsBuiltFluentlyWithEveryPart() {
        ModelReply reply = ModelReply.builder().reasoning("thinking").text("It is ", "sunny.")
                .toolCall("get_weather", "{\"city\":\"Paris\"}").json("{\"ok\":true}")
                .finishReason(FinishReason.STOP).usage(new TokenUsage(10, 4, 2)).build();

        assertThat(reply.text()).containsExactly("It is ", "sunny.");
        assertThat(reply.joinedText()).isEqualTo("It is sunny.");
        assertThat(reply.toolCalls()).containsExactly(new ToolCall(null, "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(reply.json()).isEqualTo("{\"ok\":true}");
        assertThat(reply.reasoning()).isEqualTo("thinking");
        assertThat(reply.usage().totalTokens()).isEqualTo(14);
    }

    @Test
    void aReplyThatSaysNothingIsRefused() {
        assertThatThrownBy(() -> ModelReply.builder().reasoning("only thinking").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a model reply needs text, tool calls, json or a refusal");
    }

    @Test
    void structuredOutputThatIsNotJsonIsRefusedShowingIt() {
        assertThatThrownBy(() -> ModelReply.json("{\"city\": Paris}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("json of a model reply is not valid JSON (")
                .hasMessageEndingWith("): {\"city\": Paris}");
    }

    @Test
    void toolArgumentsMustBeAJsonObject() {
        assertThatThrownBy(() -> ToolCall.of("get_weather", "[\"Paris\"]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arguments of tool call 'get_weather' must be a JSON object, got array: [\"Paris\"]");
        assertThatThrownBy(() -> ToolCall.of(" ", "{}")).hasMessage("a tool call needs a tool name");
    }

    @Test
    void tokenUsageRefusesNegativeAndTooManyCachedTokens() {
        assertThatThrownBy(() -> TokenUsage.of(-1, 0)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new TokenUsage(3, 1, 4))
                .hasMessage("cachedTokens (4) must not exceed inputTokens (3)");
    }

    @Test
    void aRuleNeedsANameAndAReplyAndARegexThatCompiles() {
        assertThatThrownBy(() -> ReplyRule.builder("empty").build())
                .hasMessage("reply rule 'empty' needs at least one reply");
        assertThatThrownBy(() -> ReplyRule.builder(" ").reply(ModelReply.text("x")).build())
                .hasMessage("a reply rule needs a name");
        assertThatThrownBy(() -> ReplyRule.builder("r").lastUserMessageMatches("(unclosed")
                .reply(ModelReply.text("x")).build())
                .hasMessageStartingWith("lastUserMessageMatches is not a regular expression: ");
        assertThatThrownBy(() -> ReplyRule.builder("r").turn(-1).reply(ModelReply.text("x")).build())
                .hasMessage("turn must be >= 0, got -1");
    }

    @Test
    void aRuleNarrowedToATestKeepsItsOtherCriteria() {
        ReplyRule rule = ReplyRule.builder("r").provider("openai").metadata("k", "v")
                .reply(ModelReply.text("x")).build().forTest("t1");

        assertThat(rule.match().testId()).isEqualTo("t1");
        assertThat(rule.match().provider()).isEqualTo("openai");
        assertThat(rule.match().metadata()).containsEntry("k", "v");
        assertThat(rule.replies()).isEqualTo(List.of(ModelReply.text("x")));
    }
}
