package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.EmulatorSettings;
import dev.aigw.emulator.internal.EmulatorState;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.Authorizer;
import dev.aigw.emulator.internal.api.ErrorEnvelope;
import dev.aigw.emulator.internal.auth.ManagementAuthenticationHandler;
import dev.aigw.emulator.internal.auth.ManagementAuthorizer;
import dev.aigw.emulator.internal.control.ControlRoutes;
import dev.aigw.emulator.internal.dashboard.DashboardAssets;
import dev.aigw.emulator.internal.dashboard.DashboardHandler;
import dev.aigw.emulator.internal.guard.ContentChecks;
import dev.aigw.emulator.internal.management.ManagementContext;
import dev.aigw.emulator.internal.management.ManagementRoutes;
import dev.aigw.emulator.internal.proxy.AttemptRunner;
import dev.aigw.emulator.internal.proxy.CachingSteps;
import dev.aigw.emulator.internal.proxy.CredentialSteps;
import dev.aigw.emulator.internal.proxy.EndpointResolutionHandler;
import dev.aigw.emulator.internal.proxy.GatewayAuthenticationHandler;
import dev.aigw.emulator.internal.proxy.GatewayLookupHandler;
import dev.aigw.emulator.internal.proxy.LogHandler;
import dev.aigw.emulator.internal.proxy.ProxyHandler;
import dev.aigw.emulator.internal.proxy.RateLimitHandler;
import dev.aigw.emulator.internal.proxy.ReplyWriter;
import dev.aigw.emulator.internal.proxy.RequestIdsHandler;
import dev.aigw.emulator.internal.proxy.RequestLineHandler;
import dev.aigw.emulator.internal.proxy.RunTokens;
import dev.aigw.emulator.internal.proxy.ScreeningSteps;
import dev.aigw.emulator.internal.proxy.ScriptedAttempts;
import dev.aigw.emulator.internal.proxy.SpendCharges;
import dev.aigw.emulator.internal.proxy.SpendChecks;
import dev.aigw.emulator.internal.proxy.StepRunner;
import dev.aigw.emulator.internal.proxy.TranslatingSteps;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import java.time.Duration;

/**
 * Assembles every request path of the emulator, top to bottom. Each surface reads the request's body without
 * blocking first, then runs on the I/O thread that read it until its {@link PlacementHandler}, the one place
 * where it stays there or moves to a worker thread ({@link Placement} holds the rules); everything below is
 * plain blocking code. Each thread's part of a request runs inside its surface's error boundary.
 *
 * <p>The control API first refuses foreign origins ({@link OriginPolicy}): only the test's machine may reach it. So
 * does the dashboard ({@code GET /} asking for HTML, and its files), whose page calls the control and management APIs.
 *
 * <p>The data plane: request ids, the request line (a DEBUG line when the request ends), gateway lookup, gateway
 * authentication, endpoint resolution, placement, then the log (which sees every request that got this far), the
 * rate limit (before the cache, so hits count), and the proxy, whose steps each go through the credential decision,
 * the recording of what they cost once answered, the cache, the budget checks (credits, spend limits: below the
 * cache, so hits are never refused), the Guardrails and DLP checks, the compat translation and the attempts with
 * their retries to the scripted upstream and the provider.
 */
public final class HandlerChain {

    private HandlerChain() {
    }

    /** Builds the root handler of an emulator whose worker-thread requests {@code inFlight} tracks. */
    public static HttpHandler build(EmulatorState state, InFlightRequests inFlight) {
        long maxBody = state.settings().maxBodyBytes();
        Duration readTimeout = state.settings().requestReadTimeout();
        Hints hints = Hints.shown(state.settings().hints());
        WorkerHandOff v4Worker = new WorkerHandOff(inFlight, ErrorEnvelope.V4, hints);
        WorkerHandOff gatewayWorker = new WorkerHandOff(inFlight, ErrorEnvelope.GATEWAY, hints);

        // One stage per line, outermost first; each wraps the ones below it.
        HttpHandler management =
                new RequestBodyHandler(maxBody, readTimeout,
                new ErrorBoundaryHandler(ErrorEnvelope.V4, hints,
                new PlacementHandler(Placement.management(), v4Worker,
                new ManagementAuthenticationHandler(state.credentials(),
                new ApiDispatchHandler("management", () -> ManagementRoutes.table(ManagementContext.of(state)),
                        new ManagementAuthorizer(state.accounts()))))));

        HttpHandler control =
                new RequestBodyHandler(maxBody, readTimeout,
                new ErrorBoundaryHandler(ErrorEnvelope.V4, hints,
                new OriginGuardHandler(OriginPolicy.of(state.settings().host(), state.settings().allowedHosts()),
                new PlacementHandler(Placement.control(), v4Worker,
                new ApiDispatchHandler("control", () -> ControlRoutes.table(state), Authorizer.NONE)))));

        String testId = EmulatorSettings.TEST_ID_HEADER;
        RunTokens runTokens = new RunTokens(state.credentials(), state.accounts());
        StepRunner steps =
                new CredentialSteps(state.providerConfigs(), state.clock(),
                new SpendCharges(state.billing(), state.spend(), state.clock(),
                new CachingSteps(state.cache(),
                new SpendChecks(state.billing(), state.spend(), state.clock(),
                new ScreeningSteps(new ContentChecks(state.scanner()), state.clock(),
                new TranslatingSteps(
                new AttemptRunner(state.clock(), state.journal(),
                new ScriptedAttempts(state.scripts(), state.upstreams(), state.clock()))))))));
        HttpHandler proxy =
                new RequestBodyHandler(maxBody, readTimeout,
                new ErrorBoundaryHandler(ErrorEnvelope.GATEWAY, hints,
                new RequestIdsHandler(state.ids(), state.clock(), testId,
                new RequestLineHandler(state.clock(),
                new GatewayLookupHandler(state.gateways(), state.accounts(), runTokens, state.clock(), state::newUuid,
                new GatewayAuthenticationHandler(runTokens,
                new EndpointResolutionHandler(state.providers(), state.routing(), state.clock(), testId,
                new PlacementHandler(Placement.proxy(state.upstreams(), state.scripts()), gatewayWorker,
                new LogHandler(state.logs(), state.ids(), state.clock(),
                new RateLimitHandler(state.rateLimiter(), state.clock(),
                new ProxyHandler(steps, state.cache(), new ReplyWriter(state.clock()), state.timelines(), state.clock())))))))))));

        HttpHandler unknown =
                new ErrorBoundaryHandler(ErrorEnvelope.V4, hints, exchange -> {
                    throw ApiException.noRoute(exchange.getRequestPath());
                });

        // The dashboard: its page at GET / (when HTML is asked for; anything else there is unknown as before) and its
        // files, behind the same origin checks as the control API it calls.
        HttpHandler dashboard =
                new ErrorBoundaryHandler(ErrorEnvelope.V4, hints,
                new OriginGuardHandler(OriginPolicy.of(state.settings().host(), state.settings().allowedHosts()),
                new DashboardHandler(DashboardAssets::shared)));

        return new PathHandler(unknown)
                .addExactPath("/", DashboardHandler.htmlOr(dashboard, unknown))
                .addPrefixPath(DashboardHandler.ASSET_PREFIX, dashboard)
                .addPrefixPath("/client/v4", management)
                .addPrefixPath("/__emulator", control)
                .addPrefixPath("/v1", proxy);
    }
}
