package dev.aigw.emulator.internal.provider.fake;

import dev.aigw.emulator.internal.reply.ReplySource;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.util.Map;

/**
 * Stands in for a provider the emulator has no fake for yet: every request gets a 501 with an OpenAI-style
 * error body ({@code type "not_implemented"}, {@code code "no_fake_provider"}) that says how to point the
 * provider at a real upstream. Scripted errors for such a provider get the same OpenAI-style body with the
 * scripted status.
 */
final class NoFakeYet implements FakeProvider {

    private final String slug;

    NoFakeYet(String slug) {
        this.slug = slug;
    }

    /** Returns the builder call that points a provider at a real upstream, for error messages. */
    static String builderHint(String slug) {
        return "AiGatewayEmulator.builder().upstream(\"" + slug + "\", \"http://127.0.0.1:PORT\")";
    }

    /** Returns the message of the 501 for a provider slug. */
    static String message(String slug) {
        return "The emulator has no fake for provider '" + slug + "' yet: configure a real upstream for it, e.g. "
                + builderHint(slug);
    }

    @Override
    public UpstreamReply answer(UpstreamRequest request, ReplySource replies) {
        return OpenAiErrors.reply(501, message(slug), "not_implemented", null, "no_fake_provider", Map.of());
    }

    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        return status < 400 ? answer(request) : OpenAiErrors.forStatus(status, "the requested model");
    }
}
