package dev.aigw.emulator;

import java.util.Locale;
import java.util.Optional;

/**
 * Which credential one upstream attempt carried (management-api-2.md 2.3 and 2.4), so a test can assert which
 * stored key went out without reading secrets back. Members that do not apply to the source are {@code null}.
 *
 * <pre>{@code
 * RecordedRequest sent = emulator.takeRequest();
 * assertThat(sent.credential().source()).isEqualTo(UpstreamCredential.Source.BYOK);
 * assertThat(sent.credential().alias()).isEqualTo("team-a");
 * }</pre>
 *
 * @param source where the credential came from
 * @param providerConfigId the stored key's provider config id ({@link Source#BYOK} only)
 * @param alias the stored key's alias ({@link Source#BYOK} only)
 * @param secretId the stored key's Secrets Store id ({@link Source#BYOK} only)
 * @param secretPreview the stored key's masked form, e.g. {@code sk-...abcd} ({@link Source#BYOK} only)
 * @param zdr whether Zero Data Retention was on ({@link Source#UNIFIED_BILLING} only)
 */
public record UpstreamCredential(Source source, String providerConfigId, String alias, String secretId,
                                 String secretPreview, Boolean zdr) {

    /** The request brought its own key. */
    public static final UpstreamCredential REQUEST = new UpstreamCredential(Source.REQUEST, null, null, null, null,
            null);
    /** No credential went upstream. */
    public static final UpstreamCredential NONE = new UpstreamCredential(Source.NONE, null, null, null, null, null);

    /** Where an upstream credential came from. */
    public enum Source {
        /** The client's own key in the provider's credential header. */
        REQUEST,
        /** A key stored on the gateway (a provider config). */
        BYOK,
        /** Cloudflare's key, paid with Unified Billing credits. */
        UNIFIED_BILLING,
        /** None: the provider answers as it does to a request without a key. */
        NONE;

        /** Returns the name the control API uses, e.g. {@code unified_billing}. */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the source of a control-API name, if it is one. */
        public static Optional<Source> fromApiName(String name) {
            for (Source s : values()) {
                if (s.apiName().equals(name)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** Returns the credential of a stored key. */
    public static UpstreamCredential byok(String providerConfigId, String alias, String secretId,
                                          String secretPreview) {
        return new UpstreamCredential(Source.BYOK, providerConfigId, alias, secretId, secretPreview, null);
    }
}
