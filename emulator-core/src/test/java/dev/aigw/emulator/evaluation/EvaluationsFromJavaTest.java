package dev.aigw.emulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Dataset;
import dev.aigw.emulator.DatasetFilter;
import dev.aigw.emulator.DatasetSettings;
import dev.aigw.emulator.Emulator;
import dev.aigw.emulator.Evaluation;
import dev.aigw.emulator.EvaluationResult;
import dev.aigw.emulator.EvaluationType;
import dev.aigw.emulator.Evaluations;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.NewEvaluation;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.proxy.ProxyClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The typed dataset and evaluation operations of {@code emulator.evaluations()}, the same in process and remotely. */
@Timeout(30)
class EvaluationsFromJavaTest {

    private static final List<String> ALL_TYPES = List.of(EvaluationType.COST, EvaluationType.SPEED,
            EvaluationType.HUMAN_FEEDBACK);

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-06-01T09:00:00Z"));
    private final AiGatewayEmulator local = AiGatewayEmulator.builder().clock(clock).gateway("gw").build().start();

    @AfterEach
    void stop() {
        local.close();
    }

    static Stream<String> transports() {
        return Stream.of("in-process", "remote");
    }

    private Emulator emulator(String transport) {
        return transport.equals("remote")
                ? RemoteEmulator.connect(local.baseUrl(), local.accountId(), local.apiToken())
                : local;
    }

    private void chat(long millis) {
        local.script("openai").enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(millis)).build());
        ProxyClient proxy = new ProxyClient(local);
        assertThat(proxy.post(proxy.path("gw", "openai/chat/completions"), ProxyClient.CHAT).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("transports")
    void datasetsAreCreatedReadListedUpdatedAndDeleted(String transport) {
        Evaluations evaluations = emulator(transport).evaluations();
        DatasetSettings settings = DatasetSettings.of("slow openai",
                DatasetFilter.eq(DatasetFilter.Key.PROVIDER, "openai"),
                DatasetFilter.gt(DatasetFilter.Key.DURATION, 500),
                DatasetFilter.lt(DatasetFilter.Key.COST, 0.25),
                DatasetFilter.gt(DatasetFilter.Key.CREATED_AT, Instant.parse("2026-01-01T00:00:00Z")),
                DatasetFilter.eq(DatasetFilter.Key.SUCCESS, true));

        Dataset created = evaluations.createDataset("gw", settings);

        assertThat(created.settings()).isEqualTo(settings);
        assertThat(created.gatewayId()).isEqualTo("gw");
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-06-01T09:00:00Z"));
        assertThat(evaluations.dataset("gw", created.id())).contains(created);
        assertThat(evaluations.datasets("gw")).containsExactly(created);
        clock.advance(Duration.ofMinutes(1));
        Dataset updated = evaluations.updateDataset("gw", created.id(), settings.withEnabled(false));
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.modifiedAt()).isEqualTo(Instant.parse("2026-06-01T09:01:00Z"));
        assertThat(evaluations.deleteDataset("gw", created.id())).isEqualTo(updated);
        assertThat(evaluations.dataset("gw", created.id())).isEmpty();
        assertThat(evaluations.datasets("gw")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void anEvaluationIsComputedFromTheProxiedRequestsAndReadBack(String transport) {
        Evaluations evaluations = emulator(transport).evaluations();
        chat(200);
        chat(600);
        List<LogEntry> logs = local.logs("gw");
        Dataset all = evaluations.createDataset("gw", DatasetSettings.of("all"));

        Evaluation evaluation = evaluations.create("gw", new NewEvaluation("nightly", List.of(all.id()), ALL_TYPES));

        assertThat(evaluation.totalLogs()).isEqualTo(2);
        assertThat(evaluation.processed()).isTrue();
        assertThat(evaluation.datasets()).containsExactly(all);
        assertThat(evaluation.result(EvaluationType.SPEED).orElseThrow().result()).isEqualTo("400.00");
        BigDecimal meanCost = BigDecimal.valueOf(logs.get(0).cost()).add(BigDecimal.valueOf(logs.get(1).cost()))
                .divide(BigDecimal.valueOf(2));
        assertThat(new BigDecimal(evaluation.result(EvaluationType.COST).orElseThrow().result()))
                .isEqualByComparingTo(meanCost);
        EvaluationResult feedback = evaluation.result(EvaluationType.HUMAN_FEEDBACK).orElseThrow();
        assertThat(feedback.status()).isEqualTo(EvaluationResult.Status.ERROR);
        assertThat(feedback.result()).isEmpty();
        assertThat(evaluations.get("gw", evaluation.id())).contains(evaluation);
        assertThat(evaluations.list("gw")).containsExactly(evaluation);
        assertThat(evaluations.delete("gw", evaluation.id())).isEqualTo(evaluation);
        assertThat(evaluations.get("gw", evaluation.id())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void theCatalogueListsTheThreeTypesMandatoryFirst(String transport) {
        List<EvaluationType> types = emulator(transport).evaluations().types();

        assertThat(types).extracting(EvaluationType::id).containsExactly(EvaluationType.COST, EvaluationType.SPEED,
                EvaluationType.HUMAN_FEEDBACK);
        assertThat(types).extracting(EvaluationType::mandatory).containsExactly(true, true, false);
        assertThat(types.get(2).name()).isEqualTo("Human Feedback");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void refusalsCarryTheApisStatusCodesAndPaths(String transport) {
        Evaluations evaluations = emulator(transport).evaluations();
        Dataset all = evaluations.createDataset("gw", DatasetSettings.of("all"));

        ManagementApiException operator = catchThrowableOfType(() -> evaluations.createDataset("gw",
                DatasetSettings.of("bad", DatasetFilter.contains(DatasetFilter.Key.COST, "1"))),
                ManagementApiException.class);
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.errors()).extracting(ManagementApiException.ApiError::path)
                .containsExactly(List.of("body", "filters", "0", "operator"));
        ManagementApiException judge = catchThrowableOfType(() -> evaluations.create("gw", new NewEvaluation("q",
                List.of(all.id()), List.of("aig-eval-relevance"))), ManagementApiException.class);
        assertThat(judge.errors().get(0).path()).containsExactly("body", "evaluation_type_ids", "0");
        assertThat(judge.getMessage()).contains("no LLM judge");
        ManagementApiException noGateway = catchThrowableOfType(() -> evaluations.datasets("nope"),
                ManagementApiException.class);
        assertThat(noGateway.status()).isEqualTo(404);
        assertThat(noGateway.errors().get(0).code()).isEqualTo(7002);
        assertThat(evaluations.dataset("nope", all.id())).isEmpty();
        assertThat(catchThrowableOfType(() -> evaluations.delete("gw", "missing"), ManagementApiException.class)
                .status()).isEqualTo(404);
    }

    @ParameterizedTest
    @MethodSource("transports")
    void offWritesAre403AndListsEmptyUntilTurnedOnAgain(String transport) {
        Evaluations evaluations = emulator(transport).evaluations();
        Dataset all = evaluations.createDataset("gw", DatasetSettings.of("all"));

        assertThat(evaluations.available(false).isAvailable()).isFalse();

        ManagementApiException refused = catchThrowableOfType(() -> evaluations.createDataset("gw",
                DatasetSettings.of("more")), ManagementApiException.class);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errors()).containsExactly(new ManagementApiException.ApiError(10000,
                "Evaluations are deprecated and unavailable to new accounts", List.of()));
        assertThat(evaluations.datasets("gw")).isEmpty();
        assertThat(evaluations.types()).isEmpty();
        assertThat(evaluations.available(true).datasets("gw")).containsExactly(all);
    }

    @Test
    void bothTransportsSeeTheSameState() {
        Dataset created = local.evaluations().createDataset("gw", DatasetSettings.of("shared",
                DatasetFilter.eq(DatasetFilter.Key.MODEL, "gpt-4o-mini", "gpt-4o")));

        assertThat(emulator("remote").evaluations().datasets("gw")).containsExactly(created);
    }

    @Test
    void aFilterValueOfAnotherTypeIsRefusedInJavaAtOnce() {
        IllegalArgumentException e = catchThrowableOfType(() -> DatasetFilter.eq(DatasetFilter.Key.MODEL,
                List.of("a")), IllegalArgumentException.class);

        assertThat(e).hasMessageContaining("a String, a number, a Boolean or an Instant");
    }
}
