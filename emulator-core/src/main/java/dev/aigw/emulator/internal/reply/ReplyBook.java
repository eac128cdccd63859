package dev.aigw.emulator.internal.reply;

import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.reply.schema.JsonSchemas;
import dev.aigw.emulator.internal.reply.schema.UnsupportedSchemaException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An emulator's reply rules, its strict mode and the reply problems seen, and the one place that decides what a
 * fake model answers (see {@code ReplyRules} for the order of precedence). Rules loaded from fixture files stay
 * through {@link #clear(String)} and {@link #reset()}; rules added at run time do not. Thread-safe without a lock on
 * the request path: a rule's sequence follows the order requests reach its counter.
 */
public final class ReplyBook implements ReplySink, ReplySource {

    private static final int CLOSEST_SHOWN = 3;

    private final List<Entry> fixtures;
    private final List<Entry> runtime = new CopyOnWriteArrayList<>();
    private final List<ReplyProblem> problems = new CopyOnWriteArrayList<>();
    private final boolean strictByDefault;
    private volatile boolean strict;

    /** A book with no fixture rules, not strict. */
    public ReplyBook() {
        this(List.of(), false);
    }

    /** A book with rules loaded from fixture files, strict or not until changed. */
    public ReplyBook(List<ReplyRule> fixtureRules, boolean strict) {
        this.fixtures = fixtureRules.stream().map(Entry::new).toList();
        this.strictByDefault = strict;
        this.strict = strict;
    }

    @Override
    public void add(ReplyRule rule) {
        runtime.add(new Entry(Objects.requireNonNull(rule, "rule")));
    }

    @Override
    public List<ReplyRule> list() {
        return ordered(null).stream().map(e -> e.rule).toList();
    }

    @Override
    public synchronized void clear(String testId) {
        runtime.removeIf(e -> testId == null || testId.equals(e.rule.match().testId()));
        fixtures.forEach(e -> e.used.set(0));
    }

    @Override
    public void strict(boolean strict) {
        this.strict = strict;
    }

    @Override
    public boolean isStrict() {
        return strict;
    }

    /** Keeps a problem found elsewhere (a request no recording matched), to fail the test at its end. */
    public void report(ReplyProblem problem) {
        problems.add(Objects.requireNonNull(problem, "problem"));
    }

    /** Returns the reply problems seen, oldest first. */
    public List<ReplyProblem> problems() {
        return List.copyOf(problems);
    }

    /** Forgets run-time rules and problems, restarts fixture sequences and restores the configured strict mode. */
    public synchronized void reset() {
        runtime.clear();
        problems.clear();
        fixtures.forEach(e -> e.used.set(0));
        strict = strictByDefault;
    }

    @Override
    public Decision decide(String provider, Instant at, Conversation conversation, RequestTags tags,
                           Supplier<ModelReply> echo) {
        List<Entry> candidates = fixtures.isEmpty() && runtime.isEmpty() ? List.of() : ordered(tags.testId());
        for (Entry e : candidates) {
            if (RuleMatching.differences(e.rule.match(), provider, conversation, tags).isEmpty()) {
                int n = e.used.getAndIncrement();
                ModelReply reply = e.rule.replies().get(Math.min(n, e.rule.replies().size() - 1));
                return completeRuleReply(reply, e.rule.name(), provider, at, conversation, tags);
            }
        }
        if (strict) {
            String message = unmatched(candidates, provider, conversation, tags);
            problems.add(new ReplyProblem(ReplyProblem.Kind.UNMATCHED, provider, tags.gatewayId(), tags.testId(), at,
                    message));
            return new Decision.Refuse(message);
        }
        if (conversation.outputSchema() != null) {
            try {
                String json = JsonSchemas.generate(conversation.outputSchema());
                return new Decision.Answer(complete(ModelReply.json(json), conversation), null);
            } catch (UnsupportedSchemaException ex) {
                String message = "the emulator cannot generate JSON for the requested response schema: "
                        + ex.getMessage() + "; answer this request with a reply rule instead";
                problems.add(new ReplyProblem(ReplyProblem.Kind.UNSUPPORTED_SCHEMA, provider, tags.gatewayId(),
                        tags.testId(), at, message));
                return new Decision.Refuse(message);
            }
        }
        return new Decision.Answer(echo.get(), null);
    }

    private Decision completeRuleReply(ModelReply reply, String rule, String provider, Instant at,
                                       Conversation conversation, RequestTags tags) {
        ModelReply.Builder b = ModelReply.builder();
        b.text(reply.text().toArray(String[]::new));
        for (ToolCall call : reply.toolCalls()) {
            String arguments = call.arguments();
            Conversation.Tool tool = conversation.tool(call.name()).orElse(null);
            if (arguments == null) {
                try {
                    arguments = tool == null || tool.parameters() == null ? "{}" : JsonSchemas.generate(tool.parameters());
                } catch (UnsupportedSchemaException ex) {
                    String message = "rule '" + rule + "' calls tool '" + call.name() + "' without arguments, and the"
                            + " emulator cannot generate them from its parameter schema: " + ex.getMessage()
                            + "; give the arguments in the rule";
                    problems.add(new ReplyProblem(ReplyProblem.Kind.UNSUPPORTED_SCHEMA, provider, tags.gatewayId(),
                            tags.testId(), at, message));
                    return new Decision.Refuse(message);
                }
            } else if (tool != null && tool.strict() && tool.parameters() != null) {
                violation(JsonSchemas.violations(tool.parameters(), arguments), "the arguments of its call of tool '"
                        + call.name() + "'", rule, provider, at, tags);
            }
            b.toolCall(new ToolCall(call.id(), call.name(), arguments));
        }
        if (reply.json() != null) {
            b.json(reply.json());
        }
        if (conversation.outputSchema() != null && (reply.json() != null || !reply.text().isEmpty())) {
            String output = reply.json() != null ? reply.json() : reply.joinedText();
            violation(JsonSchemas.violations(conversation.outputSchema(), output), "its output", rule, provider, at,
                    tags);
        }
        if (reply.refusal() != null) {
            b.refusal(reply.refusal());
        }
        if (reply.reasoning() != null) {
            b.reasoning(reply.reasoning());
        }
        if (reply.finishReason() != null) {
            b.finishReason(reply.finishReason());
        }
        if (reply.usage() != null) {
            b.usage(reply.usage());
        }
        return new Decision.Answer(complete(b.build(), conversation), rule);
    }

    private void violation(List<String> violations, String what, String rule, String provider, Instant at,
                           RequestTags tags) {
        if (!violations.isEmpty()) {
            problems.add(new ReplyProblem(ReplyProblem.Kind.SCHEMA_VIOLATION, provider, tags.gatewayId(),
                    tags.testId(), at, "rule '" + rule + "' answered with " + what
                    + " that does not validate against the requested schema: " + String.join("; ", violations)));
        }
    }

    /** Sets a reply's finish reason and usage where it leaves them to the emulator. */
    public static ModelReply complete(ModelReply reply, Conversation conversation) {
        if (reply.finishReason() != null && reply.usage() != null) {
            return reply;
        }
        FinishReason finish = reply.finishReason() != null ? reply.finishReason()
                : !reply.toolCalls().isEmpty() ? FinishReason.TOOL_CALLS
                : reply.refusal() != null ? FinishReason.CONTENT_FILTER : FinishReason.STOP;
        TokenUsage usage = reply.usage() != null ? reply.usage()
                : TokenUsage.of(Tokens.count(promptText(conversation)), Tokens.count(outputText(reply)));
        return new ModelReply(reply.text(), reply.toolCalls(), reply.json(), reply.refusal(), reply.reasoning(),
                finish, usage);
    }

    /** Returns every prompt text of a conversation (system, messages, tool results) joined by newlines. */
    public static String promptText(Conversation c) {
        List<String> texts = new ArrayList<>();
        if (c.system() != null) {
            texts.add(c.system());
        }
        for (Conversation.Message m : c.messages()) {
            texts.add(m.toolResult() != null ? m.toolResult().content() : m.text());
        }
        return String.join("\n", texts);
    }

    private static String outputText(ModelReply reply) {
        StringBuilder out = new StringBuilder(reply.joinedText());
        if (reply.json() != null) {
            out.append(reply.json());
        }
        if (reply.refusal() != null) {
            out.append(reply.refusal());
        }
        for (ToolCall call : reply.toolCalls()) {
            out.append(call.name()).append(call.arguments() == null ? "" : call.arguments());
        }
        return out.toString();
    }

    private List<Entry> ordered(String testId) {
        List<Entry> all = new ArrayList<>(fixtures);
        all.addAll(runtime);
        List<Entry> out = new ArrayList<>();
        all.stream().filter(e -> e.rule.match().testId() != null
                && (testId == null || testId.equals(e.rule.match().testId()))).forEach(out::add);
        all.stream().filter(e -> e.rule.match().testId() == null).forEach(out::add);
        return out;
    }

    private static String unmatched(List<Entry> candidates, String provider, Conversation c, RequestTags tags) {
        String head = "strict replies: no reply rule matches this request (latest user message \""
                + c.lastUserText() + "\", turn " + c.turn() + ")";
        if (candidates.isEmpty()) {
            return head + "; there are no reply rules";
        }
        record Near(ReplyRule rule, List<String> differences) {
        }
        String closest = candidates.stream()
                .map(e -> new Near(e.rule, RuleMatching.differences(e.rule.match(), provider, c, tags)))
                .sorted(Comparator.comparingInt(n -> n.differences().size()))
                .limit(CLOSEST_SHOWN)
                .map(n -> "'" + n.rule().name() + "' (" + String.join("; ", n.differences()) + ")")
                .collect(Collectors.joining(", "));
        return head + "; closest: " + closest;
    }

    private static final class Entry {
        final ReplyRule rule;
        final AtomicInteger used = new AtomicInteger();

        Entry(ReplyRule rule) {
            this.rule = rule;
        }
    }
}
