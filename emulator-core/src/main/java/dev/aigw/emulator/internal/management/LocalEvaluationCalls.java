package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.evaluation.EvaluationCalls;
import dev.aigw.emulator.internal.evaluation.GatewayResource;
import dev.aigw.emulator.internal.evaluation.StoredDataset;
import dev.aigw.emulator.internal.evaluation.StoredEvaluation;
import java.util.List;
import java.util.function.Function;

/** The dataset and evaluation operations of one account of an emulator in this JVM, as its endpoints run them. */
public final class LocalEvaluationCalls implements EvaluationCalls {

    private final ManagementContext context;
    private final String accountId;
    private final DatasetEndpoints datasets;
    private final EvaluationEndpoints evaluations;

    /** Serves the operations of {@code accountId} over a management context. */
    public LocalEvaluationCalls(ManagementContext context, String accountId) {
        this.context = context;
        this.accountId = accountId;
        this.datasets = new DatasetEndpoints(context);
        this.evaluations = new EvaluationEndpoints(context);
    }

    @Override
    public GatewayResource datasets() {
        return new Local<>(datasets, StoredDataset::toJson);
    }

    @Override
    public JsonNode updateDataset(String gatewayId, String id, ObjectNode body) {
        return datasets.update(accountId, gatewayId, id, body).toJson();
    }

    @Override
    public GatewayResource evaluations() {
        return new Local<>(evaluations, StoredEvaluation::toJson);
    }

    @Override
    public List<JsonNode> evaluationTypes() {
        return List.copyOf(evaluations.types());
    }

    @Override
    public boolean available() {
        return context.evaluations().available();
    }

    @Override
    public void available(boolean on) {
        context.evaluations().available(on);
    }

    @Override
    public String toString() {
        return "LocalEvaluationCalls[account " + accountId + "]";
    }

    /** One resource of the account, rendered as the API renders it. */
    private final class Local<T> implements GatewayResource {

        private final GatewayObjects<T> objects;
        private final Function<T, ObjectNode> render;

        Local(GatewayObjects<T> objects, Function<T, ObjectNode> render) {
            this.objects = objects;
            this.render = render;
        }

        @Override
        public List<JsonNode> list(String gatewayId) {
            return objects.list(accountId, gatewayId).stream().map(o -> (JsonNode) render.apply(o)).toList();
        }

        @Override
        public JsonNode get(String gatewayId, String id) {
            return render.apply(objects.get(accountId, gatewayId, id));
        }

        @Override
        public JsonNode create(String gatewayId, ObjectNode body) {
            return render.apply(objects.create(accountId, gatewayId, body));
        }

        @Override
        public JsonNode delete(String gatewayId, String id) {
            return render.apply(objects.delete(accountId, gatewayId, id));
        }
    }
}
