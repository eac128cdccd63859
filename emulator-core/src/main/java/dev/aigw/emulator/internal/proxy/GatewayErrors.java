package dev.aigw.emulator.internal.proxy;

/** The messages of the gateway's own errors (proxy.md 9.2), in one place. */
public final class GatewayErrors {

    public static final String NO_GATEWAY = "Please configure AI Gateway in the Cloudflare dashboard";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String INVALID_PROVIDER = "Invalid provider";
    public static final String NO_RESPONSE = "Failed to get response from provider";
    public static final String RATE_LIMITED = "Rate limited";

    private GatewayErrors() {
    }
}
