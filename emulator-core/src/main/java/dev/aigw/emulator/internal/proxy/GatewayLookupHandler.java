package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayBodies;
import dev.aigw.emulator.internal.gateway.GatewayStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the gateway of {@code /v1/{account_id}/{gateway_id}/...}. A missing {@code default} gateway is
 * created, exactly once, by the first request that carries a valid {@code cf-aig-authorization}; every
 * other missing gateway (and an unknown account) is 400/2001 (proxy.md 1.6, 2.3).
 */
public final class GatewayLookupHandler implements HttpHandler {

    private final GatewayStore gateways;
    private final Set<String> knownAccounts;
    private final RunTokens runTokens;
    private final EmulatorClock clock;
    private final Supplier<String> internalIds;
    private final HttpHandler next;

    public GatewayLookupHandler(GatewayStore gateways, Set<String> knownAccounts, RunTokens runTokens,
                                EmulatorClock clock, Supplier<String> internalIds,
                                HttpHandler next) {
        this.gateways = gateways;
        this.knownAccounts = Set.copyOf(knownAccounts);
        this.runTokens = runTokens;
        this.clock = clock;
        this.internalIds = internalIds;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String uri = exchange.getRequestURI();
        String path = uri.startsWith("/v1/") ? uri.substring(4) : "";
        int first = path.indexOf('/');
        int second = first < 0 ? -1 : path.indexOf('/', first + 1);
        String account = first < 0 ? path : path.substring(0, first);
        String gatewayId = first < 0 ? "" : second < 0 ? path.substring(first + 1) : path.substring(first + 1, second);
        String rest = second < 0 ? null : path.substring(second + 1);
        if (account.isEmpty() || gatewayId.isEmpty()) {
            throw ApiException.gateway(404, 2001, GatewayErrors.NO_GATEWAY).withHint(GatewayHints.noGatewayInPath());
        }
        if (rest != null) {
            DotSegments.refuse(rest);
        }
        if (!knownAccounts.contains(account)) {
            throw ApiException.gateway(400, 2001, GatewayErrors.NO_GATEWAY)
                    .withHint(GatewayHints.unknownAccount(account, knownAccounts));
        }
        Gateway gateway = gateways.find(account, gatewayId)
                .or(() -> autoCreateDefault(exchange, account, gatewayId))
                .orElseThrow(() -> ApiException.gateway(400, 2001, GatewayErrors.NO_GATEWAY)
                        .withHint(noGatewayHint(exchange, account, gatewayId)));
        exchange.putAttachment(ProxyAttachments.GATEWAY,
                new ResolvedGateway(account, gateway, rest == null ? "" : rest));
        next.handleRequest(exchange);
    }

    private Optional<Gateway> autoCreateDefault(HttpServerExchange exchange, String account, String gatewayId) {
        if (!Gateway.DEFAULT_ID.equals(gatewayId)
                || !runTokens.isValid(exchange.getRequestHeaders().getFirst(RunTokens.HEADER), account)) {
            return Optional.empty();
        }
        return gateways.getOrCreate(account, Gateway.DEFAULT_ID, () -> {
            Instant now = clock.now();
            return new Gateway(account, Gateway.DEFAULT_ID, GatewayBodies.forAutoCreatedDefault(), true, now, now,
                    internalIds.get());
        });
    }

    private String noGatewayHint(HttpServerExchange exchange, String account, String gatewayId) {
        if (!Gateway.DEFAULT_ID.equals(gatewayId)) {
            return GatewayHints.noGateway(account, gatewayId);
        }
        RunTokens.Verdict verdict = runTokens.check(exchange.getRequestHeaders().getFirst(RunTokens.HEADER), account);
        return GatewayHints.noDefaultGateway(account, verdict, runTokens.misplacedInAuthorization(exchange, account));
    }

    /** Tells whether a path has a {@code .} or {@code ..} segment, which would escape the provider's base. */
    @Override
    public String toString() {
        return "gateway-lookup -> " + next;
    }
}
