package dev.aigw.emulator.internal.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.UpstreamBehavior;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.script.ScriptSink;
import dev.aigw.emulator.internal.script.ScriptStepJson;
import dev.aigw.emulator.internal.script.Scripts;

/**
 * Queues, clears and counts the script steps of an emulator running elsewhere, through
 * {@code /__emulator/scripts/{provider}}: a step goes as the JSON {@link ScriptStepJson} writes and reads, so it
 * arrives as the same behaviour and repetition. Thread-safe.
 */
public final class RemoteScripts implements ScriptSink {

    private final HttpTransport http;

    /** Scripts the emulator behind {@code http}. */
    public RemoteScripts(HttpTransport http) {
        this.http = http;
    }

    @Override
    public void add(Scripts.Scope scope, UpstreamBehavior behavior, Scripts.Repeat repeat) {
        ObjectNode body = Json.object();
        body.putArray("steps").add(ScriptStepJson.render(behavior, repeat));
        body.put("gateway_id", scope.gatewayId()).put("test_id", scope.testId());
        http.send("POST", path(scope.provider()), body, null).orThrow();
    }

    @Override
    public void clear(Scripts.Scope scope) {
        http.send("DELETE", path(scope.provider()) + HttpTransport.query("gateway_id", scope.gatewayId(), "test_id",
                scope.testId(), "exact_scope", "true"), null, null).orThrow();
    }

    @Override
    public int pending(Scripts.Scope scope) {
        return http.send("GET", path(scope.provider()) + HttpTransport.query("gateway_id", scope.gatewayId(),
                "test_id", scope.testId()), null, null).orThrow().get("pending").intValue();
    }

    /**
     * Checks that the emulator knows a provider, as the in-process emulator checks it.
     *
     * @throws IllegalArgumentException if it names no provider, naming the closest slugs
     */
    public void requireProvider(String provider) {
        http.send("GET", path(provider), null, null).orThrow();
    }

    private static String path(String provider) {
        return "/__emulator/scripts/" + HttpTransport.encode(provider);
    }

    @Override
    public String toString() {
        return "RemoteScripts[" + http.baseUrl() + "]";
    }
}
