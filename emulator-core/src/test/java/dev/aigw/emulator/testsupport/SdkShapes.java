package dev.aigw.emulator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks responses of operations the OpenAPI extract lacks against fixtures written from the SDK's typings
 * ({@code src/test/resources/sdk-shapes/*.json}, one schema per SDK method).
 */
public final class SdkShapes {

    private static final JsonNode DYNAMIC_ROUTING = OpenApiContract.resource("/sdk-shapes/dynamic-routing.json");
    private static final JsonNode EVALUATIONS = OpenApiContract.resource("/sdk-shapes/evaluations.json");
    private static final JsonNode BILLING = OpenApiContract.resource("/sdk-shapes/billing.json");
    private static final JsonSchemaFactory FACTORY = factory();

    private SdkShapes() {
    }

    /** Checks {@code value} against the dynamic-routing fixture {@code key} (e.g. {@code "create.result"}). */
    public static JsonNode checkDynamicRouting(String key, JsonNode value) {
        return check(DYNAMIC_ROUTING, key, value);
    }

    /** Checks {@code value} against the datasets-and-evaluations fixture {@code key} (e.g. {@code "datasets.get.result"}). */
    public static JsonNode checkEvaluations(String key, JsonNode value) {
        return check(EVALUATIONS, key, value);
    }

    /** Checks {@code value} against the billing fixture {@code key} (an SDK method under {@code billing}). */
    public static JsonNode checkBilling(String key, JsonNode value) {
        return check(BILLING, key, value);
    }

    private static JsonNode check(JsonNode fixtures, String key, JsonNode value) {
        JsonNode schema = fixtures.get(key);
        if (schema == null) {
            throw new IllegalArgumentException("no fixture " + key);
        }
        Set<ValidationMessage> messages = FACTORY.getSchema(schema).validate(value);
        if (!messages.isEmpty()) {
            throw new AssertionError("does not match the SDK shape " + key + ":\n  " + messages.stream()
                    .map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n  "))
                    + "\nvalue: " + value.toPrettyString());
        }
        return value;
    }

    private static JsonSchemaFactory factory() {
        JsonMetaSchema dialect = OpenApi30.getInstance();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
    }
}
