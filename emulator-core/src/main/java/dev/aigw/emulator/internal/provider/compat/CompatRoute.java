package dev.aigw.emulator.internal.provider.compat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.provider.CredentialHeader;
import java.util.Objects;

/**
 * How a provider answers the OpenAI-compatible endpoint: the dialect its native API speaks and the path of that
 * API below the provider's upstream base (for {@link CompatTranslation.Dialect#GOOGLE}, where its models live).
 *
 * @param dialect the native API family the request is translated into
 * @param path the native path, without a leading {@code /}, e.g. {@code chat/completions} or {@code v1/messages}
 */
public record CompatRoute(CompatTranslation.Dialect dialect, String path) {

    public CompatRoute {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Maps an OpenAI Chat Completions request for a model of provider {@code slug} (whose native credential
     * header is {@code credential}) to its native request.
     */
    public CompatTranslation.Target target(String slug, CredentialHeader credential, String model,
                                           ObjectNode openAiRequest) {
        boolean stream = openAiRequest.path("stream").asBoolean(false);
        boolean includeUsage = stream && openAiRequest.path("stream_options").path("include_usage").asBoolean(false);
        CompatTranslation.NativeCall call = dialect.call(path, model, openAiRequest, stream);
        return new CompatTranslation.Target(slug, call.model(), call.path(), call.query(), call.body(), stream,
                includeUsage, dialect, dialect.credential(credential));
    }
}
