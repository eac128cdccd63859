package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.internal.provider.PathStyle;
import dev.aigw.emulator.internal.provider.ProviderSpec;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.retry.RetryPolicy;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One upstream call the gateway may make for a client request, with its own retries.
 *
 * @param index the 0-based step index ({@code cf-aig-step})
 * @param provider the provider addressed
 * @param method the HTTP method sent upstream
 * @param target the real provider's origin and path
 * @param query the raw query string, or empty
 * @param headers the headers sent upstream (lower-case names, gateway headers stripped)
 * @param body the body sent upstream
 * @param settings the {@code cf-aig-*} settings in force for this step (step headers over request headers)
 * @param retry the step's retry policy: its settings over its gateway's Retry Requests settings
 * @param translation turns the provider's reply into what the client gets (identity but on compat)
 * @param model the model the request names, or {@code null} when it names none
 * @param endpoint the provider path as the log reports it, without a leading {@code /} (e.g. {@code chat/completions})
 * @param credential which credential went upstream (management-api-2.md 2.4), or {@code null} before it was decided
 */
public record Step(int index, ProviderSpec provider, String method, PathStyle.Target target, String query,
                   Map<String, List<String>> headers, byte[] body, GatewayHeaders settings,
                   RetryPolicy retry, UnaryOperator<UpstreamReply> translation, String model, String endpoint,
                   UpstreamCredential credential) {

    public Step {
        headers = Map.copyOf(headers);
    }

    /** A step whose credential is not decided yet. */
    public Step(int index, ProviderSpec provider, String method, PathStyle.Target target, String query,
                Map<String, List<String>> headers, byte[] body, GatewayHeaders settings,
                RetryPolicy retry, UnaryOperator<UpstreamReply> translation, String model, String endpoint) {
        this(index, provider, method, target, query, headers, body, settings, retry, translation, model, endpoint,
                null);
    }

    /** Returns this step with the headers that go upstream and the credential they carry. */
    public Step withCredential(Map<String, List<String>> upstreamHeaders, UpstreamCredential used) {
        return new Step(index, provider, method, target, query, upstreamHeaders, body, settings, retry, translation,
                model, endpoint, used);
    }

    /** Returns the real provider's URL, query included. */
    public String url() {
        return target.origin() + target.path() + (query.isEmpty() ? "" : "?" + query);
    }
}
