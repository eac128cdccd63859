package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.RequestBodies;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Requires a valid {@code cf-aig-authorization} on gateways with {@code authentication} on; missing and
 * invalid tokens alike are 401/2009 (proxy.md 2.2). With it off, the header is not looked at. A compat request
 * for a {@code dynamic/} model without {@code cf-aig-authorization} may carry the token in {@code Authorization}
 * instead, as the docs' OpenAI-SDK example does (management-api-2.md 4.4, Q-12) [E]; the route never forwards it.
 */
public final class GatewayAuthenticationHandler implements HttpHandler {

    private final RunTokens runTokens;
    private final HttpHandler next;

    public GatewayAuthenticationHandler(RunTokens runTokens, HttpHandler next) {
        this.runTokens = runTokens;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ResolvedGateway resolved = exchange.getAttachment(ProxyAttachments.GATEWAY);
        if (resolved.gateway().settings().authentication()) {
            String account = resolved.accountId();
            RunTokens.Verdict verdict = runTokens.check(exchange.getRequestHeaders().getFirst(RunTokens.HEADER),
                    account);
            boolean misplaced = verdict != RunTokens.Verdict.VALID
                    && runTokens.misplacedInAuthorization(exchange, account);
            if (verdict != RunTokens.Verdict.VALID && !(misplaced && asksForRoute(exchange, resolved))) {
                throw ApiException.gateway(401, 2009, GatewayErrors.UNAUTHORIZED)
                        .withHint(GatewayHints.unauthorized(account, resolved.gateway().id(), verdict, misplaced));
            }
        }
        next.handleRequest(exchange);
    }

    private static boolean asksForRoute(HttpServerExchange exchange, ResolvedGateway resolved) {
        return resolved.rest().equals("compat/chat/completions")
                && DynamicRoutes.routeRequest(RequestBodies.read(exchange)).isPresent();
    }

    @Override
    public String toString() {
        return "gateway-authentication -> " + next;
    }
}
