package dev.aigw.emulator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks management responses against Cloudflare's official OpenAPI document
 * ({@code openapi-ai-gateway.json}) and against the emulator's own v4 envelope
 * ({@code v4-envelope.schema.json}, management-api.md section 2).
 *
 * <p>The operation is found by method and path template; its response schema for the actual status (or
 * {@code default}) is applied in the OpenAPI 3.0 dialect, so {@code nullable} is honoured. Two kinds of
 * answers have no official schema to meet, and only the envelope schema applies to them: statuses the
 * operation does not declare (403, 405, 413, a 404 where only 200/400 are declared) and errors of the v4
 * front door (authentication, routing), which Cloudflare answers before the AI Gateway service sees the
 * request and which the operations' 400 schemas do not describe (those require {@code path} and an
 * object {@code result}; the front door sends neither, management-api.md 1.4). Every verdict is counted,
 * and the counts are written to {@code target/openapi-contract-coverage.txt} when the JVM ends.
 *
 * <p>Thread-safe.
 */
public final class OpenApiContract {

    /** Error codes of the v4 front door (management-api.md 1.4 and 2.4). */
    static final Set<Integer> FRONT_DOOR_CODES = Set.of(6003, 9103, 9106, 9109, 10000, 7003, 10405);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final OpenApiContract OFFICIAL = new OpenApiContract(
            resource("/openapi-ai-gateway.json"), resource("/v4-envelope.schema.json"));

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OFFICIAL::writeCoverage, "openapi-contract-coverage"));
    }

    private final String serverPrefix;
    private final List<Operation> operations;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final JsonSchema envelope;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> coverage = new ConcurrentHashMap<>();

    /** What became of one response. */
    public sealed interface Verdict {

        /** Says in one line what was checked. */
        String describe();

        /** The operation's schema for this status was applied and passed. */
        record Validated(String operationId, String status) implements Verdict {
            @Override
            public String describe() {
                return "validated  " + operationId + " " + status;
            }
        }

        /** The operation declares no schema for this status (nor a default); only the envelope was checked. */
        record NotDeclared(String operationId, int status) implements Verdict {
            @Override
            public String describe() {
                return "undeclared " + operationId + " " + status;
            }
        }

        /** A v4 front-door error, which the operation schemas do not describe; only the envelope was checked. */
        record FrontDoor(String operationId, int status, int code) implements Verdict {
            @Override
            public String describe() {
                return "front-door " + operationId + " " + status + "/" + code;
            }
        }

        /** No operation of the document has this method and path; only the envelope was checked. */
        record NoOperation(String method, int status) implements Verdict {
            @Override
            public String describe() {
                return "no-operation " + method + " " + status;
            }
        }
    }

    private record Operation(String method, String template, Pattern pattern, int params, JsonNode node) {
        String id() {
            return node.path("operationId").asText(method + " " + template);
        }
    }

    OpenApiContract(JsonNode document, JsonNode envelopeSchema) {
        // The extract's vendor keywords ("x-auditable", ...) are annotations, without a logged warning for each.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
        this.config = SchemaValidatorsConfig.builder()
                .nullableKeywordEnabled(true)
                .formatAssertionsEnabled(true)
                .build();
        this.serverPrefix = URI.create(document.path("servers").path(0).path("url").asText("/")).getPath();
        this.operations = operations(document);
        this.envelope = factory.getSchema(envelopeSchema, config);
    }

    /** Returns the contract of {@code openapi-ai-gateway.json}, shared by every test. */
    public static OpenApiContract official() {
        return OFFICIAL;
    }

    /**
     * Checks one response and returns what was checked; throws {@link AssertionError} naming every violation.
     *
     * @param method the request method
     * @param requestPath the request path as sent, e.g. {@code /client/v4/accounts/abc/ai-gateway/gateways?page=2}
     * @param status the response status
     * @param body the parsed response body
     */
    public Verdict check(String method, String requestPath, int status, JsonNode body) {
        requireValid("the v4 envelope (v4-envelope.schema.json)", envelope, method, requestPath, status, body);
        Verdict verdict = checkOperation(method.toUpperCase(Locale.ROOT), pathOnly(requestPath), status, body,
                requestPath);
        coverage.computeIfAbsent(verdict.describe(), ignored -> new LongAdder()).increment();
        return verdict;
    }

    /**
     * Checks a response served without the v4 envelope (a stored log body, management-api.md L5/L6) against
     * its operation's schema only; throws {@link AssertionError} naming every violation.
     */
    public Verdict checkWithoutEnvelope(String method, String requestPath, int status, JsonNode body) {
        Verdict verdict = checkOperation(method.toUpperCase(Locale.ROOT), pathOnly(requestPath), status, body,
                requestPath);
        coverage.computeIfAbsent(verdict.describe(), ignored -> new LongAdder()).increment();
        return verdict;
    }

    /** Returns how often each verdict was reached so far, sorted by verdict. */
    public Map<String, Long> coverage() {
        Map<String, Long> snapshot = new TreeMap<>();
        coverage.forEach((k, v) -> snapshot.put(k, v.sum()));
        return snapshot;
    }

    private Verdict checkOperation(String method, String path, int status, JsonNode body, String requestPath) {
        Operation operation = find(method, path);
        if (operation == null) {
            return new Verdict.NoOperation(method, status);
        }
        JsonNode responses = operation.node().path("responses");
        String key = responses.has(String.valueOf(status)) ? String.valueOf(status) : "default";
        JsonNode schema = responses.path(key).path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return new Verdict.NotDeclared(operation.id(), status);
        }
        int code = body.path("errors").path(0).path("code").asInt(-1);
        if (!body.path("success").asBoolean(true) && FRONT_DOOR_CODES.contains(code)) {
            return new Verdict.FrontDoor(operation.id(), status, code);
        }
        JsonSchema compiledSchema = compiled.computeIfAbsent(operation.id() + " " + key,
                ignored -> factory.getSchema(schema, config));
        requireValid("operation " + operation.id() + " response " + key, compiledSchema, method, requestPath, status,
                body);
        return new Verdict.Validated(operation.id(), key);
    }

    private Operation find(String method, String path) {
        if (!path.startsWith(serverPrefix)) {
            return null;
        }
        String relative = path.substring(serverPrefix.length());
        return operations.stream()
                .filter(o -> o.method().equals(method) && o.pattern().matcher(relative).matches())
                .findFirst()
                .orElse(null);
    }

    private static void requireValid(String what, JsonSchema schema, String method, String requestPath, int status,
                                     JsonNode body) {
        Set<ValidationMessage> messages = schema.validate(body);
        if (!messages.isEmpty()) {
            throw new AssertionError("The response to " + method + " " + requestPath + " (HTTP " + status
                    + ") does not match " + what + ":\n  "
                    + messages.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n  "))
                    + "\nbody: " + body.toPrettyString());
        }
    }

    private static List<Operation> operations(JsonNode document) {
        List<Operation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            StringBuilder regex = new StringBuilder();
            int params = 0;
            for (String segment : template.substring(1).split("/", -1)) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                    params++;
                } else {
                    regex.append(Pattern.quote(segment));
                }
            }
            for (String method : METHODS) {
                if (entry.getValue().has(method)) {
                    found.add(new Operation(method.toUpperCase(Locale.ROOT), template,
                            Pattern.compile(regex.toString()), params, entry.getValue().get(method)));
                }
            }
        }
        // A literal segment beats a parameter: /custom-providers/costs is not /custom-providers/{id}.
        found.sort(Comparator.comparingInt(Operation::params));
        return List.copyOf(found);
    }

    private static String pathOnly(String requestPath) {
        int query = requestPath.indexOf('?');
        return query < 0 ? requestPath : requestPath.substring(0, query);
    }

    private void writeCoverage() {
        Path target = Path.of("target");
        if (coverage.isEmpty() || !Files.isDirectory(target)) {
            return;
        }
        String report = coverage().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%6d  %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(target.resolve("openapi-contract-coverage.txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Only a report for humans; the tests already passed or failed on their own.
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
