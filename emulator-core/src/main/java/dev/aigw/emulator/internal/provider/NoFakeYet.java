package dev.aigw.emulator.internal.provider;

/** Temporary stand-in until the fake providers land. */
public final class NoFakeYet implements FakeProvider {
    private final String slug;

    public NoFakeYet(String slug) {
        this.slug = slug;
    }

    @Override
    public UpstreamReply answer(UpstreamRequest request) {
        return error(501, request);
    }

    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        return new UpstreamReply(status, java.util.Map.of("content-type", "application/json"),
                new UpstreamReply.Full(("{\"error\":{\"message\":\"no fake for " + slug + "\"}}").getBytes()));
    }
}
