package dev.aigw.emulator.internal.log;

import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.ScanOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds log entries for tests of the log store and its filters. */
final class LogEntries {

    private LogEntries() {
    }

    static LogEntry entry(String id) {
        return entry(id, Instant.parse("2026-01-01T00:00:00Z"), "openai", "gpt-4o-mini", 200, 10, 20, 5);
    }

    static LogEntry entry(String id, Instant createdAt, String provider, String model, int status, Integer tokensIn,
                          Integer tokensOut, long duration) {
        byte[] request = "{\"q\":1}".getBytes(StandardCharsets.UTF_8);
        return new LogEntry(id, createdAt, provider, model, "chat/completions", "provider", 0, status,
                status >= 200 && status < 300, false, duration, tokensIn, tokensOut, 0.5, false, null, id, "ua/1",
                false, false, new LogEntry.Payload("application/json", request.length, request),
                new LogEntry.Payload("application/json", 2, "{}".getBytes(StandardCharsets.UTF_8)), null, null,
                ScanOutcome.NONE);
    }
}
