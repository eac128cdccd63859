package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.ProviderSpec;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.compat.CompatTranslation;
import dev.aigw.emulator.internal.provider.registry.ProviderEntry;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.util.Logs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Plans the OpenAI-compatible endpoint's step (proxy.md 1.5): {@code model} is {@code {provider}/{model}},
 * split at the first {@code /}; the request goes to the provider's native API and the answer comes back in
 * OpenAI's shape. A real upstream's translated answer is read whole before it is translated.
 */
final class CompatSteps {

    private static final Logger LOG = Logs.getLogger(CompatSteps.class);

    private final ProviderRegistry providers;
    private final EmulatorClock clock;

    CompatSteps(ProviderRegistry providers, EmulatorClock clock) {
        this.providers = providers;
        this.clock = clock;
    }

    Step step(int index, byte[] body, Map<String, List<String>> headers, GatewayHeaders settings,
              ResolvedGateway gateway) {
        ObjectNode request = object(body);
        JsonNode modelNode = request.get("model");
        String model = modelNode != null && modelNode.isTextual() ? modelNode.textValue() : "";
        int slash = model.indexOf('/');
        if (slash <= 0 || slash == model.length() - 1) {
            throw ApiException.gateway(400, 2005, GatewayErrors.NO_RESPONSE)
                    .withHint(GatewayHints.compatModelWithoutProvider(model));
        }
        String prefix = model.substring(0, slash);
        String bare = model.substring(slash + 1);
        if (prefix.equals("dynamic")) {
            throw ApiException.gateway(400, 2005, "Dynamic route '" + bare + "' not found");
        }
        ProviderEntry provider = providers.findCompat(gateway.accountId(), prefix)
                .orElseThrow(() -> ApiException.gateway(400, 2008, GatewayErrors.INVALID_PROVIDER)
                        .withHint(GatewayHints.unknownCompatProvider(model, prefix, providers.slugs())));
        DotSegments.refuse(bare);
        CompatTranslation.Target target = provider.compatTarget(bare, request);
        DotSegments.refuse(target.path());
        Map<String, List<String>> upstreamHeaders = new LinkedHashMap<>(headers);
        List<String> authorization = upstreamHeaders.remove("authorization");
        String key = authorization == null || authorization.isEmpty() ? ""
                : authorization.get(0).replaceFirst("(?i)^bearer\\s+", "");
        if (!key.isEmpty()) {
            target.upstreamHeaders(key).forEach((name, value) -> upstreamHeaders.put(name, List.of(value)));
        }
        upstreamHeaders.put("content-type", List.of("application/json"));
        ProviderSpec upstream = provider.upstream();
        return new Step(index, upstream, "POST", upstream.exact(target.path(), gateway.accountId()), target.query(),
                upstreamHeaders, target.body(), settings, Steps.retryPolicy(settings, gateway),
                reply -> CompatTranslation.toOpenAi(target, readWhole(reply), clock.now()), bare,
                target.path());
    }

    private static ObjectNode object(byte[] body) {
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (Exception e) {
            throw notAnObject().because(e);
        }
        if (node != null && node.isObject()) {
            return (ObjectNode) node;
        }
        throw notAnObject();
    }

    private static ApiException notAnObject() {
        return ApiException.gateway(400, 2005, "Invalid compat request: the body must be a JSON object");
    }

    /** Reads a real upstream's body whole (events parsed), so that it can be translated like a fake's. */
    private static UpstreamReply readWhole(UpstreamReply reply) {
        if (!(reply.body() instanceof UpstreamReply.Piped piped)) {
            return reply;
        }
        byte[] bytes;
        try (InputStream in = piped.in()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            LOG.debug("The upstream broke off mid-body: there is nothing to translate", e);
            bytes = new byte[0];
        }
        String type = reply.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/event-stream")) {
            return new UpstreamReply(reply.status(), reply.headers(), new UpstreamReply.Full(bytes));
        }
        List<SseEvent> events = new ArrayList<>();
        for (String block : new String(bytes, StandardCharsets.UTF_8).split("\r?\n\r?\n")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\r?\n")) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).trim());
                }
            }
            if (data.length() > 0) {
                events.add(new SseEvent(event, data.toString()));
            }
        }
        return new UpstreamReply(reply.status(), reply.headers(), new UpstreamReply.Stream(events));
    }
}
