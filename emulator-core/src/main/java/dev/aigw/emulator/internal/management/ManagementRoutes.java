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
    private static final String PROVIDER_CONFIGS = GATEWAYS + "/{gateway_id}/provider_configs";
    private static final String CUSTOM_PROVIDERS = "/accounts/{account_id}/ai-gateway/custom-providers";
    private static final String CUSTOM_PROVIDER = CUSTOM_PROVIDERS + "/{id}";
    private static final String ROUTES = GATEWAYS + "/{gateway_id}/routes";
    private static final String ROUTE = ROUTES + "/{id}";

    private ManagementRoutes() {
    }

    public static RouteTable table(ManagementContext context) {
        CustomProviderEndpoints customProviders = new CustomProviderEndpoints(context);
        RouteEndpoints routes = new RouteEndpoints(context);
        return EvaluationRoutes.addTo(new RouteTable(), context)
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
                .add("GET", PROVIDER_CONFIGS, READ, new ListProviderConfigs(context))
                .add("POST", PROVIDER_CONFIGS, EDIT, new CreateProviderConfig(context))
                .add("PUT", PROVIDER_CONFIGS + "/{id}", EDIT, new RotateProviderConfigKey(context))
                .add("DELETE", PROVIDER_CONFIGS + "/{id}", EDIT, new DeleteProviderConfig(context))
                .add("GET", CUSTOM_PROVIDERS, READ, customProviders::list)
                .add("POST", CUSTOM_PROVIDERS, EDIT, customProviders::create)
                .add("GET", CUSTOM_PROVIDER, READ, customProviders::get)
                .add("PATCH", CUSTOM_PROVIDER, EDIT, customProviders::update)
                .add("DELETE", CUSTOM_PROVIDER, EDIT, customProviders::delete)
                .add("POST", ROUTES, EDIT, routes::create)
                .add("GET", ROUTES, READ, routes::list)
                .add("GET", ROUTE, READ, routes::get)
                .add("PATCH", ROUTE, EDIT, routes::update)
                .add("DELETE", ROUTE, EDIT, routes::delete)
                .add("POST", ROUTE + "/versions", EDIT, routes::createVersion)
                .add("GET", ROUTE + "/versions", READ, routes::listVersions)
                .add("GET", ROUTE + "/versions/{version_id}", READ, routes::getVersion)
                .add("POST", ROUTE + "/deployments", EDIT, routes::createDeployment)
                .add("GET", ROUTE + "/deployments", READ, routes::listDeployments)
                .addAll(BillingRoutes.table(context));
    }
}
