package dev.aigw.emulator.internal;

import java.util.Objects;

/**
 * Selects recorded requests or queued script steps by provider, gateway and test id: a part that is {@code null}
 * selects everything, a part that is set selects exactly that value.
 *
 * @param provider the provider slug, or {@code null}
 * @param gatewayId the gateway id, or {@code null}
 * @param testId the test id, or {@code null}
 */
public record ScopeFilter(String provider, String gatewayId, String testId) {

    /** Tells whether something of this provider, gateway and test id (each possibly {@code null}) is selected. */
    public boolean matches(String provider, String gatewayId, String testId) {
        return selects(this.provider, provider) && selects(this.gatewayId, gatewayId) && selects(this.testId, testId);
    }

    private static boolean selects(String wanted, String actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }
}
