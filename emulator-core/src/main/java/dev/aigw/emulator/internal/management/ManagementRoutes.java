package dev.aigw.emulator.internal.management;

import static dev.aigw.emulator.Permission.EDIT;
import static dev.aigw.emulator.Permission.READ;

import dev.aigw.emulator.internal.api.RouteTable;

/** The management API under {@code /client/v4}: one line per route. */
public final class ManagementRoutes {

    private static final String GATEWAYS = "/accounts/{account_id}/ai-gateway/gateways";
    private static final String GATEWAY = GATEWAYS + "/{id}";
    private static final String LOGS = GATEWAYS + "/{gateway_id}/logs";
    private static final String LOG = LOGS + "/{id}";
    private static final String ROUTES = GATEWAYS + "/{gateway_id}/routes";
    private static final String ROUTE = ROUTES + "/{id}";

    private ManagementRoutes() {
    }

    public static RouteTable table(ManagementContext context) {
        RouteEndpoints routes = new RouteEndpoints(context);
        return new RouteTable()
                .add("GET", GATEWAYS, READ, new ListGateways(context))
                .add("POST", GATEWAYS, EDIT, new CreateGateway(context))
                .add("GET", GATEWAY, READ, new GetGateway(context))
                .add("PUT", GATEWAY, EDIT, new UpdateGateway(context))
                .add("DELETE", GATEWAY, EDIT, new DeleteGateway(context))
                .add("GET", GATEWAYS + "/{gateway_id}/url/{provider}", READ, new GetGatewayUrl(context))
                .add("GET", LOGS, READ, new ListLogs(context))
                .add("DELETE", LOGS, EDIT, new DeleteLogs(context))
                .add("GET", LOG, READ, new GetLog(context))
                .add("PATCH", LOG, EDIT, new PatchLog(context))
                .add("GET", LOG + "/request", READ, GetLogBody.request(context))
                .add("GET", LOG + "/response", READ, GetLogBody.response(context))
                .add("POST", ROUTES, EDIT, routes::create)
                .add("GET", ROUTES, READ, routes::list)
                .add("GET", ROUTE, READ, routes::get)
                .add("PATCH", ROUTE, EDIT, routes::update)
                .add("DELETE", ROUTE, EDIT, routes::delete)
                .add("POST", ROUTE + "/versions", EDIT, routes::createVersion)
                .add("GET", ROUTE + "/versions", READ, routes::listVersions)
                .add("GET", ROUTE + "/versions/{version_id}", READ, routes::getVersion)
                .add("POST", ROUTE + "/deployments", EDIT, routes::createDeployment)
                .add("GET", ROUTE + "/deployments", READ, routes::listDeployments);
    }
}
