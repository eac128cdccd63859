package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.byok.StoredProviderConfig;
import dev.aigw.emulator.internal.byok.ProviderConfigs;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.gateway.StoredSettings;
import dev.aigw.emulator.internal.provider.CredentialHeader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which credential goes upstream for each step, management-api-2.md 2.3; the first rule that applies wins:
 * <ol>
 *   <li>the request's own key in the provider's credential header (forwarded as it is);</li>
 *   <li>on an authenticated gateway, the stored key of {@code cf-aig-byok-alias}, else of alias {@code default},
 *       else the provider's {@code default_config} (a named alias that does not exist: 400/2040, no fallback;
 *       a key whose {@code rate_limit} is spent: 429/2003), injected into the credential header;</li>
 *   <li>on an authenticated gateway, Unified Billing for a supported provider unless {@code byok_only} or
 *       {@code cf-aig-no-wholesale: true} (the fake answers; nothing is injected);</li>
 *   <li>{@code byok_only} or {@code cf-aig-no-wholesale: true} on a provider other than Workers AI: 400/2040;</li>
 *   <li>otherwise no credential: the provider's own 401 passes through.</li>
 * </ol>
 * Sits above the cache, so a refused request never reaches it. The decision is kept on the step
 * ({@link Step#credential()}) for the journal (2.4).
 */
public final class CredentialSteps implements StepRunner {

    /** The providers Unified Billing covers (proxy.md 3.4). */
    public static final Set<String> UNIFIED_BILLING_PROVIDERS = Set.of(
            "openai", "anthropic", "google-ai-studio", "google-vertex-ai", "grok", "groq");

    private static final String DEFAULT_ALIAS = "default";

    private final ProviderConfigs configs;
    private final EmulatorClock clock;
    private final StepRunner next;

    public CredentialSteps(ProviderConfigs configs, EmulatorClock clock, StepRunner next) {
        this.configs = configs;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public StepResult run(ResolvedGateway gateway, ClientRequest client, Step step, boolean lastStep,
                          TimelineRecorder timeline) throws InterruptedException {
        Step decided = decide(gateway, step);
        return next.run(gateway, client, decided, lastStep, timeline).withCredential(decided.credential());
    }

    /** Returns the step with the credential that goes upstream, or throws the gateway's refusal. */
    Step decide(ResolvedGateway gateway, Step step) {
        String provider = step.provider().slug();
        CredentialHeader header = credentialHeader(step);
        if (step.headers().containsKey(header.name())) {
            return step.withCredential(step.headers(), UpstreamCredential.REQUEST);
        }
        StoredSettings settings = gateway.gateway().settings();
        boolean noWholesale = settings.byokOnly() || step.settings().noWholesale();
        if (settings.authentication()) {
            GatewayRef ref = GatewayRef.of(gateway.gateway());
            Optional<String> named = step.settings().byokAlias();
            Optional<StoredProviderConfig> stored = named.isPresent()
                    ? Optional.of(configs.find(ref, provider, named.get())
                            .orElseThrow(() -> noSuchAlias(ref, provider, named.get())))
                    : configs.find(ref, provider, DEFAULT_ALIAS).or(() -> configs.defaultOf(ref, provider));
            if (stored.isPresent()) {
                return inject(step, header, stored.get());
            }
            if (!noWholesale && UNIFIED_BILLING_PROVIDERS.contains(provider)) {
                return step.withCredential(step.headers(),
                        new UpstreamCredential(UpstreamCredential.Source.UNIFIED_BILLING, null, null, null, null,
                                zdr(settings)));
            }
        }
        if (noWholesale && !"workers-ai".equals(provider)) {
            throw ApiException.gateway(400, 2040, "Provider credentials are required for '" + provider + "'");
        }
        return step.withCredential(step.headers(), UpstreamCredential.NONE);
    }

    private Step inject(Step step, CredentialHeader header, StoredProviderConfig config) {
        if (!configs.tryCall(config, clock.now())) {
            throw ApiException.gateway(429, 2003, "Rate limited");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(step.headers());
        headers.put(header.name(), List.of(header.value(configs.keyOf(config))));
        return step.withCredential(headers, UpstreamCredential.byok(config.id(), config.alias(), config.secretId(),
                config.secretPreview()));
    }

    /** Returns the header that carries a step's credential: a custom provider's is {@code Authorization: Bearer}. */
    static CredentialHeader credentialHeader(Step step) {
        return step.provider().slug().startsWith("custom-") ? CredentialHeader.BEARER : step.provider().credential();
    }

    private ApiException noSuchAlias(GatewayRef ref, String provider, String alias) {
        List<String> aliases = configs.aliases(ref, provider);
        String configured = aliases.isEmpty() ? "none"
                : aliases.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
        return ApiException.gateway(400, 2040, "Provider '" + provider + "' has no BYOK credential named '" + alias
                + "'. Configured aliases: " + configured);
    }

    private static boolean zdr(StoredSettings settings) {
        JsonNode node = settings.members().get("zdr");
        return node != null && node.booleanValue();
    }

    @Override
    public String toString() {
        return "credentials -> " + next;
    }
}
