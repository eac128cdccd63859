package dev.aigw.emulator;

/** Names a permission an API token can hold, as Cloudflare's dashboard names it. */
public enum Permission {
    /** {@code AI Gateway - Read}: every GET of the management API. */
    READ("AI Gateway - Read"),
    /** {@code AI Gateway - Edit}: every write of the management API (and every read). */
    EDIT("AI Gateway - Edit"),
    /** {@code AI Gateway - Run}: what {@code cf-aig-authorization} carries to an authenticated gateway. */
    RUN("AI Gateway - Run");

    private final String label;

    Permission(String label) {
        this.label = label;
    }

    /** Returns the dashboard's name of this permission, e.g. {@code AI Gateway - Read}. */
    public String label() {
        return label;
    }
}
