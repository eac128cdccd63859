package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.provider.ProviderCatalog;
import java.util.List;
import java.util.Map;

/** Plans the OpenAI-compatible endpoint's step (proxy.md 1.5). */
final class CompatSteps {

    private final ProviderCatalog catalog;

    CompatSteps(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    Step step(int index, byte[] body, Map<String, List<String>> headers, GatewayHeaders settings, String accountId) {
        throw ApiException.gateway(400, 2008, GatewayErrors.INVALID_PROVIDER);
    }
}
