package dev.aigw.emulator;

/** Lists what the gateway's content checks read: the client's prompt, or the model's response. */
public enum ScanTarget {
    /** The request as it goes to the provider (DLP calls this check {@code REQUEST}). */
    PROMPT("REQUEST"),
    /** The provider's successful response as the client would get it (DLP's check {@code RESPONSE}). */
    RESPONSE("RESPONSE");

    private final String dlpCheck;

    ScanTarget(String dlpCheck) {
        this.dlpCheck = dlpCheck;
    }

    /** Returns the name a DLP policy's {@code check} and the {@code cf-aig-dlp} header give it. */
    public String dlpCheck() {
        return dlpCheck;
    }
}
