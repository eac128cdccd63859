package dev.aigw.emulator;

import dev.aigw.emulator.internal.guard.ScannerSink;
import java.util.List;
import java.util.Objects;

/**
 * The emulator's fake content scanner, which a gateway's Guardrails ({@code guardrails}) and DLP ({@code dlp})
 * settings act on: it finds in prompts and responses exactly what the test's {@link ScanRule}s say, and nothing
 * else. The gateway's settings decide what a finding does: a category or profile set to FLAG lets the request go
 * on and marks its log entry (and {@code cf-aig-dlp}); one set to BLOCK answers 424 with 2016, 2017, 2029 or 2030.
 *
 * <pre>{@code
 * emulator.createGateway("guarded", GatewaySettings.builder()
 *         .guardrails("{\"prompt\": {\"S1\": \"BLOCK\"}, \"response\": {}}").build());
 * emulator.scanner().add(ScanRule.prompts("(?i)rob a bank").hazards(HazardCategory.S1));
 * }</pre>
 *
 * <p>Every rule whose pattern is found contributes its findings. Rules and availability last until
 * {@link #clear()}, {@link #guardrailsAvailable(boolean)} or the emulator's reset; rules narrowed to a test id
 * ({@link #forTest(String)}) read only requests carrying it (header {@code x-aigw-test-id}). It works the same on an in-process emulator and on a {@link RemoteEmulator}. Thread-safe.
 */
public final class ContentScanner {

    private final ScannerSink sink;
    private final String testId;

    ContentScanner(ScannerSink sink, String testId) {
        this.sink = sink;
        this.testId = testId;
    }

    /**
     * Returns this scanner narrowed to requests carrying this test id: rules added through it read only those, so
     * parallel tests sharing an emulator do not see each other's findings.
     */
    public ContentScanner forTest(String testId) {
        return new ContentScanner(sink, Objects.requireNonNull(testId, "testId"));
    }

    /** Adds a rule after the others (narrowed to this handle's test id, if it has one). */
    public ContentScanner add(ScanRule rule) {
        Objects.requireNonNull(rule, "rule");
        sink.add(testId == null ? rule : rule.forTest(testId));
        return this;
    }

    /** Returns the rules in the order they were added (only this test id's when narrowed). */
    public List<ScanRule> rules() {
        List<ScanRule> all = sink.list();
        return testId == null ? all : all.stream().filter(r -> testId.equals(r.testId())).toList();
    }

    /** Removes the rules (only this test id's when narrowed); the scanner's availability stays as it is. */
    public ContentScanner clear() {
        sink.clear(testId);
        return this;
    }

    /**
     * Makes the Guardrails scanner available or not. While it is not, a request whose gateway blocks a hazard
     * category of the prompt (or response) gets 503/7013 instead of an evaluation; with only FLAG categories it goes
     * on unevaluated. DLP is not affected.
     */
    public ContentScanner guardrailsAvailable(boolean available) {
        sink.guardrailsAvailable(available);
        return this;
    }

    /** Tells whether the Guardrails scanner is available. */
    public boolean guardrailsAvailable() {
        return sink.guardrailsAvailable();
    }
}
