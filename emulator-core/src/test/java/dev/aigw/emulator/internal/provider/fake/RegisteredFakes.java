package dev.aigw.emulator.internal.provider.fake;

import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.registry.ProviderEntry;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import java.util.Optional;
import java.util.Set;

/** Finds the fakes of the built-in providers as the proxy does: through a provider registry. */
final class RegisteredFakes {

    private final ProviderRegistry providers = ProviderRegistry.withBuiltIns();

    Optional<FakeProvider> forSlug(String slug) {
        return providers.find(slug).map(ProviderEntry::fake);
    }

    Set<String> slugs() {
        return providers.slugs();
    }
}
