package dev.aigw.emulator;

import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.evaluation.EvaluationCalls;
import dev.aigw.emulator.internal.wire.EvaluationJson;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The datasets, evaluation types and evaluations of the emulator's account (management-api-2.md 5), the same
 * operations the management API serves to the {@code cloudflare} SDK ({@code aiGateway.datasets},
 * {@code aiGateway.evaluationTypes}, {@code aiGateway.evaluations}), and the setting {@code evaluations.available}.
 *
 * <pre>{@code
 * Dataset openai = emulator.evaluations().createDataset("my-gateway",
 *         DatasetSettings.of("openai", DatasetFilter.eq(DatasetFilter.Key.PROVIDER, "openai")));
 * Evaluation evaluation = emulator.evaluations().create("my-gateway", new NewEvaluation("nightly",
 *         List.of(openai.id()), List.of(EvaluationType.SPEED, EvaluationType.HUMAN_FEEDBACK)));
 * evaluation.result(EvaluationType.SPEED).orElseThrow().result();   // e.g. "842.50" (ms)
 * }</pre>
 *
 * <p>An evaluation is computed when it is created, from the gateway's logs its datasets select at that instant of
 * the emulator's clock, and never again. A refusal is a {@link ManagementApiException} with the status, codes,
 * messages and paths the API answers. It works the same on an in-process emulator and on a {@link RemoteEmulator}
 * (where each call is one or a few HTTP requests). Thread-safe.
 */
public final class Evaluations {

    private final EvaluationCalls calls;
    private final String accountId;

    Evaluations(EvaluationCalls calls, String accountId) {
        this.calls = calls;
        this.accountId = accountId;
    }

    /** Returns the datasets of a gateway, newest first; none while unavailable. */
    public List<Dataset> datasets(String gatewayId) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        return call(gatewayId, () -> calls.datasets().list(gatewayId).stream().map(EvaluationJson::dataset).toList());
    }

    /** Returns a dataset of a gateway, or empty when the gateway or the dataset does not exist. */
    public Optional<Dataset> dataset(String gatewayId, String datasetId) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(datasetId, "datasetId");
        return found(() -> EvaluationJson.dataset(calls.datasets().get(gatewayId, datasetId)));
    }

    /** Creates a dataset on a gateway, validated as {@code POST .../datasets} validates it. */
    public Dataset createDataset(String gatewayId, DatasetSettings settings) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(settings, "settings");
        return call(gatewayId, () -> EvaluationJson.dataset(calls.datasets().create(gatewayId,
                EvaluationJson.datasetBody(settings))));
    }

    /** Replaces a dataset's name, {@code enable} flag and filters. */
    public Dataset updateDataset(String gatewayId, String datasetId, DatasetSettings settings) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(settings, "settings");
        return call(gatewayId, () -> EvaluationJson.dataset(calls.updateDataset(gatewayId, datasetId,
                EvaluationJson.datasetBody(settings))));
    }

    /** Deletes a dataset and returns it as it was; evaluations keep their copies of it. */
    public Dataset deleteDataset(String gatewayId, String datasetId) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(datasetId, "datasetId");
        return call(gatewayId, () -> EvaluationJson.dataset(calls.datasets().delete(gatewayId, datasetId)));
    }

    /** Returns the catalogue of evaluation types, mandatory ones first; none while unavailable. */
    public List<EvaluationType> types() {
        return call(null, () -> calls.evaluationTypes().stream().map(EvaluationJson::evaluationType).toList());
    }

    /** Returns the evaluations of a gateway, newest first; none while unavailable. */
    public List<Evaluation> list(String gatewayId) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        return call(gatewayId, () -> calls.evaluations().list(gatewayId).stream().map(EvaluationJson::evaluation).toList());
    }

    /** Returns an evaluation of a gateway, or empty when the gateway or the evaluation does not exist. */
    public Optional<Evaluation> get(String gatewayId, String evaluationId) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(evaluationId, "evaluationId");
        return found(() -> EvaluationJson.evaluation(calls.evaluations().get(gatewayId, evaluationId)));
    }

    /** Computes an evaluation of a gateway's logs now, stores it and returns it. */
    public Evaluation create(String gatewayId, NewEvaluation evaluation) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(evaluation, "evaluation");
        return call(gatewayId, () -> EvaluationJson.evaluation(calls.evaluations().create(gatewayId,
                EvaluationJson.evaluationBody(evaluation))));
    }

    /** Deletes an evaluation with its results and returns it as it was. */
    public Evaluation delete(String gatewayId, String evaluationId) {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(evaluationId, "evaluationId");
        return call(gatewayId, () -> EvaluationJson.evaluation(calls.evaluations().delete(gatewayId, evaluationId)));
    }

    /**
     * Turns datasets and evaluations on or off for the whole emulator (the setting {@code evaluations.available},
     * on by default and after a reset): off, every write answers 403 (code 10000) and the lists are empty, as for
     * an account that never had them.
     */
    public Evaluations available(boolean available) {
        calls.available(available);
        return this;
    }

    /** Tells whether datasets and evaluations are available. */
    public boolean isAvailable() {
        return calls.available();
    }

    private <T> Optional<T> found(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw ManagementApiException.of(e, null);
        }
    }

    private <T> T call(String gatewayId, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw ManagementApiException.of(e, e.status() == 404 && gatewayId != null
                    ? "no gateway \"" + gatewayId + "\", or no such object on it, in account " + accountId
                    : null);
        }
    }

    @Override
    public String toString() {
        return "Evaluations[" + calls + "]";
    }
}
