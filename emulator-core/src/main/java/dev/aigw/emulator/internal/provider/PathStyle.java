package dev.aigw.emulator.internal.provider;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a provider turns the path after its slug into an upstream origin and path (proxy.md 1.2 and the
 * normalisations of 1.2.1, kept here in one place).
 */
public enum PathStyle {

    /** {@code {base}/{rest}}. */
    PLAIN {
        @Override
        Optional<Target> map(ProviderSpec p, String rest, String accountId) {
            return Optional.of(new Target(p.origin(), p.basePath() + "/" + rest));
        }
    },

    /** Base ends in {@code /v1}: a rest that starts with {@code v1/} is joined without doubling it. */
    DEDUPE_V1 {
        @Override
        Optional<Target> map(ProviderSpec p, String rest, String accountId) {
            String tail = rest.equals("v1") ? "" : rest.startsWith("v1/") ? rest.substring(3) : rest;
            return Optional.of(new Target(p.origin(), p.basePath() + "/" + tail));
        }
    },

    /** Base without a version: a rest that does not start with {@code v1/} gets it prefixed. */
    PREFIX_V1 {
        @Override
        Optional<Target> map(ProviderSpec p, String rest, String accountId) {
            String tail = rest.startsWith("v1/") ? rest : "v1/" + rest;
            return Optional.of(new Target(p.origin(), p.basePath() + "/" + tail));
        }
    },

    /** Model paths go to {@code .../ai/run/{model}}, OpenAI-style {@code v1/...} paths to {@code .../ai/v1/...}. */
    WORKERS_AI {
        @Override
        String basePath(ProviderSpec p, String accountId) {
            return "/client/v4/accounts/" + accountId + "/ai";
        }

        @Override
        public String modelInPath(String rest) {
            return rest.startsWith("@") ? rest : super.modelInPath(rest);
        }

        @Override
        Optional<Target> map(ProviderSpec p, String rest, String accountId) {
            String ai = "/client/v4/accounts/" + accountId + "/ai";
            return Optional.of(new Target(p.origin(), rest.startsWith("v1/") ? ai + "/" + rest : ai + "/run/" + rest));
        }
    },

    /** {@code {resource}/{deployment}/{rest}} to {@code https://{resource}.openai.azure.com/openai/deployments/{deployment}/{rest}}. */
    AZURE {
        @Override
        Optional<Target> map(ProviderSpec p, String rest, String accountId) {
            String[] parts = rest.split("/", 3);
            if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Target("https://" + parts[0] + ".openai.azure.com",
                    "/openai/deployments/" + parts[1] + "/" + parts[2]));
        }
    },

    /** The region comes from {@code locations/{region}}; {@code global} has no region prefix. */
    VERTEX {
        @Override
        Optional<Target> map(ProviderSpec p, String rest, String accountId) {
            Matcher m = Pattern.compile("/locations/([^/]+)/").matcher("/" + rest);
            if (!m.find()) {
                return Optional.empty();
            }
            String region = m.group(1);
            String origin = region.equals("global") ? "https://aiplatform.googleapis.com"
                    : "https://" + region + "-aiplatform.googleapis.com";
            return Optional.of(new Target(origin, "/" + rest));
        }
    },

    /** {@code bedrock-runtime/{region}/{rest}} and {@code bedrock-mantle/{region}/{rest}}. */
    BEDROCK {
        @Override
        Optional<Target> map(ProviderSpec p, String rest, String accountId) {
            String[] parts = rest.split("/", 3);
            if (parts.length < 3 || parts[1].isEmpty()) {
                return Optional.empty();
            }
            return switch (parts[0]) {
                case "bedrock-runtime" -> Optional.of(
                        new Target("https://bedrock-runtime." + parts[1] + ".amazonaws.com", "/" + parts[2]));
                case "bedrock-mantle" -> Optional.of(
                        new Target("https://bedrock-mantle." + parts[1] + ".api.aws", "/" + parts[2]));
                default -> Optional.empty();
            };
        }
    };

    /** Maps the rest of the path; empty when the path cannot address this provider. */
    abstract Optional<Target> map(ProviderSpec provider, String rest, String accountId);

    /**
     * Returns the model a path after the slug names, or {@code null}: the segment after {@code models/} (up to
     * a {@code :}), or for Workers AI a path that is a model id itself ({@code @cf/...}).
     */
    public String modelInPath(String rest) {
        int models = rest.indexOf("models/");
        if (models < 0) {
            return null;
        }
        String tail = rest.substring(models + "models/".length());
        int end = tail.indexOf(':');
        return end >= 0 ? tail.substring(0, end) : tail;
    }

    /** Returns the path the slug stands for, below the origin (e.g. {@code /v1} for OpenAI). */
    String basePath(ProviderSpec provider, String accountId) {
        return provider.basePath();
    }

    /** Where a request goes: the real provider's origin ({@code https://host}) and path. */
    public record Target(String origin, String path) {
    }
}
