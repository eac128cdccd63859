package dev.aigw.emulator.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.LogQueries;
import dev.aigw.emulator.LogQuery;
import dev.aigw.emulator.PendingScript;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.ScanAction;
import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.ScanTarget;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamBehavior;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.log.LogFilter;
import dev.aigw.emulator.internal.management.LogFilterParser;
import dev.aigw.emulator.internal.script.ScriptStepJson;
import dev.aigw.emulator.internal.script.Scripts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value a remote emulator reads over HTTP is written by the control API with one mapping and read back by the
 * same one, as the very value it was: through its JSON text, as it travels.
 */
class WireRoundTripTest {

    private static final Instant AT = Instant.parse("2026-04-01T08:00:05.123456789Z");

    static Stream<UpstreamBehavior> behaviours() {
        return Stream.of(
                UpstreamResponse.status(503),
                UpstreamResponse.builder().status(529).header("Retry-After", "2").body("{\"error\":\"busy\"}")
                        .latency(Duration.ofMillis(300)).build(),
                UpstreamResponse.builder().events(List.of("{\"a\":1}", "[DONE]")).tokensPerSecond(30)
                        .timeToFirstToken(Duration.ofNanos(1_500_000)).latency(Duration.ofSeconds(2)).build(),
                UpstreamResponse.builder().body("plain text, not JSON").build(),
                UpstreamFault.hang(),
                UpstreamFault.connectionReset(),
                UpstreamFault.emptyResponse(),
                UpstreamFault.brokenStream(0),
                UpstreamFault.brokenStream(7),
                UpstreamFault.malformedBody());
    }

    static Stream<Scripts.Repeat> repeats() {
        return Stream.of(new Scripts.Repeat.Times(1), new Scripts.Repeat.Times(4), new Scripts.Repeat.Always(),
                new Scripts.Repeat.EveryNth(3), new Scripts.Repeat.WithProbability(0.3, -42L),
                new Scripts.Repeat.WithProbability(1, 0));
    }

    @ParameterizedTest
    @MethodSource("behaviours")
    void aScriptedBehaviourReadsBackAsItself(UpstreamBehavior behavior) throws Exception {
        for (Scripts.Repeat repeat : repeats().toList()) {
            JsonNode sent = Json.parse(Json.text(ScriptStepJson.render(behavior, repeat)));

            ScriptStepJson.ScriptStep read = ScriptStepJson.parseStep(sent, List.of("body", "steps", "0"));

            assertThat(read.behavior()).as("%s %s", behavior, repeat).isEqualTo(behavior);
            assertThat(read.repeat()).isEqualTo(repeat);
        }
    }

    @Test
    void aDurationBelowTheMillisecondIsWrittenWithItsFractionAndAWholeOneWithout() {
        UpstreamResponse response = UpstreamResponse.builder().events(List.of("x")).tokensPerSecond(30)
                .latency(Duration.ofMillis(250)).build();

        assertThat(Json.text(ScriptStepJson.render(response, new Scripts.Repeat.Times(1)))).isEqualTo(
                "{\"status\":200,\"events\":[\"x\"],\"latency_ms\":250,\"event_interval_ms\":33.333333,\"times\":1}");
    }

    @Test
    void aPendingScriptReadsBackAsItself() throws Exception {
        Scripts.Queued queued = new Scripts.Queued(new Scripts.Scope("anthropic", "prod", "t1"),
                UpstreamResponse.builder().status(529).header("retry-after", "2").build(), new Scripts.Repeat.Times(2));

        PendingScript read = PendingScriptJson.parse(Json.parse(Json.text(PendingScriptJson.render(queued))));

        assertThat(read).isEqualTo(PendingScriptJson.pending(queued));
        assertThat(read.step()).isEqualTo("{\"status\":529,\"headers\":{\"retry-after\":\"2\"},\"times\":2}");
    }

    @Test
    void aRecordedRequestWithRepeatedHeadersABinaryBodyAndNanosecondsReadsBackAsItself() throws Exception {
        byte[] binary = {(byte) 0xff, 0, 1, (byte) 0xc3};
        RecordedRequest sent = new RecordedRequest("openai", "acc", "gw", 2, 1, "POST",
                "https://api.openai.com/v1/chat/completions?x=1", "/v1/chat/completions", "x=1",
                Map.of("accept", List.of("a/b", "c/d"), "authorization", List.of("Bearer sk, test"),
                        "x-empty", List.of()), binary, AT, "t1", "01JLOGID0000000000000000AB");

        JsonNode json = Json.parse(Json.text(RecordedRequestJson.render(sent)));
        RecordedRequest read = RecordedRequestJson.parse(json);

        assertThat(read).usingRecursiveComparison().isEqualTo(sent);
        assertThat(json.get("headers").get("accept").textValue()).as("joined for the eye").isEqualTo("a/b, c/d");
        assertThat(json.has("body")).isFalse();
        assertThat(json.get("at").textValue()).isEqualTo("2026-04-01T08:00:05.123456789Z");
    }

    @Test
    void aRecordedRequestWithATextBodyAndNoTestIdReadsBackAsItself() throws Exception {
        RecordedRequest sent = new RecordedRequest("anthropic", "acc", "gw", 1, 0, "POST",
                "https://api.anthropic.com/v1/messages", "/v1/messages", "", Map.of("x-api-key", List.of("k")),
                "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8), VirtualClock.DEFAULT_START, null, null);

        JsonNode json = Json.parse(Json.text(RecordedRequestJson.render(sent)));

        assertThat(RecordedRequestJson.parse(json)).usingRecursiveComparison().isEqualTo(sent);
        assertThat(json.get("at").textValue()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(json.has("repeated_headers")).isFalse();
    }

    @Test
    void aTimelineWithEveryOutcomeReadsBackAsItself() throws Exception {
        List<Timeline.Attempt> attempts = Stream.of(Timeline.Outcome.values())
                .map(o -> new Timeline.Attempt(o.ordinal() % 2, "openai", o.ordinal() + 1, o.ordinal() * 1000L,
                        o.ordinal() * 1000L + 5, o, o == Timeline.Outcome.TIMEOUT ? null : 500, 250))
                .toList();
        Timeline sent = new Timeline("req-1", null, "acc", "gw", "openai", AT, 200, null, attempts);

        assertThat(TimelineJson.parse(Json.parse(Json.text(TimelineJson.render(sent))))).isEqualTo(sent);
    }

    @Test
    void aLogEntryWithEveryFieldReadsBackAsItself() throws Exception {
        LogEntry full = new LogEntry("log-1", AT, "openai", "gpt-4o", "chat/completions", "universal", 1, 503, false,
                true, 1234, 10, 20, 0.000123, true, "{\"team\":\"a\"}", "evt", "curl/8", true, true,
                new LogEntry.Payload("application/json", 13, "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8)),
                new LogEntry.Payload("application/octet-stream", 2, new byte[] {(byte) 0xff, 0}), -1.0, 87.5, ScanOutcome.NONE);
        LogEntry sparse = new LogEntry("log-2", AT, null, null, null, "provider", 0, 200, true, false, 0, null, null,
                0, false, null, "evt", null, false, false, new LogEntry.Payload(null, 0, null),
                new LogEntry.Payload("text/event-stream", 99, null), null, null, ScanOutcome.NONE);

        for (LogEntry sent : List.of(full, sparse)) {
            assertThat(LogEntryJson.parse(Json.parse(Json.text(LogEntryJson.render(sent)))))
                    .usingRecursiveComparison().isEqualTo(sent);
        }
    }

    @Test
    void aBlockedTimelineAndAScannedLogEntryReadBackAsThemselves() throws Exception {
        Timeline blocked = new Timeline("req-2", "req-2", "acc", "gw", null, AT, 424, "t1", List.of(), null,
                new Timeline.Refusal(424, 2016, "Guardrails blocked the prompt: S1 (Violent Crimes)", 0));
        ScanOutcome scan = new ScanOutcome(
                List.of(new ScanOutcome.Hazard(ScanTarget.PROMPT, HazardCategory.S1, ScanAction.FLAG),
                        new ScanOutcome.Hazard(ScanTarget.RESPONSE, HazardCategory.P1, ScanAction.BLOCK)),
                List.of(new ScanOutcome.DlpFinding(ScanTarget.PROMPT, "pii", List.of("e1"), List.of(), ScanAction.FLAG),
                        new ScanOutcome.DlpFinding(ScanTarget.RESPONSE, "financial", List.of(), List.of("p1", "p2"),
                                ScanAction.BLOCK)));
        LogEntry scanned = new LogEntry("log-3", AT, "openai", "gpt-4o", "chat/completions", "provider", 0, 424, false,
                false, 5, null, null, 0, false, null, "evt", null, false, true, new LogEntry.Payload(null, 0, null),
                new LogEntry.Payload("application/json", 2, "{}".getBytes(StandardCharsets.UTF_8)), null, null, scan);

        assertThat(TimelineJson.parse(Json.parse(Json.text(TimelineJson.render(blocked))))).isEqualTo(blocked);
        assertThat(LogEntryJson.parse(Json.parse(Json.text(LogEntryJson.render(scanned))))).usingRecursiveComparison()
                .isEqualTo(scanned);
    }

    @Test
    void logFiltersReadBackAsTheSameFiltersThroughTheLogsApisParser() {
        LogQuery query = LogQuery.builder().provider("openai").success(false).filter("duration", "gt", 1000)
                .filter("cost", "lt", 0.5).filter("created_at", "gt", AT).filter("model", "neq", "a", "b")
                .filter("feedback", "eq", (Object) null).build();
        List<LogFilter> filters = LogQueries.filters(query);

        ArrayDeque<String> values = new ArrayDeque<>(List.of(Json.text(LogFilterJson.render(filters))));
        List<LogFilter> read = LogFilterParser.parse(Map.of("filters", values));

        assertThat(read).usingRecursiveComparison().isEqualTo(filters);
    }

    @Test
    void aClockStateReadsBackAsItself() throws Exception {
        VirtualClock clock = VirtualClock.startingAt(AT);
        clock.setMode(ClockMode.MANUAL);

        ClockJson.State read = ClockJson.parse(Json.parse(Json.text(ClockJson.render(clock))));

        assertThat(read).isEqualTo(new ClockJson.State(ClockMode.MANUAL, AT, 0, Optional.empty()));
        assertThat(ClockJson.switchableWords()).containsExactly("auto", "manual");
    }
}
