package dev.aigw.emulator.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.reply.ReplySink;
import dev.aigw.emulator.internal.wire.ReplyProblemJson;
import dev.aigw.emulator.internal.wire.ReplyRuleJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds, lists and clears the reply rules of an emulator running elsewhere, switches its strict mode and reads its
 * reply problems, through {@code /__emulator/replies} and {@code /__emulator/reply-problems}: a rule goes as the
 * JSON {@link ReplyRuleJson} writes and reads, so it arrives as the same rule. Thread-safe.
 */
public final class RemoteReplies implements ReplySink {

    private static final String PATH = "/__emulator/replies";

    private final HttpTransport http;

    /** Drives the reply rules of the emulator behind {@code http}. */
    public RemoteReplies(HttpTransport http) {
        this.http = http;
    }

    @Override
    public void add(ReplyRule rule) {
        http.send("POST", PATH, ReplyRuleJson.render(rule), null).orThrow();
    }

    @Override
    public List<ReplyRule> list() {
        JsonNode rules = http.send("GET", PATH, null, null).orThrow().get("rules");
        List<ReplyRule> list = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            // No provider check: the emulator checked each rule's provider against its own registry when it was added.
            list.add(ReplyRuleJson.parse(rules.get(i), List.of("rules", String.valueOf(i)), null));
        }
        return List.copyOf(list);
    }

    @Override
    public void clear(String testId) {
        http.send("DELETE", PATH + HttpTransport.query("test_id", testId), null, null).orThrow();
    }

    @Override
    public void strict(boolean strict) {
        http.send("PUT", PATH + "/strict", Json.object().put("strict", strict), null).orThrow();
    }

    @Override
    public boolean isStrict() {
        return http.send("GET", PATH, null, null).orThrow().get("strict").booleanValue();
    }

    /** Returns the reply problems the emulator saw, oldest first. */
    public List<ReplyProblem> problems() {
        List<ReplyProblem> problems = new ArrayList<>();
        http.send("GET", "/__emulator/reply-problems", null, null).orThrow().get("problems")
                .forEach(p -> problems.add(ReplyProblemJson.parse(p)));
        return List.copyOf(problems);
    }

    @Override
    public String toString() {
        return "RemoteReplies[" + http.baseUrl() + "]";
    }
}
