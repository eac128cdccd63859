package dev.aigw.emulator.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.internal.guard.ScanRuleJson;
import dev.aigw.emulator.internal.guard.ScannerSink;
import dev.aigw.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the fake content scanner of an emulator running elsewhere through {@code /__emulator/scanner}: a rule goes
 * as the JSON {@link ScanRuleJson} writes and reads, so it arrives as the same rule. Thread-safe.
 */
public final class RemoteScanner implements ScannerSink {

    private static final String PATH = "/__emulator/scanner";

    private final HttpTransport http;

    /** Drives the scanner of the emulator behind {@code http}. */
    public RemoteScanner(HttpTransport http) {
        this.http = http;
    }

    @Override
    public void add(ScanRule rule) {
        http.send("POST", PATH + "/rules", ScanRuleJson.render(rule), null).orThrow();
    }

    @Override
    public List<ScanRule> list() {
        JsonNode rules = http.send("GET", PATH, null, null).orThrow().get("rules");
        List<ScanRule> list = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            list.add(ScanRuleJson.parse(rules.get(i), List.of("rules", String.valueOf(i))));
        }
        return List.copyOf(list);
    }

    @Override
    public void clear(String testId) {
        http.send("DELETE", PATH + "/rules" + HttpTransport.query("test_id", testId), null, null).orThrow();
    }

    @Override
    public void guardrailsAvailable(boolean available) {
        http.send("PUT", PATH + "/guardrails", Json.object().put("available", available), null).orThrow();
    }

    @Override
    public boolean guardrailsAvailable() {
        return http.send("GET", PATH, null, null).orThrow().get("guardrails_available").booleanValue();
    }

    @Override
    public String toString() {
        return "RemoteScanner[" + http.baseUrl() + "]";
    }
}
