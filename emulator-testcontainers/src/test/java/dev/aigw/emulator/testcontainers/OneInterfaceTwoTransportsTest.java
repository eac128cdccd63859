package dev.aigw.emulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.Emulator;
import dev.aigw.emulator.Gateway;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.LogQuery;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.PendingScript;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same scenarios, unchanged, against an in-process {@link AiGatewayEmulator} and against the emulator in a
 * container ({@link AiGatewayContainer#emulator()}): one {@link Emulator} interface, one set of value types, two
 * transports. Each scenario starts from {@code reset()} and an auto clock. The arguments are not closed after each
 * test (JUnit closes {@link AutoCloseable} arguments by default): both emulators serve every scenario.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmulatorImage.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OneInterfaceTwoTransportsTest {

    private static final String CHAT = Http.CHAT;

    @Container
    static AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME).withClockMode(ClockMode.AUTO);

    private static AiGatewayEmulator inProcess;

    @BeforeAll
    static void startInProcess() {
        inProcess = AiGatewayEmulator.builder().build().start();
    }

    @AfterAll
    static void closeInProcess() {
        inProcess.close();
    }

    static Stream<Named<Emulator>> emulators() {
        return Stream.of(Named.of("in-process", inProcess), Named.of("container", container.emulator()));
    }

    private static Emulator fresh(Emulator emulator) {
        emulator.reset();
        emulator.clock().setMode(ClockMode.AUTO);
        return emulator;
    }

    private static HttpResponse<String> chat(Emulator emulator, String gateway, String... headers) {
        return Http.post(emulator.providerUrl(gateway, "openai") + "/chat/completions", CHAT, headers);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("emulators")
    void aGatewayIsCreatedUpdatedListedAndDeleted(Emulator emulator) {
        fresh(emulator);
        GatewaySettings retrying = GatewaySettings.builder().retryMaxAttempts(3).retryDelay(Duration.ofMillis(500))
                .retryBackoff(GatewaySettings.Backoff.LINEAR).build();

        Gateway created = emulator.createGateway("gw", retrying);
        emulator.clock().advance(Duration.ofSeconds(1));
        Gateway other = emulator.createGateway("gw2");
        Gateway updated = emulator.updateGateway("gw", created.settings().newBuilder()
                .cacheTtl(Duration.ofSeconds(60)).build());

        assertThat(created.id()).isEqualTo("gw");
        assertThat(created.settings()).isEqualTo(retrying);
        assertThat(created.isDefault()).isFalse();
        assertThat(other.createdAt()).isEqualTo(created.createdAt().plusSeconds(1));
        assertThat(updated.settings().cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(updated.settings().retryMaxAttempts()).contains(3);
        assertThat(emulator.gateway("gw")).contains(updated);
        assertThat(emulator.gateways()).extracting(Gateway::id).containsExactly("gw2", "gw");

        assertThat(emulator.deleteGateway("gw")).isEqualTo(updated);
        assertThat(emulator.gateway("gw")).isEmpty();
        ManagementApiException gone = catchThrowableOfType(ManagementApiException.class,
                () -> emulator.deleteGateway("gw"));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errors()).extracting(ManagementApiException.ApiError::code).containsExactly(7002);
        assertThat(gone).hasMessage("Not Found (no gateway \"gw\" exists in account " + emulator.accountId()
                + "; gateways() lists those that do)");
        assertThatThrownBy(() -> emulator.createGateway("Not Valid")).isInstanceOf(ManagementApiException.class)
                .hasMessageStartingWith("Input Validation Error: id: expected a string of lower-case letters");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("emulators")
    void scripted503sThenASuccessAreRetriedWithBackoffOnTheVirtualClock(Emulator emulator) {
        fresh(emulator).createGateway("gw", GatewaySettings.builder().retryMaxAttempts(3)
                .retryDelay(Duration.ofMillis(1000)).retryBackoff(GatewaySettings.Backoff.EXPONENTIAL).build());
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 2)
                .enqueue(UpstreamResponse.builder().body("{\"answer\":\"third time lucky\"}").build());

        HttpResponse<String> reply = chat(emulator, "gw");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"answer\":\"third time lucky\"}");
        Timeline timeline = emulator.lastTimeline();
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.gatewayId()).isEqualTo("gw");
        assertThat(timeline.accountId()).isEqualTo(emulator.accountId());
        assertThat(timeline.attemptStartsMillis()).containsExactly(0L, 1_000L, 3_000L);
        assertThat(timeline.delaysMillis()).containsExactly(1_000L, 2_000L);
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::outcome).containsExactly(
                Timeline.Outcome.HTTP_ERROR, Timeline.Outcome.HTTP_ERROR, Timeline.Outcome.SUCCESS);
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::status).containsExactly(503, 503, 200);
        assertThat(emulator.timelines()).containsExactly(timeline);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("emulators")
    void aManualClockHoldsTheBackoffUntilTheTestAdvancesIt(Emulator emulator) throws Exception {
        fresh(emulator).createGateway("gw", GatewaySettings.builder().retryMaxAttempts(2)
                .retryDelay(Duration.ofMillis(5000)).retryBackoff(GatewaySettings.Backoff.CONSTANT).build());
        ClockControl clock = emulator.clock();
        clock.setMode(ClockMode.MANUAL);
        Instant start = clock.now();
        emulator.script("openai").enqueue(UpstreamResponse.status(503));

        CompletableFuture<HttpResponse<String>> reply = CompletableFuture.supplyAsync(() -> chat(emulator, "gw"));
        clock.awaitWaiters(1, Duration.ofSeconds(10));

        assertThat(clock.mode()).isEqualTo(ClockMode.MANUAL);
        assertThat(clock.waiters()).isEqualTo(1);
        assertThat(clock.nextWakeUp()).contains(start.plusSeconds(5));
        assertThat(reply).isNotDone();
        assertThat(clock.advance(Duration.ofSeconds(5))).isEqualTo(start.plusSeconds(5));
        assertThat(reply.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(clock.waiters()).isZero();
        assertThat(clock.nextWakeUp()).isEmpty();
        assertThat(emulator.lastTimeline().attemptStartsMillis()).containsExactly(0L, 5_000L);
        assertThatThrownBy(() -> clock.awaitWaiters(1, Duration.ofMillis(50))).isInstanceOf(
                IllegalStateException.class).hasMessage("expected 1 waiter(s) on the virtual clock within 50 ms of"
                + " real time, but 0 are waiting; is the request running, and is the clock in manual mode (it is in"
                + " manual mode)?");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("emulators")
    void recordedRequestsCarryProviderGatewayStepUrlQueryHeadersAndBody(Emulator emulator) throws Exception {
        fresh(emulator).createGateway("gw");

        assertThat(Http.post(emulator.providerUrl("gw", "openai") + "/chat/completions?trace=1", CHAT,
                "Authorization", "Bearer sk-test", AiGatewayEmulator.TEST_ID_HEADER, "t1").statusCode())
                .isEqualTo(200);

        RecordedRequest recorded = emulator.recordedRequests("openai", "gw", "t1").get(0);
        assertThat(recorded.provider()).isEqualTo("openai");
        assertThat(recorded.gatewayId()).isEqualTo("gw");
        assertThat(recorded.accountId()).isEqualTo(emulator.accountId());
        assertThat(recorded.attempt()).isEqualTo(1);
        assertThat(recorded.step()).isZero();
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.url()).isEqualTo("https://api.openai.com/v1/chat/completions?trace=1");
        assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.query()).isEqualTo("trace=1");
        assertThat(recorded.header("Authorization")).contains("Bearer sk-test");
        assertThat(recorded.headers()).doesNotContainKey(AiGatewayEmulator.TEST_ID_HEADER);
        assertThat(recorded.bodyText()).isEqualTo(CHAT);
        assertThat(recorded.testId()).isEqualTo("t1");
        assertThat(emulator.takeRequest()).usingRecursiveComparison().isEqualTo(recorded);
        assertThatThrownBy(emulator::takeRequest).isInstanceOf(IllegalStateException.class)
                .hasMessage("no untaken request has reached an upstream; recorded so far: 1");
        assertThatThrownBy(() -> emulator.takeRequest(Duration.ofMillis(50))).isInstanceOf(IllegalStateException.class)
                .hasMessage("no untaken request reached an upstream within PT0.05S (real time); recorded so far: 1");

        emulator.script("openai").enqueue(UpstreamResponse.status(503));
        HttpResponse<String> universal = Http.post(emulator.gatewayUrl("gw"), "[" + step("openai") + ","
                + step("anthropic").replace("chat/completions", "v1/messages") + "]");

        assertThat(universal.headers().firstValue("cf-aig-step")).as(universal.body()).contains("1");
        assertThat(emulator.recordedRequests(null, "gw", null)).hasSize(3).extracting(RecordedRequest::provider,
                RecordedRequest::step).endsWith(tuple("openai", 0), tuple("anthropic", 1));
        assertThat(emulator.takeRequest(Duration.ofSeconds(5)).step()).isZero();
        assertThat(emulator.takeRequest().url()).isEqualTo("https://api.anthropic.com/v1/messages");
    }

    private static String step(String provider) {
        return "{\"provider\":\"" + provider + "\",\"endpoint\":\"chat/completions\",\"headers\":{\"Authorization\":"
                + "\"Bearer k\",\"x-api-key\":\"k\",\"Content-Type\":\"application/json\"},\"query\":{\"model\":"
                + "\"m\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}";
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("emulators")
    void pendingScriptsAreListedAndLeftoversFailTheTest(Emulator emulator) {
        fresh(emulator).createGateway("gw");
        emulator.script("openai").forGateway("gw").enqueue(UpstreamResponse.status(503), 2);
        emulator.script("anthropic").forTest("t9").always(UpstreamFault.hang());

        List<PendingScript> pending = emulator.pendingScripts();

        assertThat(pending).hasSize(2);
        assertThat(pending.get(0)).isEqualTo(new PendingScript("openai", "gw", null, UpstreamResponse.status(503), 2,
                false, "{\"status\":503,\"times\":2}"));
        assertThat(pending.get(1)).isEqualTo(new PendingScript("anthropic", null, "t9", UpstreamFault.hang(), 0, true,
                "{\"fault\":\"hang\",\"times\":\"always\"}"));
        assertThat(emulator.script("openai").forGateway("gw").pending()).isEqualTo(2);
        assertThatThrownBy(emulator::verifyNoLeftoverScripts).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("2 scripted responses were never used:\n  openai (gateway \"gw\"):"
                        + " {\"status\":503,\"times\":2}\nno attempt came for them");
        emulator.verifyNoLeftoverScripts("t9");

        assertThat(chat(emulator, "gw").statusCode()).isEqualTo(503);
        assertThat(chat(emulator, "gw").statusCode()).isEqualTo(503);
        emulator.verifyNoLeftoverScripts();
        emulator.script("anthropic").forTest("t9").clear();
        assertThat(emulator.pendingScripts()).isEmpty();
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("emulators")
    void logsAreSelectedWithALogQuery(Emulator emulator) {
        fresh(emulator).createGateway("gw");
        assertThat(chat(emulator, "gw", "cf-aig-metadata", "{\"team\":\"search\"}").statusCode()).isEqualTo(200);
        emulator.clock().advance(Duration.ofSeconds(1));
        emulator.script("openai").enqueue(UpstreamResponse.status(500));
        assertThat(chat(emulator, "gw").statusCode()).isEqualTo(500);

        List<LogEntry> all = emulator.logs("gw");
        List<LogEntry> failures = emulator.logs("gw", LogQuery.builder().success(false).build());

        assertThat(all).extracting(LogEntry::statusCode).containsExactly(200, 500);
        assertThat(all.get(1).createdAt()).isEqualTo(all.get(0).createdAt().plusSeconds(1));
        assertThat(failures).singleElement().satisfies(entry -> {
            assertThat(entry.provider()).isEqualTo("openai");
            assertThat(entry.model()).isEqualTo("gpt-4o-mini");
            assertThat(entry.path()).isEqualTo("chat/completions");
            assertThat(entry.success()).isFalse();
            assertThat(entry.request().text()).contains(CHAT);
        });
        assertThat(emulator.logs("gw", LogQuery.builder().filter("metadata.value", "eq", "search").build()))
                .extracting(LogEntry::statusCode).containsExactly(200);
        assertThat(emulator.logs("gw", LogQuery.builder().provider("anthropic").build())).isEmpty();
        assertThat(emulator.logs("no-such-gateway")).isEmpty();
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("emulators")
    void resetEmptiesEverythingButKeepsTheClock(Emulator emulator) {
        fresh(emulator).createGateway("gw");
        emulator.script("openai").always(UpstreamResponse.status(500));
        assertThat(chat(emulator, "gw").statusCode()).isEqualTo(500);
        Instant before = emulator.clock().now();

        emulator.reset();

        assertThat(emulator.gateways()).isEmpty();
        assertThat(emulator.pendingScripts()).isEmpty();
        assertThat(emulator.recordedRequests()).isEmpty();
        assertThat(emulator.timelines()).isEmpty();
        assertThat(emulator.logs("gw")).isEmpty();
        assertThat(emulator.clock().now()).isAfterOrEqualTo(before);
        assertThatThrownBy(emulator::lastTimeline).isInstanceOf(IllegalStateException.class)
                .hasMessage("no request has reached the attempt stage yet");
        assertThatThrownBy(emulator::takeRequest).isInstanceOf(IllegalStateException.class)
                .hasMessage("no untaken request has reached an upstream; recorded so far: 0");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("emulators")
    void replyRulesAnswerInSequenceTestScopedFirstAndStrictModeRefusesTheRest(Emulator emulator) {
        fresh(emulator).createGateway("gw");
        emulator.replies().add(ReplyRule.builder("hello").lastUserMessageContains("Hello")
                .reply(ModelReply.text("first"), ModelReply.text("then")).build());
        emulator.replies().forTest("t1").add(ReplyRule.builder("mine").reply(ModelReply.text("t1 only")).build());

        assertThat(emulator.replies().list()).extracting(ReplyRule::name).containsExactly("mine", "hello");
        assertThat(chat(emulator, "gw").body()).contains("\"content\":\"first\"");
        assertThat(chat(emulator, "gw").body()).contains("\"content\":\"then\"");
        assertThat(chat(emulator, "gw", AiGatewayEmulator.TEST_ID_HEADER, "t1").body())
                .contains("\"content\":\"t1 only\"");
        assertThat(emulator.recordedRequests().get(0).conversation()).map(Conversation::lastUserText)
                .contains("Hello there");

        emulator.replies().strict(true);
        HttpResponse<String> refused = Http.post(emulator.providerUrl("gw", "openai") + "/chat/completions",
                CHAT.replace("Hello", "Bye"), AiGatewayEmulator.TEST_ID_HEADER, "t2");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("no reply rule matches this request");
        assertThat(emulator.replyProblems()).extracting(ReplyProblem::kind, ReplyProblem::testId)
                .containsExactly(tuple(ReplyProblem.Kind.UNMATCHED, "t2"));
        assertThatThrownBy(() -> emulator.verifyReplies("t2")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("1 reply problem for test \"t2\":");
        emulator.verifyReplies("t1");

        emulator.reset();
        assertThat(emulator.replies().list()).isEmpty();
        assertThat(emulator.replies().isStrict()).isFalse();
        assertThat(emulator.replyProblems()).isEmpty();
    }
}
