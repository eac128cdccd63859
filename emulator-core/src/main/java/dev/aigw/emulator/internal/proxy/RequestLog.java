package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ErrorEnvelope;
import dev.aigw.emulator.internal.cache.CacheStatus;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.log.CustomCost;
import dev.aigw.emulator.internal.log.LogStore;
import dev.aigw.emulator.internal.log.Prices;
import dev.aigw.emulator.internal.log.StringPool;
import dev.aigw.emulator.internal.log.Usage;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes the log entries of one client request (proxy.md 7, 4.7): one entry for a provider or compat request,
 * one per step tried on the universal endpoint, each when its step ends (the answering step just before the
 * client sees the end of the response). Logged when {@code cf-aig-collect-log} (else the gateway's
 * {@code collect_logs}) says so; {@code cf-aig-collect-log-payload: false} keeps the bodies out. [E] choices:
 * an entry starts where the previous step ended (step 0 at arrival), so a request's entries partition its time;
 * a step with no HTTP response is logged as the gateway's 400/2005; an entry whose bodies exceed 10 MB is not
 * stored (proxy.md 7.3), nor one that a full log with {@code STOP_INSERTING} refuses, though the client got
 * its id.
 *
 * <p>One per request, used by the request's thread only.
 */
public final class RequestLog {

    /** The largest entry stored, bodies included: 10 MB (proxy.md 7.3). */
    public static final long MAX_ENTRY_BYTES = 10L * 1024 * 1024;

    private final LogStore store;
    private final Ids ids;
    private final EmulatorClock clock;
    private final ResolvedGateway gateway;
    private final ClientRequest client;
    private final ProxyPlan plan;
    private final byte[] clientBody;
    private final String clientContentType;
    private final String userAgent;
    private final Map<Integer, String> idsByStep = new HashMap<>();
    private final Map<Integer, ScanOutcome> scans = new HashMap<>();
    private Instant stepStart;
    private boolean stepEnded;
    private String lastId;

    /** Starts the log of a request whose steps are planned; {@code clientBody} is the body the client sent. */
    public RequestLog(LogStore store, Ids ids, EmulatorClock clock, ResolvedGateway gateway, ClientRequest client,
                      ProxyPlan plan, byte[] clientBody, String clientContentType, String userAgent) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.gateway = gateway;
        this.client = client;
        this.plan = plan;
        this.clientBody = clientBody;
        this.clientContentType = clientContentType;
        this.userAgent = userAgent;
        this.stepStart = client.arrivedAt();
    }

    /** Tells whether a step is logged: its {@code cf-aig-collect-log}, else the gateway's {@code collect_logs}. */
    public boolean enabled(Step step) {
        return step.settings().collectLog().orElse(gateway.gateway().settings().collectLogs());
    }

    /**
     * Returns a logged step's id, the {@code cf-aig-log-id}: the request id for step 0 and for every model a compat
     * request's dynamic route calls (one log per client request, management-api-2.md 4.6), a new id for each later
     * universal step.
     */
    public String idFor(Step step) {
        if (step.index() == 0 || plan.kind() != ProxyPlan.Kind.UNIVERSAL) {
            return client.requestId();
        }
        return idsByStep.computeIfAbsent(step.index(), i -> ids.next());
    }

    /** Returns the id of the latest entry written, if any. */
    public Optional<String> lastId() {
        return Optional.ofNullable(lastId);
    }

    /** Keeps what the content checks found in a step, for its entry; a later call replaces an earlier one. */
    public void scanned(Step step, ScanOutcome outcome) {
        scans.put(step.index(), outcome);
    }

    /** Returns what the content checks found in a step so far. */
    public ScanOutcome scan(Step step) {
        return scans.getOrDefault(step.index(), ScanOutcome.NONE);
    }

    /** Logs a step the gateway's content checks blocked, with the error the client gets. */
    public void blocked(Step step, ApiException error) {
        logError(step, error);
    }

    /** Logs the step whose reply the client got, once the reply is complete. */
    public void answered(Step step, StepResult result, WrittenReply written) {
        write(step, written.status(), result.cacheStatus() == CacheStatus.HIT, result.wholesale(),
                written.contentType(), written.body(), written.size());
    }

    /** Logs a step that did not answer the client: a reply passed over for a fallback, or no reply at all. */
    public void gaveUp(Step step, StepResult result) {
        if (result.result() instanceof AttemptResult.Replied replied) {
            UpstreamReply reply = replied.reply();
            byte[] body = bytes(reply.body());
            write(step, reply.status(), false, result.wholesale(), reply.headers().get("content-type"), body,
                    body == null ? 0 : body.length);
        } else {
            logError(step, ApiException.gateway(400, 2005, GatewayErrors.NO_RESPONSE));
        }
    }

    /** Logs a step the gateway answered itself with {@code error} (a dynamic route that called no model). */
    public void refused(Step step, ApiException error) {
        logError(step, error);
    }

    /** Logs a gateway error raised before any step ended (the rate limit), as the first step's entry. */
    public void rejected(ApiException error) {
        if (!stepEnded) {
            logError(plan.steps().get(0), error);
        }
    }

    private void logError(Step step, ApiException error) {
        byte[] body = Json.bytes(ErrorEnvelope.GATEWAY.render(error));
        write(step, error.status(), false, false, "application/json", body, body.length);
    }

    private void write(Step step, int status, boolean cached, boolean wholesale, String responseType,
                       byte[] responseBody, long responseSize) {
        Instant start = stepStart;
        Instant end = clock.now();
        stepStart = end;
        stepEnded = true;
        if (!enabled(step)) {
            return;
        }
        String id = idFor(step);
        lastId = id;
        boolean payload = step.settings().collectLogPayload().orElse(true);
        byte[] requestBody = plan.kind() == ProxyPlan.Kind.COMPAT ? clientBody : step.body();
        if (payload && requestBody.length + responseSize > MAX_ENTRY_BYTES) {
            return;
        }
        StringPool strings = store.strings();
        byte[] keptResponse = payload ? responseBody : null;
        LogEntry entry = new LogEntry(id, start, step.provider().slug(), strings.of(step.model()),
                strings.of(step.endpoint()), plan.kind().requestType(), step.index(), status,
                status >= 200 && status < 300, cached, Duration.between(start, end).toMillis(), null, null, 0, false,
                metadata(step), client.eventId(), strings.of(userAgent), gateway.gateway().settings().authentication(),
                wholesale,
                new LogEntry.Payload(strings.of(requestType(step)), requestBody.length, payload ? requestBody : null),
                new LogEntry.Payload(strings.of(responseType), responseSize, keptResponse), null, null, scan(step));
        // Reading the usage out of the body and pricing it waits for the first read of the entry; without the
        // payload the body is not kept, so then it happens now.
        Usage known = payload ? null : Usage.of(responseType, responseBody);
        store.append(GatewayRef.of(gateway.gateway()), id,
                new Unpriced(entry, keptResponse, cached ? Optional.empty() : step.settings().customCost(), known),
                gateway.gateway().settings().logLimit());
    }

    /**
     * A stored entry whose usage and cost are read and priced on its first read: reading the usage out of every
     * response body when it is logged cost 5 to 17 % of bench/README's throughput figures in the same runs, enough
     * to take the proxy under 0.70 of bare Undertow's throughput. {@code responseBody} is the entry's own stored
     * body, held here because the entry only hands out copies. Its inputs are bounded when the request is read
     * ({@link CustomCost}, counts that fit an int), so finishing an entry is cheap and cannot fail.
     */
    private record Unpriced(LogEntry entry, byte[] responseBody, Optional<CustomCost> customCost, Usage known)
            implements Supplier<LogEntry> {

        @Override
        public LogEntry get() {
            Usage usage = known != null ? known : Usage.of(entry.response().contentType(), responseBody);
            Optional<Double> custom = customCost.map(c -> c.price(usage));
            double cost = entry.cached() ? 0 : custom.orElseGet(() -> Prices.listPrice(entry.model(), usage));
            LogEntry e = entry;
            return new LogEntry(e.id(), e.createdAt(), e.provider(), e.model(), e.path(), e.requestType(), e.step(),
                    e.statusCode(), e.success(), e.cached(), e.durationMillis(), usage.tokensIn(), usage.tokensOut(),
                    cost, custom.isPresent(), e.metadata(), e.eventId(), e.userAgent(), e.authenticated(),
                    e.wholesale(), e.request(), e.response(), e.feedback(), e.score(), e.scan());
        }
    }

    private String requestType(Step step) {
        if (plan.kind() != ProxyPlan.Kind.UNIVERSAL) {
            return clientContentType;
        }
        List<String> type = step.headers().get("content-type");
        return type == null || type.isEmpty() ? null : type.get(0);
    }

    private static String metadata(Step step) {
        if (step.settings().metadata().isEmpty()) {
            return null;
        }
        ObjectNode object = Json.object();
        step.settings().metadata().forEach(object::set);
        return Json.text(object);
    }

    private static byte[] bytes(UpstreamReply.Body body) {
        if (body instanceof UpstreamReply.Full full) {
            return full.bytes();
        }
        if (body instanceof UpstreamReply.Stream stream) {
            return stream.bytes();
        }
        return null;
    }
}
