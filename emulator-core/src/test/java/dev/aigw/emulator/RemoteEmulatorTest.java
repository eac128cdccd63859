package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.aigw.emulator.proxy.ProxyClient;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@link RemoteEmulator} over an in-process emulator's HTTP port sees what the in-process emulator sees, as the
 * same values, and fails as it fails, with the same exceptions and messages.
 */
@Timeout(30)
class RemoteEmulatorTest {

    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

    private final VirtualClock clock = VirtualClock.startingAt(START);
    private final AiGatewayEmulator local = AiGatewayEmulator.builder().clock(clock).build().start();
    private final RemoteEmulator remote = RemoteEmulator.connect(local.baseUrl(), local.accountId(), local.apiToken());
    private final ProxyClient proxy = new ProxyClient(local);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        threads.shutdownNow();
        local.close();
    }

    private int chat(String gateway, String... headers) {
        return proxy.post(proxy.path(gateway, "openai/chat/completions"), ProxyClient.CHAT, headers).statusCode();
    }

    @Test
    void theUrlsAndTheIdentityAreTheEmulators() {
        assertThat(remote.baseUrl()).isEqualTo(local.baseUrl());
        assertThat(remote.managementUrl()).isEqualTo(local.managementUrl());
        assertThat(remote.gatewayUrl("gw")).isEqualTo(local.gatewayUrl("gw"));
        assertThat(remote.providerUrl("gw", "openai")).isEqualTo(local.providerUrl("gw", "openai"));
        assertThat(remote.accountId()).isEqualTo(local.accountId());
        assertThat(remote.apiToken()).isEqualTo(local.apiToken());
        assertThat(remote.isHealthy()).isTrue();
        assertThat(RemoteEmulator.connect(local.baseUrl() + "/").baseUrl()).isEqualTo(local.baseUrl());
    }

    @Test
    void gatewaysAreCreatedReadListedReplacedAndDeletedAsInProcess() {
        GatewaySettings retrying = GatewaySettings.builder().retryMaxAttempts(3).retryDelay(Duration.ofMillis(500))
                .retryBackoff(GatewaySettings.Backoff.EXPONENTIAL).dlp("{\"enabled\":true,\"action\":\"BLOCK\","
                        + "\"profiles\":[\"p\"]}").build();

        Gateway created = remote.createGateway("gw", retrying);
        clock.advance(Duration.ofSeconds(1));
        remote.createGateway("other");

        assertThat(created).isEqualTo(local.gateway("gw").orElseThrow());
        assertThat(created.settings()).isEqualTo(retrying);
        assertThat(remote.gateway("gw")).contains(created);
        assertThat(remote.gateway("nope")).isEmpty();
        assertThat(remote.gateways()).isEqualTo(local.gateways()).extracting(Gateway::id)
                .containsExactly("other", "gw");

        Gateway replaced = remote.updateGateway("gw", GatewaySettings.defaults());
        assertThat(replaced.settings()).as("every setting replaced, dlp and retries unset too")
                .isEqualTo(GatewaySettings.defaults());
        assertThat(replaced).isEqualTo(local.gateway("gw").orElseThrow());

        assertThat(remote.deleteGateway("gw")).isEqualTo(replaced);
        assertThat(local.gateway("gw")).isEmpty();
    }

    @Test
    void allGatewaysAreListedBeyondOnePage() {
        for (int i = 0; i < 103; i++) {
            local.createGateway("gw-" + i);
        }

        assertThat(remote.gateways()).hasSize(103).isEqualTo(local.gateways());
    }

    @Test
    void aRefusedGatewayCallIsTheManagementApiExceptionTheInProcessEmulatorThrows() {
        local.createGateway("taken");
        for (java.util.function.Function<Emulator, Object> call : List.<java.util.function.Function<Emulator, Object>>of(
                e -> e.createGateway("Not Valid"),
                e -> e.createGateway("taken"),
                e -> e.createGateway("gw", GatewaySettings.builder().retryMaxAttempts(6).cacheTtl(
                        Duration.ofSeconds(-1)).build()),
                e -> e.updateGateway("nope", GatewaySettings.defaults()),
                e -> e.updateGateway("taken", GatewaySettings.builder().retryMaxAttempts(9).build()),
                e -> e.deleteGateway("nope"))) {
            ManagementApiException expected = catchThrowableOfType(ManagementApiException.class,
                    () -> call.apply(local));
            ManagementApiException actual = catchThrowableOfType(ManagementApiException.class,
                    () -> call.apply(remote));

            assertThat(actual).as("thrown remotely").isNotNull().hasMessage(expected.getMessage());
            assertThat(actual.status()).isEqualTo(expected.status());
            assertThat(actual.errors()).isEqualTo(expected.errors());
        }
    }

    @Test
    void aDeletedGatewaysErrorSaysWhatToDoAndCarriesTheApisCode() {
        ManagementApiException e = catchThrowableOfType(ManagementApiException.class,
                () -> remote.deleteGateway("nope"));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errors()).containsExactly(new ManagementApiException.ApiError(7002, "Not Found", List.of()));
        assertThat(e).hasMessage("Not Found (no gateway \"nope\" exists in account " + local.accountId()
                + "; gateways() lists those that do)");
    }

    @Test
    void aWrongTokenIsRefusedByTheManagementApi() {
        RemoteEmulator stranger = RemoteEmulator.connect(local.baseUrl(), local.accountId(), "not-a-token");

        ManagementApiException e = catchThrowableOfType(ManagementApiException.class, stranger::gateways);

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errors()).containsExactly(new ManagementApiException.ApiError(9109, "Invalid access token",
                List.of()));
    }

    @Test
    void everyKindOfStepQueuedRemotelyIsTheStepQueuedInProcess() {
        UpstreamResponse paced = UpstreamResponse.builder().events(List.of("{\"a\":1}")).tokensPerSecond(30)
                .header("x-a", "1").latency(Duration.ofNanos(1_500_000)).build();
        remote.script("openai").enqueue(UpstreamResponse.status(503), 4)
                .always(UpstreamFault.hang())
                .everyNth(3, UpstreamFault.brokenStream(2))
                .withProbability(0.25, 42, UpstreamFault.connectionReset());
        remote.script("anthropic").forGateway("gw").forTest("t1").enqueue(paced)
                .enqueue(UpstreamFault.emptyResponse()).enqueue(UpstreamFault.malformedBody());

        List<PendingScript> pending = remote.pendingScripts();

        assertThat(pending).isEqualTo(local.pendingScripts()).extracting(PendingScript::behavior).containsExactly(
                UpstreamResponse.status(503), UpstreamFault.hang(), UpstreamFault.brokenStream(2),
                UpstreamFault.connectionReset(), paced, UpstreamFault.emptyResponse(), UpstreamFault.malformedBody());
        assertThat(pending.get(3).step()).isEqualTo("{\"fault\":\"connection_reset\",\"probability\":0.25,\"seed\":42}");
    }

    @Test
    void pendingCountsAndClearsWorkOnExactlyTheirScopeAsInProcess() {
        ProviderScript openai = remote.script("openai");
        openai.enqueue(UpstreamResponse.status(503), 2);
        openai.forGateway("gw").enqueue(UpstreamResponse.status(500), 3);

        assertThat(openai.pending()).isEqualTo(local.script("openai").pending()).isEqualTo(2);
        assertThat(openai.forGateway("gw").pending()).isEqualTo(3);

        openai.clear();

        assertThat(openai.pending()).isZero();
        assertThat(local.script("openai").forGateway("gw").pending()).as("another scope stays").isEqualTo(3);
        assertThat(openai.toString()).isEqualTo(local.script("openai").toString());
    }

    @Test
    void leftoverScriptsFailTheSameWay() {
        remote.script("openai").forTest("t1").enqueue(UpstreamResponse.status(503), 2);

        Throwable expected = catchThrowable(() -> local.verifyNoLeftoverScripts("t1"));

        assertThatThrownBy(() -> remote.verifyNoLeftoverScripts("t1")).isInstanceOf(AssertionError.class)
                .hasMessage(expected.getMessage());
        assertThatThrownBy(remote::verifyNoLeftoverScripts).hasMessageStartingWith("2 scripted responses were never"
                + " used:");
        remote.verifyNoLeftoverScripts("t2");
    }

    @Test
    void anUnknownProviderIsRefusedWithTheInProcessMessage() {
        Throwable expected = catchThrowable(() -> local.script("opnai"));

        assertThatThrownBy(() -> remote.script("opnai")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected.getMessage());
        assertThatThrownBy(() -> remote.recordedRequests("opnai", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(expected.getMessage());
    }

    @Test
    void aScriptedRetryIsRecordedAndTimedAsInProcess() {
        local.createGateway("gw");
        remote.script("openai").enqueue(UpstreamResponse.status(503), 2);

        assertThat(chat("gw", "cf-aig-max-attempts", "3", "cf-aig-retry-delay", "1000", "cf-aig-backoff",
                "exponential", AiGatewayEmulator.TEST_ID_HEADER, "t1")).isEqualTo(200);

        assertThat(remote.timelines()).isEqualTo(local.timelines());
        assertThat(remote.lastTimeline().attemptStartsMillis()).containsExactly(0L, 1_000L, 3_000L);
        assertThat(remote.recordedRequests()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(local.recordedRequests()).hasSize(3);
        assertThat(remote.recordedRequests("openai", "gw", "t1")).hasSize(3);
        assertThat(remote.recordedRequests(null, "other", null)).isEmpty();
        RecordedRequest first = remote.recordedRequests().get(0);
        assertThat(first.url()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(first.bodyText()).isEqualTo(ProxyClient.CHAT);
        assertThat(first.at()).isEqualTo(START);
    }

    @Test
    void requestsAreTakenOnceWhicheverTransportTakesThem() {
        local.createGateway("gw");
        chat("gw");
        chat("gw");

        RecordedRequest taken = remote.takeRequest();

        assertThat(taken).usingRecursiveComparison().isEqualTo(local.recordedRequests().get(0));
        assertThat(local.takeRequest()).usingRecursiveComparison().isEqualTo(local.recordedRequests().get(1));
        Throwable expected = catchThrowable(local::takeRequest);
        assertThatThrownBy(remote::takeRequest).isInstanceOf(IllegalStateException.class)
                .hasMessage(expected.getMessage()).hasMessage("no untaken request has reached an upstream; recorded so"
                        + " far: 2");
    }

    @Test
    void aTakeWithATimeoutWaitsForARequestOrFailsInTheInProcessWords() throws Exception {
        local.createGateway("gw");
        Future<RecordedRequest> waiting = threads.submit(() -> remote.takeRequest(Duration.ofSeconds(10)));
        chat("gw");

        assertThat(waiting.get(10, TimeUnit.SECONDS).gatewayId()).isEqualTo("gw");
        assertThatThrownBy(() -> remote.takeRequest(Duration.ofMillis(30))).isInstanceOf(IllegalStateException.class)
                .hasMessage("no untaken request reached an upstream within PT0.03S (real time); recorded so far: 1");
        assertThatThrownBy(() -> remote.takeRequest(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("realTimeout must not be negative, got PT-1S");
    }

    @Test
    void logsAreReadWithEveryFieldAndSelectedByALogQueryAsInProcess() {
        local.createGateway("gw");
        chat("gw", "cf-aig-metadata", "{\"team\":\"a\"}");
        clock.advance(Duration.ofSeconds(1));
        remote.script("openai").enqueue(UpstreamResponse.status(500));
        chat("gw");

        assertThat(remote.logs("gw")).usingRecursiveFieldByFieldElementComparator().isEqualTo(local.logs("gw"))
                .hasSize(2);
        LogQuery failures = LogQuery.builder().success(false).filter("created_at", "gt", START).build();
        assertThat(remote.logs("gw", failures)).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(local.logs("gw", failures)).extracting(LogEntry::statusCode).containsExactly(500);
        assertThat(remote.logs("gw", LogQuery.builder().search("OPENAI").filter("metadata.key", "eq", "team")
                .build())).hasSize(1);
        assertThat(remote.logs("nope")).isEmpty();
    }

    @Test
    void theVirtualClockIsDrivenRemotelyThroughAManualBackoff() throws Exception {
        local.createGateway("gw");
        ClockControl time = remote.clock();
        time.setMode(ClockMode.MANUAL);
        remote.script("openai").enqueue(UpstreamResponse.status(503));
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> chat("gw", "cf-aig-max-attempts", "2",
                "cf-aig-retry-delay", "5000"), threads);

        time.awaitWaiters(1, Duration.ofSeconds(5));
        assertThat(time.waiters()).isEqualTo(1);
        assertThat(time.nextWakeUp()).contains(START.plusSeconds(5));
        assertThat(time.mode()).isEqualTo(clock.mode()).isEqualTo(ClockMode.MANUAL);
        assertThat(time.advance(Duration.ofSeconds(5))).isEqualTo(START.plusSeconds(5));

        assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(time.now()).isEqualTo(clock.now());
        assertThat(time.advance(Duration.ofNanos(1_500))).isEqualTo(START.plusSeconds(5).plusNanos(1_500));
        time.setMode(ClockMode.AUTO);
        assertThat(clock.mode()).isEqualTo(ClockMode.AUTO);
    }

    @Test
    void clockMistakesFailAsInProcess() {
        Throwable expected = catchThrowable(() -> clock.awaitWaiters(2, Duration.ofMillis(20)));

        assertThatThrownBy(() -> remote.clock().awaitWaiters(2, Duration.ofMillis(20)))
                .isInstanceOf(IllegalStateException.class).hasMessage(expected.getMessage());
        assertThatThrownBy(() -> remote.clock().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("virtual time only moves forward; got PT-1S");
        assertThatThrownBy(() -> remote.clock().setMode(ClockMode.SYSTEM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ClockMode.AUTO or ClockMode.MANUAL");
    }

    @Test
    void theSystemClockIsReadAndRefusesChangesInTheInProcessWords() throws Exception {
        try (AiGatewayEmulator system = AiGatewayEmulator.builder().clock(EmulatorClock.system()).build().start()) {
            ClockControl time = RemoteEmulator.connect(system.baseUrl()).clock();
            Throwable expected = catchThrowable(() -> system.clock().advance(Duration.ofSeconds(1)));

            assertThat(time.mode()).isEqualTo(ClockMode.SYSTEM);
            assertThat(time.waiters()).isZero();
            assertThat(time.nextWakeUp()).isEmpty();
            assertThatThrownBy(() -> time.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessage(expected.getMessage());
            assertThatThrownBy(() -> time.setMode(ClockMode.MANUAL)).isInstanceOf(IllegalStateException.class)
                    .hasMessage(expected.getMessage());
            assertThatThrownBy(() -> time.awaitWaiters(1, Duration.ofMillis(10)))
                    .isInstanceOf(IllegalStateException.class).hasMessage(expected.getMessage());
        }
    }

    @Test
    void resetEmptiesTheEmulator() {
        local.createGateway("gw");
        remote.script("openai").always(UpstreamResponse.status(500));
        chat("gw");

        remote.reset();

        assertThat(local.gateways()).isEmpty();
        assertThat(local.pendingScripts()).isEmpty();
        assertThat(remote.recordedRequests()).isEmpty();
        assertThat(remote.timelines()).isEmpty();
        assertThatThrownBy(remote::lastTimeline).isInstanceOf(IllegalStateException.class)
                .hasMessage("no request has reached the attempt stage yet");
    }

    @Test
    void anEmulatorThatIsNotThereIsAnUncheckedIoExceptionNamingItsUrl() {
        AiGatewayEmulator gone = AiGatewayEmulator.builder().build().start();
        String url = gone.baseUrl();
        gone.close();
        RemoteEmulator remoteOfGone = RemoteEmulator.connect(url);

        assertThat(remoteOfGone.isHealthy()).isFalse();
        assertThatThrownBy(remoteOfGone::reset).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("the emulator at " + url + " could not be reached for POST /__emulator/reset")
                .hasMessageEndingWith("is it running, and is that its base URL?");
        assertThatThrownBy(() -> remoteOfGone.takeRequest(Duration.ofSeconds(5)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(url);
    }

    @Test
    void aServerThatIsNoEmulatorIsNamedAsSuch() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();

            assertThatThrownBy(() -> RemoteEmulator.connect(url).timelines()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("GET /__emulator/timelines at " + url + " answered 200 with a body that is not JSON"
                            + " (<html>hello</html>); is " + url + " an AI Gateway emulator?");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBaseUrlThatIsNoHttpUrlIsRefused() {
        assertThatThrownBy(() -> RemoteEmulator.connect("localhost:8787")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected the emulator's base URL, such as http://localhost:8787, got localhost:8787");
        assertThatThrownBy(() -> RemoteEmulator.connect("http://exa mple")).isInstanceOf(
                IllegalArgumentException.class).hasMessageStartingWith("expected the emulator's base URL");
    }

    @Test
    void replyRulesAddedRemotelyAreListedClearedAndAnswerAsInProcess() {
        local.createGateway("gw");
        ReplyRule weather = ReplyRule.builder("weather").provider("openai").lastUserMessageContains("Hello")
                .turn(0).metadata("team", "search")
                .reply(ModelReply.builder().text("Sunny", " today.").usage(new TokenUsage(9, 3, 2)).build(),
                        ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}"))
                .build();
        ReplyRule mine = ReplyRule.builder("mine").lastUserMessageMatches("^Hel+o").reply(ModelReply.text("only t-1"))
                .build();

        remote.replies().add(weather);
        remote.replies().forTest("t-1").add(mine);

        assertThat(remote.replies().list()).isEqualTo(local.replies().list())
                .containsExactly(mine.forTest("t-1"), weather);
        assertThat(remote.replies().forTest("t-1").list()).containsExactly(mine.forTest("t-1"));
        assertThat(proxy.post(proxy.path("gw", "openai/chat/completions"), ProxyClient.CHAT,
                "cf-aig-metadata", "{\"team\":\"search\"}").body())
                .contains("\"content\":\"Sunny today.\"");

        remote.replies().forTest("t-1").clear();
        assertThat(local.replies().list()).containsExactly(weather);
        remote.replies().clear();
        assertThat(local.replies().list()).isEmpty();
    }

    @Test
    void strictModeAndReplyProblemsAreTheInProcessOnes() {
        local.createGateway("gw");

        remote.replies().strict(true);
        assertThat(local.replies().isStrict()).isTrue();
        assertThat(remote.replies().isStrict()).isTrue();
        assertThat(chat("gw", AiGatewayEmulator.TEST_ID_HEADER, "t-1")).isEqualTo(400);

        assertThat(remote.replyProblems()).isEqualTo(local.replyProblems()).hasSize(1);
        assertThat(remote.replyProblems().get(0).testId()).isEqualTo("t-1");
        AssertionError expected = catchThrowableOfType(AssertionError.class, () -> local.verifyReplies("t-1"));
        assertThat(catchThrowableOfType(AssertionError.class, () -> remote.verifyReplies("t-1")))
                .hasMessage(expected.getMessage());
        remote.verifyReplies("t-2");

        remote.replies().strict(false);
        assertThat(local.replies().isStrict()).isFalse();
        assertThat(chat("gw")).isEqualTo(200);
    }

    @Test
    void aRuleTheEmulatorRefusesIsTheIllegalArgumentExceptionNamingTheMember() {
        ReplyRule typo = ReplyRule.builder("typo").provider("opnai").reply(ModelReply.text("x")).build();

        assertThatThrownBy(() -> remote.replies().add(typo)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("match.provider").hasMessageContaining("unknown provider \"opnai\" (did you"
                        + " mean \"openai\"?)");
        assertThatThrownBy(() -> local.replies().add(typo)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reply rule 'typo': unknown provider \"opnai\" (did you mean \"openai\"?)");
        assertThatThrownBy(() -> AiGatewayEmulator.builder().replyRules(typo))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown provider \"opnai\"");
        assertThat(local.replies().list()).isEmpty();
    }

    @Test
    void aRecordedRequestsConversationIsTheInProcessOne() {
        local.createGateway("gw");
        chat("gw");

        assertThat(remote.recordedRequests().get(0).conversation()).isEqualTo(local.recordedRequests().get(0)
                .conversation()).map(Conversation::lastUserText).contains("Hello there");
    }
}
