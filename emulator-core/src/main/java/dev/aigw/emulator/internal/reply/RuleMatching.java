package dev.aigw.emulator.internal.reply;

import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ReplyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Tells whether a rule's criteria hold for a request, and which do not, in words a test author reads. */
final class RuleMatching {

    private RuleMatching() {
    }

    /** Returns the criteria of the match that do not hold, each as a short sentence; empty when it matches. */
    static List<String> differences(ReplyRule.Match m, String provider, Conversation c, RequestTags tags) {
        List<String> out = new ArrayList<>();
        if (m.testId() != null && !m.testId().equals(tags.testId())) {
            out.add("test id is " + quote(tags.testId()) + ", not " + quote(m.testId()));
        }
        if (m.provider() != null && !m.provider().equals(provider)) {
            out.add("provider is " + quote(provider) + ", not " + quote(m.provider()));
        }
        if (m.model() != null && !m.model().equals(c.model())) {
            out.add("model is " + quote(c.model()) + ", not " + quote(m.model()));
        }
        String last = c.lastUserText();
        if (m.lastUserMessageContains() != null && !last.contains(m.lastUserMessageContains())) {
            out.add("the latest user message " + quote(abbreviate(last)) + " does not contain "
                    + quote(m.lastUserMessageContains()));
        }
        if (m.lastUserMessageMatches() != null && !Pattern.compile(m.lastUserMessageMatches()).matcher(last).find()) {
            out.add("the latest user message " + quote(abbreviate(last)) + " does not match /"
                    + m.lastUserMessageMatches() + "/");
        }
        if (m.systemPromptContains() != null
                && (c.system() == null || !c.system().contains(m.systemPromptContains()))) {
            out.add(c.system() == null ? "there is no system prompt to contain " + quote(m.systemPromptContains())
                    : "the system prompt does not contain " + quote(m.systemPromptContains()));
        }
        if (m.turn() != null && m.turn() != c.turn()) {
            out.add("turn is " + c.turn() + ", not " + m.turn());
        }
        if (m.toolResultFor() != null && c.toolResult(m.toolResultFor()).isEmpty()) {
            out.add("no result of tool " + quote(m.toolResultFor()) + " was given");
        }
        if (m.offersTool() != null && c.tool(m.offersTool()).isEmpty()) {
            out.add("tool " + quote(m.offersTool()) + " is not offered");
        }
        for (Map.Entry<String, String> e : m.metadata().entrySet()) {
            String actual = tags.metadata().get(e.getKey());
            if (!e.getValue().equals(actual)) {
                out.add("metadata " + e.getKey() + " is " + quote(actual) + ", not " + quote(e.getValue()));
            }
        }
        return out;
    }

    private static String quote(String s) {
        return s == null ? "absent" : "\"" + s + "\"";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
