package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.PendingScript;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.script.ScriptStepJson;
import dev.aigw.emulator.internal.script.Scripts;
import java.util.List;

/**
 * A queued script step as {@code GET /__emulator/scripts} lists it,
 * {@code {"provider","gateway_id","test_id","pending","repeats","step":{...}}}, and as the Java API's
 * {@link PendingScript}: written by the control API and read back by the remote emulator.
 */
public final class PendingScriptJson {

    private PendingScriptJson() {
    }

    /** Returns the Java API's view of a queued step; its {@code step} is the JSON {@link #render} writes. */
    public static PendingScript pending(Scripts.Queued queued) {
        Scripts.Scope scope = queued.scope();
        return new PendingScript(scope.provider(), scope.gatewayId(), scope.testId(), queued.behavior(),
                queued.repeat().responses(), queued.repeat().repeats(),
                Json.text(ScriptStepJson.render(queued.behavior(), queued.repeat())));
    }

    /** Writes a queued step with its scope. */
    public static ObjectNode render(Scripts.Queued queued) {
        Scripts.Scope scope = queued.scope();
        ObjectNode node = Json.object().put("provider", scope.provider()).put("gateway_id", scope.gatewayId())
                .put("test_id", scope.testId()).put("pending", queued.repeat().responses())
                .put("repeats", queued.repeat().repeats());
        node.set("step", ScriptStepJson.render(queued.behavior(), queued.repeat()));
        return node;
    }

    /** Reads what {@link #render} wrote. */
    public static PendingScript parse(JsonNode node) {
        JsonNode step = node.get("step");
        return new PendingScript(node.get("provider").textValue(), node.path("gateway_id").textValue(),
                node.path("test_id").textValue(),
                ScriptStepJson.parseStep(step, List.of("scripts", "step")).behavior(),
                node.get("pending").intValue(), node.get("repeats").booleanValue(), Json.text(step));
    }
}
