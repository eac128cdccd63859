package dev.aigw.emulator.internal.provider;

import java.util.Optional;

/** Temporary stand-in until the fake providers land. */
public final class FakeProviders {

    private FakeProviders() {
    }

    public static Optional<FakeProvider> forSlug(String slug) {
        return Optional.empty();
    }
}
