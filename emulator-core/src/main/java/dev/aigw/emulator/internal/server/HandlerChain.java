package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.EmulatorSettings;
import dev.aigw.emulator.internal.EmulatorState;
import dev.aigw.emulator.internal.proxy.AttemptRunner;
import dev.aigw.emulator.internal.proxy.CachingSteps;
import dev.aigw.emulator.internal.proxy.EndpointResolutionHandler;
import dev.aigw.emulator.internal.proxy.GatewayAuthenticationHandler;
import dev.aigw.emulator.internal.proxy.GatewayLookupHandler;
import dev.aigw.emulator.internal.proxy.HandOffHandler;
import dev.aigw.emulator.internal.proxy.LogHandler;
import dev.aigw.emulator.internal.proxy.ProxyHandler;
import dev.aigw.emulator.internal.proxy.RateLimitHandler;
import dev.aigw.emulator.internal.proxy.ReplyWriter;
import dev.aigw.emulator.internal.proxy.RequestIdsHandler;
import dev.aigw.emulator.internal.proxy.StepRunner;
import dev.aigw.emulator.internal.proxy.TranslatingSteps;
import dev.aigw.emulator.internal.script.ScriptedAttempts;
import dev.aigw.emulator.internal.proxy.RunTokens;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.Authorizer;
import dev.aigw.emulator.internal.auth.ManagementAuthenticationHandler;
import dev.aigw.emulator.internal.auth.ManagementAuthorizer;
import dev.aigw.emulator.internal.control.ControlRoutes;
import dev.aigw.emulator.internal.management.ManagementContext;
import dev.aigw.emulator.internal.management.ManagementRoutes;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.PathHandler;

/**
 * Assembles every request path of the emulator, top to bottom. Management requests, and control requests
 * other than bodiless reads, are dispatched to a worker thread at once; everything below is plain blocking
 * code. A data-plane request that can be answered without waiting (a body of known length, a fake provider,
 * nothing scripted) is served on the I/O thread that read it; one that may wait moves to a worker thread at
 * the hand-off stage, and a streamed reply moves there before it is written.
 *
 * <p>The data plane: request ids, gateway lookup, gateway authentication, endpoint resolution, the hand-off,
 * then the log (which sees every request that got this far), the rate limit (before the cache, so hits
 * count), and the proxy, whose steps each go through the cache, the compat translation and the attempts with
 * their retries to the scripted upstream and the provider.
 */
public final class HandlerChain {

    private HandlerChain() {
    }

    public static HttpHandler build(EmulatorState state) {
        long maxBody = state.settings().maxBodyBytes();

        HttpHandler management =
                new ErrorBoundaryHandler(ErrorEnvelope.V4,
                        new ManagementAuthenticationHandler(state.credentials(),
                                new ApiDispatchHandler("management", () -> ManagementRoutes.table(managementContext(state)),
                                        new ManagementAuthorizer(state.accounts()), maxBody)));

        HttpHandler control =
                new ErrorBoundaryHandler(ErrorEnvelope.V4,
                        new ApiDispatchHandler("control", () -> ControlRoutes.table(state), Authorizer.NONE, maxBody));

        String testId = EmulatorSettings.TEST_ID_HEADER;
        RunTokens runTokens = new RunTokens(state.credentials(), state.accounts());
        // One stage per line, outermost first; each wraps the ones below it.
        StepRunner steps =
                new CachingSteps(state.cache(),
                new TranslatingSteps(
                new AttemptRunner(state.clock(), state.journal(),
                new ScriptedAttempts(state.scripts(), state.upstreams(), state.clock()))));
        WorkerHandOff toWorker = new WorkerHandOff(state.inFlight(), ErrorEnvelope.GATEWAY);
        HttpHandler proxy =
                new IoThreadEntryHandler(maxBody, toWorker,
                new ErrorBoundaryHandler(ErrorEnvelope.GATEWAY,
                new RequestIdsHandler(state.ids(), state.clock(), testId,
                new GatewayLookupHandler(state.gateways(), state.accounts(), runTokens, state.clock(), state::newUuid,
                new GatewayAuthenticationHandler(runTokens,
                new EndpointResolutionHandler(state.providers(), state.clock(), maxBody, testId,
                new HandOffHandler(state.upstreams(), state.scripts(), toWorker,
                new LogHandler(state.logs(), state.ids(), state.clock(), maxBody,
                new RateLimitHandler(state.rateLimiter(), state.clock(),
                new ProxyHandler(steps, new ReplyWriter(state.clock()), state.timelines(), toWorker))))))))));

        HttpHandler unknown =
                new ErrorBoundaryHandler(ErrorEnvelope.V4, exchange -> {
                    throw ApiException.noRoute(exchange.getRequestPath());
                });

        // The management and control APIs run on worker threads; the data plane decides per request.
        return new PathHandler(unknown)
                .addPrefixPath("/client/v4", new BlockingHandler(management))
                .addPrefixPath("/__emulator", new BodilessGetHandler(control))
                .addPrefixPath("/v1", proxy);
    }

    private static ManagementContext managementContext(EmulatorState state) {
        return new ManagementContext(state.gateways(), state.clock(), state.settings().legacyGatewayFields(),
                state::baseUrl, state::newUuid, state.logs(), state.gatewayChanges());
    }
}
