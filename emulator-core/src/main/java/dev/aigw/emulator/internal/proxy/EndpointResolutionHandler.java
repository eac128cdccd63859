package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.routing.Routing;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.RequestBodies;
import dev.aigw.emulator.internal.provider.PathStyle;
import dev.aigw.emulator.internal.provider.ProviderSpec;
import dev.aigw.emulator.internal.provider.registry.ProviderEntry;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Decides what the path after the gateway id addresses (proxy.md 1.1): the universal endpoint, the
 * compat endpoint, or a provider; an unknown provider is 400/2008. Attaches the {@link ProxyPlan}.
 */
public final class EndpointResolutionHandler implements HttpHandler {

    private final ProviderRegistry providers;
    private final UniversalSteps universal;
    private final CompatSteps compat;
    private final DynamicRoutes routes;
    private final String testIdHeader;
    private final HttpHandler next;

    public EndpointResolutionHandler(ProviderRegistry providers, Routing routing, EmulatorClock clock,
                                     String testIdHeader, HttpHandler next) {
        this.providers = providers;
        this.compat = new CompatSteps(providers, clock);
        this.routes = new DynamicRoutes(routing, compat);
        this.universal = new UniversalSteps(providers, compat, routes);
        this.testIdHeader = testIdHeader;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ResolvedGateway gateway = exchange.getAttachment(ProxyAttachments.GATEWAY);
        ClientRequest client = exchange.getAttachment(ProxyAttachments.CLIENT_REQUEST);
        String rest = gateway.rest();
        String method = exchange.getRequestMethod().toString();
        Function<String, String> clientHeader = name -> exchange.getRequestHeaders().getFirst(name);
        ProxyPlan plan;
        if (rest.isEmpty() || rest.equals("/")) {
            if (!method.equals("POST")) {
                throw ApiException.gateway(404, 2008, GatewayErrors.INVALID_PROVIDER)
                        .withHint(GatewayHints.universalMethod());
            }
            byte[] body = RequestBodies.read(exchange);
            plan = universal.plan(body, gateway, client, clientHeader);
        } else if (rest.startsWith("compat/") || rest.equals("compat")) {
            if (!rest.equals("compat/chat/completions")) {
                throw ApiException.gateway(404, 2008, GatewayErrors.INVALID_PROVIDER)
                        .withHint(GatewayHints.compatPath());
            }
            byte[] body = RequestBodies.read(exchange);
            plan = routes.plan(body, forwarded(exchange), client, gateway, clientHeader)
                    .orElseGet(() -> new ProxyPlan(ProxyPlan.Kind.COMPAT, List.of(compat.step(0, body,
                            forwarded(exchange), client.headers(), gateway))));
        } else {
            plan = new ProxyPlan(ProxyPlan.Kind.PROVIDER, List.of(providerStep(exchange, gateway, client, rest)));
        }
        exchange.putAttachment(ProxyAttachments.PLAN, plan);
        next.handleRequest(exchange);
    }

    private Step providerStep(HttpServerExchange exchange, ResolvedGateway gateway, ClientRequest client, String rest) {
        int slash = rest.indexOf('/');
        String slug = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "" : rest.substring(slash + 1);
        ProviderSpec provider = providers.find(gateway.accountId(), slug).map(ProviderEntry::upstream)
                .orElseThrow(() -> ApiException.gateway(400, 2008, GatewayErrors.INVALID_PROVIDER)
                        .withHint(GatewayHints.unknownProvider(slug, providers.slugs())));
        PathStyle.Target target = provider.target(tail, gateway.accountId())
                .orElseThrow(() -> ApiException.gateway(400, 2008, GatewayErrors.INVALID_PROVIDER));
        byte[] body = RequestBodies.read(exchange);
        return new Step(0, provider, exchange.getRequestMethod().toString(), target, exchange.getQueryString(),
                forwarded(exchange), body, client.headers(), Steps.retryPolicy(client.headers(), gateway),
                UnaryOperator.identity(), Models.of(provider.style(), tail, body), tail);
    }

    private Map<String, List<String>> forwarded(HttpServerExchange exchange) {
        return ForwardedHeaders.from(exchange.getRequestHeaders(), testIdHeader);
    }

    @Override
    public String toString() {
        return "endpoint-resolution -> " + next;
    }
}
