package dev.aigw.emulator.internal.provider.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    private final ProviderRegistry providers = ProviderRegistry.withBuiltIns();

    @Test
    void aCompatAliasFindsItsProviderButIsNoPathSlug() {
        assertThat(providers.findCompat("perplexity").orElseThrow().slug()).isEqualTo("perplexity-ai");
        assertThat(providers.findCompat("perplexity-ai").orElseThrow().slug()).isEqualTo("perplexity-ai");
        assertThat(providers.find("perplexity")).isEmpty();
    }

    @Test
    void aSlugOrAliasThatNamesAProviderAlreadyIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> providers.register(ProviderEntry.provider("groq").upstream("https://x.test").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'groq' already names provider 'groq'; register 'groq' under other names");
        assertThatThrownBy(() -> providers.register(ProviderEntry.provider("acme").upstream("https://x.test")
                .compatAlias("perplexity").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'perplexity' already names provider 'perplexity-ai'; register 'acme' under other names");

        assertThat(providers.find("acme")).isEmpty();
        assertThat(providers.find("groq").orElseThrow().upstream().origin()).isEqualTo("https://api.groq.com");
    }

    @Test
    void providersRegisteredFromManyThreadsAtOnceAreAllKept() {
        List<CompletableFuture<Void>> registrations = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.runAsync(() -> providers.register(
                        ProviderEntry.provider("custom-p" + i).upstream("https://p" + i + ".test").build())))
                .toList();
        registrations.forEach(CompletableFuture::join);

        IntStream.range(0, 16).forEach(i -> assertThat(providers.find("custom-p" + i)).isPresent());
        assertThat(providers.slugs()).hasSize(26 + 16);
    }

    @Test
    void aDeclarationWithoutAnUpstreamOrWithAMalformedSlugIsRefused() {
        assertThatThrownBy(() -> ProviderEntry.provider("acme").build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("provider 'acme' needs an upstream origin: call upstream(..)");
        assertThatThrownBy(() -> ProviderEntry.provider("Acme/1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got: Acme/1");
    }
}
