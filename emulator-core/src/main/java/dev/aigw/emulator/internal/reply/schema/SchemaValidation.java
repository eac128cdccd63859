package dev.aigw.emulator.internal.reply.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.BoundedMemo;
import dev.aigw.emulator.internal.util.Logs;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates JSON against a JSON Schema with networknt's json-schema-validator, in the dialect the schema's
 * {@code $schema} names (draft-04, -06, -07, 2019-09, 2020-12), else 2020-12, with formats asserted. It never
 * reaches the network: a reference outside the schema is a violation. Compiled schemas are remembered (up to
 * {@value #REMEMBERED} of them, each up to {@value #REMEMBERED_LENGTH} characters). Thread-safe.
 */
final class SchemaValidation {

    static {
        Logs.prepareForLibraryLoggers();
    }

    private static final int REMEMBERED = 256;
    private static final int REMEMBERED_LENGTH = 65_536;

    /** A schema ready to apply, or why it cannot be. */
    private record Compiled(JsonSchema schema, String problem) {
    }

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.metaSchemas(Stream.of(JsonMetaSchema.getV4(), JsonMetaSchema.getV6(), JsonMetaSchema.getV7(),
                            JsonMetaSchema.getV201909(), JsonMetaSchema.getV202012())
                            // An unknown keyword is an annotation, as the specification says, without the warning
                            // the library logs for each (a vendor's "x-..." keyword is no problem of the user's).
                            .map(m -> JsonMetaSchema.builder(m)
                                    .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                                    .build())
                            .toList())
                    .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                            iri -> iri.toString().startsWith("classpath:")))));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ENGLISH)
            .build();
    private final BoundedMemo<Compiled> compiled = new BoundedMemo<>(REMEMBERED, this::compile);

    /** Returns why {@code json} does not validate against {@code schema}, one line each; empty when it does. */
    List<String> violations(String schema, String json) {
        Compiled c = schema == null || schema.length() > REMEMBERED_LENGTH ? compile(schema) : compiled.get(schema);
        if (c.problem() != null) {
            return List.of(c.problem());
        }
        JsonNode instance;
        try {
            instance = Json.parse(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            return List.of("$: not JSON (" + e.getOriginalMessage() + ")");
        }
        if (instance.isMissingNode()) {
            return List.of("$: not JSON (the text is empty)");
        }
        try {
            return c.schema().validate(instance).stream().map(ValidationMessage::getMessage).toList();
        } catch (JsonSchemaException e) {
            return List.of("the schema cannot be applied: " + e.getMessage());
        }
    }

    private Compiled compile(String schema) {
        if (schema == null) {
            return new Compiled(null, "there is no schema (null)");
        }
        JsonNode node;
        try {
            node = Json.parse(schema);
        } catch (JsonProcessingException e) {
            return new Compiled(null, "the schema is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node.isMissingNode()) {
            return new Compiled(null, "the schema is empty; it must be a JSON object");
        }
        if (!node.isObject() && !node.isBoolean()) {
            return new Compiled(null, "the schema is not a JSON object");
        }
        if (node.isObject() && node.has("$schema") && knownDialect(node).isEmpty()) {
            // An unknown dialect would be fetched from its URI; apply 2020-12 instead.
            ((ObjectNode) node).remove("$schema");
        }
        try {
            return new Compiled(factory.getSchema(node, config), null);
        } catch (JsonSchemaException | IllegalArgumentException e) {
            return new Compiled(null, "the schema cannot be applied: " + e.getMessage());
        }
    }

    private static Optional<SpecVersion.VersionFlag> knownDialect(JsonNode schema) {
        return SpecVersionDetector.detectOptionalVersion(schema, false);
    }
}
