package dev.aigw.emulator.internal.management;

import static dev.aigw.emulator.Permission.EDIT;
import static dev.aigw.emulator.Permission.READ;

import dev.aigw.emulator.internal.api.RouteTable;

/** The datasets, evaluation types and evaluations of management-api-2.md 5: one line per route. */
final class EvaluationRoutes {

    private static final String AI_GATEWAY = "/accounts/{account_id}/ai-gateway";
    private static final String DATASETS = AI_GATEWAY + "/gateways/{gateway_id}/datasets";
    private static final String EVALUATIONS = AI_GATEWAY + "/gateways/{gateway_id}/evaluations";

    private EvaluationRoutes() {
    }

    /** Adds the routes to a table and returns it. */
    static RouteTable addTo(RouteTable table, ManagementContext context) {
        DatasetEndpoints datasets = new DatasetEndpoints(context);
        EvaluationEndpoints evaluations = new EvaluationEndpoints(context);
        return table
                .add("GET", DATASETS, READ, datasets::list)
                .add("POST", DATASETS, EDIT, datasets::create)
                .add("GET", DATASETS + "/{id}", READ, datasets::get)
                .add("PUT", DATASETS + "/{id}", EDIT, datasets::update)
                .add("DELETE", DATASETS + "/{id}", EDIT, datasets::delete)
                .add("GET", AI_GATEWAY + "/evaluation-types", READ, evaluations::listTypes)
                .add("GET", EVALUATIONS, READ, evaluations::list)
                .add("POST", EVALUATIONS, EDIT, evaluations::create)
                .add("GET", EVALUATIONS + "/{id}", READ, evaluations::get)
                .add("DELETE", EVALUATIONS + "/{id}", EDIT, evaluations::delete);
    }
}
