package dev.aigw.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Says what a fake model answers when a request's conversation matches: every criterion given must hold, and the
 * rule answers its replies in sequence (the first match gets the first reply, the second the second, ...; after
 * the last, the last again).
 *
 * <pre>{@code
 * emulator.replies().add(ReplyRule.builder("weather")
 *         .lastUserMessageContains("weather").turn(0)
 *         .reply(ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}"))
 *         .build());
 * emulator.replies().add(ReplyRule.builder("answer")
 *         .toolResultFor("get_weather")
 *         .reply(ModelReply.text("It is sunny in Paris."))
 *         .build());
 * }</pre>
 *
 * <p>Rules are looked at in one order: those narrowed to the request's test id first, then the others, each group
 * in the order added; the first that matches answers. See {@link ReplyRules} for the order of precedence with
 * scripts and the echo.
 *
 * @param name the rule's name, used in messages (strict mode names the closest rules)
 * @param match what the request must be
 * @param replies what the rule answers, in sequence
 */
public record ReplyRule(String name, Match match, List<ModelReply> replies) {

    /** Validates the rule. */
    public ReplyRule {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a reply rule needs a name");
        }
        Objects.requireNonNull(match, "match");
        replies = List.copyOf(replies);
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("reply rule '" + name + "' needs at least one reply");
        }
    }

    /** Starts a rule with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Returns this rule narrowed to requests carrying this test id. */
    public ReplyRule forTest(String testId) {
        return new ReplyRule(name, match.withTestId(Objects.requireNonNull(testId, "testId")), replies);
    }

    /**
     * What a request must be for a rule to answer it; a {@code null} (or empty) criterion matches any request.
     *
     * @param provider the provider slug, e.g. {@code openai}
     * @param model the model, exactly
     * @param lastUserMessageContains text the latest user message contains
     * @param lastUserMessageMatches a regular expression found in the latest user message
     * @param systemPromptContains text the system prompt contains
     * @param turn the turn index: how many assistant messages the conversation already holds (0 for the first)
     * @param toolResultFor the name of a tool whose result the conversation holds
     * @param offersTool the name of a tool the request offers
     * @param metadata entries the request's {@code cf-aig-metadata} header holds, values compared as text
     * @param testId the test id the request carries ({@value AiGatewayEmulator#TEST_ID_HEADER})
     */
    public record Match(String provider, String model, String lastUserMessageContains, String lastUserMessageMatches,
                        String systemPromptContains, Integer turn, String toolResultFor, String offersTool,
                        Map<String, String> metadata, String testId) {

        /** Validates the criteria. */
        public Match {
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
            if (lastUserMessageMatches != null) {
                try {
                    Pattern.compile(lastUserMessageMatches);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("lastUserMessageMatches is not a regular expression: "
                            + e.getMessage(), e);
                }
            }
            if (turn != null && turn < 0) {
                throw new IllegalArgumentException("turn must be >= 0, got " + turn);
            }
        }

        /** Returns a match of every request. */
        public static Match any() {
            return new Match(null, null, null, null, null, null, null, null, Map.of(), null);
        }

        Match withTestId(String id) {
            return new Match(provider, model, lastUserMessageContains, lastUserMessageMatches, systemPromptContains,
                    turn, toolResultFor, offersTool, metadata, id);
        }
    }

    /** Builds a {@link ReplyRule}. */
    public static final class Builder {
        private final String name;
        private String provider;
        private String model;
        private String lastUserMessageContains;
        private String lastUserMessageMatches;
        private String systemPromptContains;
        private Integer turn;
        private String toolResultFor;
        private String offersTool;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private String testId;
        private final List<ModelReply> replies = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Matches requests to this provider slug. */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** Matches requests for this model. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Matches when the latest user message contains this text. */
        public Builder lastUserMessageContains(String text) {
            this.lastUserMessageContains = text;
            return this;
        }

        /** Matches when this regular expression is found in the latest user message. */
        public Builder lastUserMessageMatches(String regex) {
            this.lastUserMessageMatches = regex;
            return this;
        }

        /** Matches when the system prompt contains this text. */
        public Builder systemPromptContains(String text) {
            this.systemPromptContains = text;
            return this;
        }

        /** Matches at this turn index (0: no assistant message yet). */
        public Builder turn(int turn) {
            this.turn = turn;
            return this;
        }

        /** Matches when the conversation holds a result of the named tool. */
        public Builder toolResultFor(String toolName) {
            this.toolResultFor = toolName;
            return this;
        }

        /** Matches when the request offers the named tool. */
        public Builder offersTool(String toolName) {
            this.offersTool = toolName;
            return this;
        }

        /** Matches when the request's {@code cf-aig-metadata} holds this entry. */
        public Builder metadata(String key, String value) {
            metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Matches only requests carrying this test id. */
        public Builder testId(String testId) {
            this.testId = testId;
            return this;
        }

        /** Adds replies, answered in sequence. */
        public Builder reply(ModelReply... replies) {
            Arrays.stream(replies).map(r -> Objects.requireNonNull(r, "reply")).forEach(this.replies::add);
            return this;
        }

        /** Builds the rule. */
        public ReplyRule build() {
            return new ReplyRule(name, new Match(provider, model, lastUserMessageContains, lastUserMessageMatches,
                    systemPromptContains, turn, toolResultFor, offersTool, metadata, testId), replies);
        }
    }
}
