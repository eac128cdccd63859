package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the plan's steps in order until one succeeds (a 2xx reply) and relays that reply; when all fail,
 * the client gets the last step's reply, or 400/2005 if it produced none (proxy.md 1.4, 4.5). Records the
 * request's timeline.
 */
public final class ProxyHandler implements HttpHandler {

    private final AttemptRunner attempts;
    private final ReplyWriter writer;
    private final Timelines timelines;
    private final Ids ids;

    public ProxyHandler(AttemptRunner attempts, ReplyWriter writer, Timelines timelines, Ids ids) {
        this.attempts = attempts;
        this.writer = writer;
        this.timelines = timelines;
        this.ids = ids;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ResolvedGateway gateway = exchange.getAttachment(ProxyAttachments.GATEWAY);
        ClientRequest client = exchange.getAttachment(ProxyAttachments.CLIENT_REQUEST);
        ProxyPlan plan = exchange.getAttachment(ProxyAttachments.PLAN);
        TimelineRecorder timeline = new TimelineRecorder(client.arrivedAt());
        List<Step> steps = plan.steps();
        for (Step step : steps) {
            boolean last = step.index() == steps.size() - 1;
            AttemptResult result = attempts.run(gateway, client, step, last, timeline);
            if (result instanceof AttemptResult.Replied replied) {
                UpstreamReply reply = replied.reply();
                if (isSuccess(reply) || last) {
                    Map<String, String> headers = gatewayHeaders(plan, step, gateway, client);
                    timelines.add(timeline.finish(client, gateway, headers.get("cf-aig-log-id"), reply.status()));
                    writer.write(exchange, step.translation().apply(reply), replied.delivery(), headers);
                    return;
                }
                ReplyWriter.discard(reply);
            } else if (last) {
                timelines.add(timeline.finish(client, gateway, null, 400));
                throw ApiException.gateway(400, 2005, GatewayErrors.NO_RESPONSE);
            }
        }
    }

    private Map<String, String> gatewayHeaders(ProxyPlan plan, Step step, ResolvedGateway gateway, ClientRequest client) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (step.settings().collectLog().orElse(gateway.gateway().collectLogs())) {
            headers.put("cf-aig-log-id", step.index() == 0 ? client.requestId() : ids.next());
        }
        if (plan.kind() == ProxyPlan.Kind.UNIVERSAL) {
            headers.put("cf-aig-step", String.valueOf(step.index()));
        }
        if (plan.kind() == ProxyPlan.Kind.COMPAT) {
            headers.put("cf-aig-provider", step.provider().slug());
            if (step.model() != null) {
                headers.put("cf-aig-model", step.model());
            }
        }
        return headers;
    }

    static boolean isSuccess(UpstreamReply reply) {
        return reply.status() >= 200 && reply.status() < 300;
    }

    @Override
    public String toString() {
        return "proxy";
    }
}
