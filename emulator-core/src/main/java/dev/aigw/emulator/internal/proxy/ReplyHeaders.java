package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.cache.CacheStatus;
import dev.aigw.emulator.internal.guard.ScanOutcomeJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's own headers on a relayed reply (proxy.md 3.2): {@code cf-aig-log-id} when the step is logged,
 * {@code cf-aig-cache-status} when caching was effective, {@code cf-aig-dlp} when a DLP profile matched, {@code cf-aig-step} on the universal endpoint, and
 * {@code cf-aig-provider} / {@code cf-aig-model} on the compat endpoint.
 */
final class ReplyHeaders {

    /** The header naming the log entry. */
    static final String LOG_ID = "cf-aig-log-id";

    /** The header saying whether the cache answered. */
    static final String CACHE_STATUS = "cf-aig-cache-status";

    private ReplyHeaders() {
    }

    static Map<String, String> of(ProxyPlan plan, Step step, RequestLog log, CacheStatus cache) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (log.enabled(step)) {
            headers.put(LOG_ID, log.idFor(step));
        }
        if (cache.header() != null) {
            headers.put(CACHE_STATUS, cache.header());
        }
        ScanOutcomeJson.dlpHeader(log.scan(step)).ifPresent(value -> headers.put(ScanOutcomeJson.DLP_HEADER, value));
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
}
