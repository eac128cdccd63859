package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.Recording;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import io.undertow.util.HttpString;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RecordAndReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-live-0123456789abcdef";
    private static final String ANTHROPIC_KEY = "sk-ant-9876543210fedcba";
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"user\":\"alice@example.com\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}";
    private static final String STREAMED_CHAT = "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Count to three\"}]}";
    private static final String MESSAGES = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    @TempDir
    Path recordings;

    /** Answers like OpenAI and Anthropic, slowly: 120 ms to the head, 150 ms to the first event, 60 ms between. */
    private static UpstreamStub provider(AtomicInteger calls) {
        UpstreamStub[] self = new UpstreamStub[1];
        self[0] = new UpstreamStub(exchange -> {
            int n = calls.incrementAndGet();
            List<UpstreamStub.Received> received = self[0].received();
            String body = received.get(received.size() - 1).body();
            Thread.sleep(120);
            if (exchange.getRequestPath().equals("/v1/messages")) {
                exchange.getResponseHeaders().put(new HttpString("content-type"), "text/event-stream");
                exchange.getResponseHeaders().put(new HttpString("request-id"), "req_" + n);
                OutputStream out = exchange.getOutputStream();
                out.flush();
                Thread.sleep(150);
                write(out, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}\n\n");
                Thread.sleep(60);
                write(out, "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":"
                        + "{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\n");
                Thread.sleep(60);
                write(out, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
                return;
            }
            if (body.contains("\"stream\":true")) {
                exchange.getResponseHeaders().put(new HttpString("content-type"), "text/event-stream");
                OutputStream out = exchange.getOutputStream();
                out.flush();
                Thread.sleep(150);
                for (String word : List.of("one", "two", "three")) {
                    write(out, "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\""
                            + word + "\"}}]}\n\n");
                    Thread.sleep(60);
                }
                write(out, "data: [DONE]\n\n");
                return;
            }
            exchange.getResponseHeaders().put(new HttpString("content-type"), "application/json");
            exchange.getResponseHeaders().put(new HttpString("set-cookie"), "session=" + KEY);
            exchange.getResponseSender().send("{\"id\":\"chatcmpl-" + n + "\",\"object\":\"chat.completion\","
                    + "\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"answer " + n + "\"}}],"
                    + "\"echo\":\"" + KEY + "\"}");
        });
        return self[0];
    }

    private static void write(OutputStream out, String text) throws java.io.IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private AiGatewayEmulator recorder(UpstreamStub stub, RecordingMode mode) {
        return AiGatewayEmulator.builder().upstream("openai", stub.baseUrl()).upstream("anthropic", stub.baseUrl())
                .recordings(RecordingSettings.in(recordings).mode(mode).redactHeaders("x-team-secret")
                        .redactFields("user").build())
                .gateway("gw").build().start();
    }

    private AiGatewayEmulator replayer(RecordingSettings.Builder settings) {
        return AiGatewayEmulator.builder()
                .recordings(settings.mode("openai", RecordingMode.REPLAY).mode("anthropic", RecordingMode.REPLAY)
                        .build())
                .gateway("gw").build().start();
    }

    private static HttpResponse<String> chat(AiGatewayEmulator emulator, String body) {
        return new ProxyClient(emulator).post("/v1/" + emulator.accountId() + "/gw/openai/chat/completions", body,
                "authorization", "Bearer " + KEY, "x-team-secret", "team-secret-value", "content-type",
                "application/json");
    }

    private static HttpResponse<String> messages(AiGatewayEmulator emulator) {
        return new ProxyClient(emulator).post("/v1/" + emulator.accountId() + "/gw/anthropic/v1/messages", MESSAGES,
                "x-api-key", ANTHROPIC_KEY, "anthropic-version", "2023-06-01", "content-type", "application/json");
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(recordings)) {
            return list.sorted().toList();
        }
    }

    @Test
    void aRecordedExchangeReplaysWithNoNetworkAndTheSameBodiesAndNoSecretIsWritten() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String recordedChat;
        String recordedStream;
        String recordedMessages;
        try (UpstreamStub stub = provider(calls); AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD)) {
            recordedChat = chat(emulator, CHAT).body();
            recordedStream = chat(emulator, STREAMED_CHAT).body();
            recordedMessages = messages(emulator).body();
        }
        assertThat(calls).hasValue(3);
        List<Path> files = files();
        assertThat(files).hasSize(3).allSatisfy(f -> assertThat(f.getFileName().toString())
                .matches("(openai-chat-completions|anthropic-messages)-[0-9a-f]{8}\\.json"));
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).doesNotContain(KEY, ANTHROPIC_KEY, "team-secret-value", "alice@example.com")
                    .contains("[REDACTED]");
        }

        try (AiGatewayEmulator emulator = replayer(RecordingSettings.in(recordings).redactFields("user"))) {
            HttpResponse<String> chat = chat(emulator, CHAT);
            assertThat(chat.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(chat.body())).isEqualTo(JSON.readTree(recordedChat.replace(KEY, "[REDACTED]")));
            assertThat(chat(emulator, STREAMED_CHAT).body()).isEqualTo(recordedStream);
            HttpResponse<String> streamed = messages(emulator);
            assertThat(streamed.body()).isEqualTo(recordedMessages);
            assertThat(streamed.headers().firstValue("request-id")).contains("req_3");
            assertThat(emulator.replyProblems()).isEmpty();
            assertThat(emulator.recordings().list()).extracting(Recording::replays).containsOnly(1);
            assertThat(RemoteEmulator.connect(emulator.baseUrl()).recordings().list())
                    .isEqualTo(emulator.recordings().list());
        }
        assertThat(calls).as("replay calls no upstream").hasValue(3);
    }

    @Test
    void aCredentialQueryParameterIsRedactedAndMatchesWhateverKeyIsSent() throws Exception {
        String path = "/chat/completions?key=query-secret-0001&api-version=2024-10-21";
        try (UpstreamStub stub = provider(new AtomicInteger());
             AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD)) {
            new ProxyClient(emulator).post("/v1/" + emulator.accountId() + "/gw/openai" + path, CHAT);
        }
        String text = Files.readString(files().get(0));
        assertThat(text).doesNotContain("query-secret-0001").contains("key=[REDACTED]&api-version=2024-10-21");

        try (AiGatewayEmulator emulator = replayer(RecordingSettings.in(recordings).redactFields("user"))) {
            HttpResponse<String> replayed = new ProxyClient(emulator).post("/v1/" + emulator.accountId() + "/gw/openai"
                    + path.replace("query-secret-0001", "another-key-0002"), CHAT);
            assertThat(replayed.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aStreamReplaysWithItsRecordedTimingOnTheVirtualClock() throws Exception {
        try (UpstreamStub stub = provider(new AtomicInteger());
             AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD)) {
            messages(emulator);
        }
        JsonNode file = JSON.readTree(files().get(0).toFile());
        long head = file.at("/response/head_ms").asLong();
        List<Long> at = new ArrayList<>();
        file.at("/response/events").forEach(e -> at.add(e.get("at_ms").asLong()));
        assertThat(head).isGreaterThanOrEqualTo(120);
        assertThat(at.get(0)).as("time after the head to the first event").isGreaterThanOrEqualTo(100);
        assertThat(at).isSorted();

        VirtualClock clock = VirtualClock.create();
        clock.setMode(ClockMode.MANUAL);
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock)
                .recordings(RecordingSettings.in(recordings).mode("anthropic", RecordingMode.REPLAY).build())
                .gateway("gw").build().start()) {
            Instant start = clock.now();
            CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(() -> messages(emulator));
            List<Long> wakeUps = new ArrayList<>();
            while (!response.isDone()) {
                clock.awaitWaiters(1, Duration.ofSeconds(10));
                Instant next = clock.nextWakeUp().orElseThrow();
                wakeUps.add(Duration.between(start, next).toMillis());
                clock.advance(Duration.between(clock.now(), next));
                if (wakeUps.size() == 1 + at.size()) {
                    break;
                }
            }
            List<Long> expected = new ArrayList<>(List.of(head));
            long previous = 0;
            for (long t : at) {
                if (t > previous) {
                    expected.add(head + t);
                }
                previous = t;
            }
            assertThat(wakeUps.subList(0, expected.size())).as("virtual instants of the head and each event")
                    .isEqualTo(expected);
            assertThat(response.get().body()).contains("message_start", "Hello", "message_stop");
            assertThat(Duration.between(start, clock.now()).toMillis()).isEqualTo(head + at.get(at.size() - 1));
        }
    }

    @Test
    void identicalRequestsReplayInTheOrderTheyWereRecordedAndTheLastOneRepeats() throws Exception {
        try (UpstreamStub stub = provider(new AtomicInteger());
             AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD)) {
            chat(emulator, CHAT);
            chat(emulator, CHAT);
        }
        assertThat(files()).extracting(f -> f.getFileName().toString())
                .satisfiesExactly(a -> assertThat(a).matches("openai-chat-completions-[0-9a-f]{8}-2\\.json"),
                        b -> assertThat(b).matches("openai-chat-completions-[0-9a-f]{8}\\.json"));

        try (AiGatewayEmulator emulator = replayer(RecordingSettings.in(recordings).redactFields("user"))) {
            assertThat(chat(emulator, CHAT).body()).contains("answer 1");
            assertThat(chat(emulator, CHAT).body()).contains("answer 2");
            assertThat(chat(emulator, CHAT).body()).contains("answer 2");
            emulator.reset();
            assertThat(chat(emulator, CHAT).body()).contains("answer 1");
        }
    }

    @Test
    void ignoredFieldsAndModelAndMessagesMatchingLetOtherMembersDiffer() throws Exception {
        try (UpstreamStub stub = provider(new AtomicInteger());
             AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD)) {
            chat(emulator, CHAT);
        }
        String otherUserAndTemperature = CHAT.replace("alice@example.com", "bob").replace("{\"model\"",
                "{\"temperature\":0.2,\"model\"");
        try (AiGatewayEmulator emulator = replayer(RecordingSettings.in(recordings).ignoreFields("user",
                "temperature"))) {
            assertThat(chat(emulator, otherUserAndTemperature).statusCode()).isEqualTo(200);
        }
        try (AiGatewayEmulator emulator = replayer(RecordingSettings.in(recordings).matchModelAndMessagesOnly())) {
            assertThat(chat(emulator, otherUserAndTemperature).statusCode()).isEqualTo(200);
            assertThat(chat(emulator, CHAT.replace("gpt-4o-mini", "gpt-4o")).statusCode()).isEqualTo(501);
            emulator.replies(); // the miss is a reply problem, checked in the miss test
        }
    }

    @Test
    void aRequestWithNoRecordingGets501NamingTheClosestAndFailsTheTestAtItsEnd() throws Exception {
        try (UpstreamStub stub = provider(new AtomicInteger());
             AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD)) {
            chat(emulator, CHAT);
        }
        String file = files().get(0).getFileName().toString();
        try (AiGatewayEmulator emulator = replayer(RecordingSettings.in(recordings).redactFields("user"))) {
            HttpResponse<String> miss = chat(emulator, CHAT.replace("Hello there", "Good night"));

            assertThat(miss.statusCode()).isEqualTo(501);
            JsonNode body = JSON.readTree(miss.body());
            assertThat(body.at("/error/message").asText()).contains("no recording of openai matches POST"
                    + " /v1/chat/completions", file, "record-missing");
            assertThat(body.at("/closest/0/file").asText()).isEqualTo(file);
            assertThat(body.at("/closest/0/differences/0").asText())
                    .isEqualTo("body.messages[0].content: recorded \"Hello there\", sent \"Good night\"");
            assertThat(emulator.replyProblems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ReplyProblem.Kind.REPLAY_MISS);
                assertThat(p.gatewayId()).isEqualTo("gw");
            });
            assertThatThrownBy(emulator::verifyReplies).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("REPLAY_MISS").hasMessageContaining(file);
            assertThat(RemoteEmulator.connect(emulator.baseUrl()).replyProblems()).extracting(ReplyProblem::kind)
                    .containsExactly(ReplyProblem.Kind.REPLAY_MISS);
        }
    }

    @Test
    void recordMissingReplaysWhatIsRecordedAndRecordsWhatIsNot() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (UpstreamStub stub = provider(calls)) {
            try (AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD)) {
                chat(emulator, CHAT);
            }
            try (AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD_MISSING)) {
                assertThat(chat(emulator, CHAT).body()).contains("answer 1");
                assertThat(chat(emulator, CHAT.replace("Hello there", "Second turn")).body()).contains("answer 2");
                assertThat(emulator.replyProblems()).isEmpty();
            }
        }
        assertThat(calls).as("only the new request went upstream").hasValue(2);
        assertThat(files()).hasSize(2);
    }

    @Test
    void aScriptStillOverridesARecording() throws Exception {
        try (UpstreamStub stub = provider(new AtomicInteger());
             AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD)) {
            chat(emulator, CHAT);
        }
        try (AiGatewayEmulator emulator = replayer(RecordingSettings.in(recordings).redactFields("user"))) {
            emulator.script("openai").enqueue(UpstreamResponse.status(429));
            assertThat(chat(emulator, CHAT).statusCode()).isEqualTo(429);
            assertThat(chat(emulator, CHAT).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theGatewayCachesLogsAndTimesReplayedAnswersAsAnyOtherUpstreams() throws Exception {
        try (UpstreamStub stub = provider(new AtomicInteger());
             AiGatewayEmulator emulator = recorder(stub, RecordingMode.RECORD)) {
            chat(emulator, CHAT);
        }
        long head = JSON.readTree(files().get(0).toFile()).at("/response/head_ms").asLong();
        try (AiGatewayEmulator emulator = replayer(RecordingSettings.in(recordings).redactFields("user"))) {
            emulator.createGateway("cached", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
            String path = "/v1/" + emulator.accountId() + "/cached/openai/chat/completions";

            HttpResponse<String> miss = new ProxyClient(emulator).post(path, CHAT, "authorization", "Bearer " + KEY);
            HttpResponse<String> hit = new ProxyClient(emulator).post(path, CHAT, "authorization", "Bearer " + KEY);

            assertThat(miss.headers().firstValue("cf-aig-cache-status")).contains("MISS");
            assertThat(hit.headers().firstValue("cf-aig-cache-status")).contains("HIT");
            assertThat(hit.body()).isEqualTo(miss.body());
            assertThat(emulator.recordings().list()).singleElement().extracting(Recording::replays).isEqualTo(1);
            assertThat(emulator.logs("cached")).hasSize(2);
            Timeline.Attempt attempt = emulator.timelines().get(0).attempts().get(0);
            assertThat(attempt.endOffsetMillis() - attempt.startOffsetMillis()).as("the recorded latency, virtual")
                    .isEqualTo(head);

            emulator.reset();
            HttpResponse<String> timedOut = new ProxyClient(emulator).post("/v1/" + emulator.accountId()
                    + "/gw/openai/chat/completions", CHAT, "authorization", "Bearer " + KEY, "cf-aig-request-timeout",
                    String.valueOf(head - 1));
            assertThat(timedOut.statusCode()).isNotEqualTo(200);
            assertThat(emulator.lastTimeline().attempts().get(0).outcome()).isEqualTo(Timeline.Outcome.TIMEOUT);
        }
    }

    @Test
    void aMalformedRecordingIsRefusedWhenLoadedNamingTheFileAndTheMember() throws Exception {
        Files.writeString(recordings.resolve("openai-broken-0000abcd.json"), """
                {"provider": "openai", "request": {"method": "POST", "path": "/v1/chat/completions"},
                 "response": {"status": 200, "events": [{"at_ms": 5, "data": "a"}, {"at_ms": "soon", "data": "b"}]}}
                """);

        assertThatThrownBy(() -> replayer(RecordingSettings.in(recordings)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openai-broken-0000abcd.json")
                .hasMessageContaining("response.events[1].at_ms: expected milliseconds");
    }

    @Test
    void aRecordingModeNeedsARealUpstreamAndAKnownProvider() {
        assertThatThrownBy(() -> AiGatewayEmulator.builder().recordings(RecordingSettings.in(recordings)
                .mode("openai", RecordingMode.RECORD).build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("records from its real upstream").hasMessageContaining("upstream(\"openai\"");
        assertThatThrownBy(() -> AiGatewayEmulator.builder().recordings(RecordingSettings.in(recordings)
                .mode("opnai", RecordingMode.REPLAY).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean \"openai\"");
    }

    @Test
    void theSystemPropertySwitchesEveryModeAtOnce() {
        System.setProperty(RecordingSettings.MODE_PROPERTY, "off,anthropic=replay");
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().upstream("openai", "http://127.0.0.1:9")
                .recordings(RecordingSettings.in(recordings).build()).build().start()) {
            assertThat(emulator.recordings().mode("openai")).isEqualTo(RecordingMode.OFF);
            assertThat(emulator.recordings().mode("anthropic")).isEqualTo(RecordingMode.REPLAY);
            assertThat(emulator.recordings().mode("groq")).isEqualTo(RecordingMode.OFF);
        } finally {
            System.clearProperty(RecordingSettings.MODE_PROPERTY);
        }
        assertThatThrownBy(() -> RecordingSettings.in(recordings).build().withModes("replya"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"replya\" is no recording mode");
    }

    @Test
    void theControlApiReadsAndSwitchesModesAsTheJavaApiDoes() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().upstream("openai", "http://127.0.0.1:9")
                .recordings(RecordingSettings.in(recordings).build()).build().start()) {
            RemoteEmulator remote = RemoteEmulator.connect(emulator.baseUrl());
            assertThat(remote.recordings().mode("openai")).isEqualTo(RecordingMode.REPLAY);
            remote.recordings().mode("openai", RecordingMode.OFF);
            assertThat(emulator.recordings().mode("openai")).isEqualTo(RecordingMode.OFF);
            assertThat(remote.recordings().list()).isEmpty();

            assertThatThrownBy(() -> remote.recordings().mode("opnai", RecordingMode.REPLAY))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean \"openai\"");
            assertThatThrownBy(() -> emulator.recordings().mode("groq", RecordingMode.RECORD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records from its real upstream");
            assertThatThrownBy(() -> remote.recordings().mode("groq", RecordingMode.RECORD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records from its real upstream");
            HttpResponse<String> badMode = new ProxyClient(emulator).send("PUT", "/__emulator/recordings/modes/openai",
                    "{\"mode\": \"replya\"}", "content-type", "application/json");
            assertThat(badMode.statusCode()).isEqualTo(400);
            assertThat(badMode.body()).contains("did you mean \\\"replay\\\"").contains("\"body\",\"mode\"");
            emulator.reset();
            assertThat(emulator.recordings().mode("openai")).isEqualTo(RecordingMode.REPLAY);
        }
    }
}
