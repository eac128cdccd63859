package dev.aigw.emulator.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Reads and writes JSON trees: duplicate keys and trailing tokens are malformed input, numbers keep their exact
 * text.
 *
 * <p>Trees are read and written over Jackson's streaming parser and generator, not through an
 * {@code ObjectMapper}: setting a mapper up loads some 300 classes, which the emulator's first request paid for
 * in a fresh JVM. Without it, bench/README's "cold start" figure went from 0.91 s to 0.78 s (bare Undertow:
 * 0.57 s), a 14 % cut. {@code JsonTest} holds this class to what a mapper configured as it promises
 * ({@code STRICT_DUPLICATE_DETECTION}, {@code FAIL_ON_TRAILING_TOKENS}, {@code USE_BIG_DECIMAL_FOR_FLOATS},
 * trailing zeros kept) reads and writes, error messages included.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** Parses bytes into a tree; throws {@link JsonProcessingException} on malformed input. */
    public static JsonNode parse(byte[] bytes) throws JsonProcessingException {
        return read(() -> FACTORY.createParser(bytes));
    }

    /** Parses a string into a tree; throws {@link JsonProcessingException} on malformed input. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return read(() -> FACTORY.createParser(text));
    }

    /** Serialises a tree to UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        try (ByteArrayBuilder out = new ByteArrayBuilder()) {
            try (JsonGenerator generator = FACTORY.createGenerator(out)) {
                write(generator, node);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Serialises a tree to a compact string. */
    public static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Returns the factory of every node this class makes, for single values. */
    public static JsonNodeFactory nodes() {
        return NODES;
    }

    /** Returns the factory that reads and writes JSON here, for code that reads or writes a stream of tokens. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** Opens a parser on some input. */
    private interface Input {
        JsonParser open() throws IOException;
    }

    private static JsonNode read(Input input) throws JsonProcessingException {
        try (JsonParser parser = input.open()) {
            return read(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one value and makes sure nothing follows it; empty input is the missing node. */
    private static JsonNode read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return NODES.missingNode();
        }
        JsonNode root = first.isStructStart() ? container(parser, first) : scalar(parser, first);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            // Word for word what the mapper reports, since messages reach API replies.
            throw MismatchedInputException.from(parser, JsonNode.class, "Trailing token (of type " + trailing
                    + ") found after value (bound as `" + JsonNode.class.getName() + "`): not allowed as per"
                    + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        }
        return root;
    }

    /**
     * Reads the object or array that starts at {@code start}, with a stack of its open containers, asking the
     * parser for names and values as the mapper does (its messages for a malformed value depend on it).
     */
    private static ContainerNode<?> container(JsonParser parser, JsonToken start) throws IOException {
        ContainerNode<?> root = newContainer(start);
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        ContainerNode<?> current = root;
        while (current != null) {
            JsonNode value;
            if (current instanceof ObjectNode object) {
                String name = parser.nextFieldName();
                if (name == null) {
                    current = open.poll();
                    continue;
                }
                value = valueAt(parser, parser.nextToken());
                object.replace(name, value);
            } else {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    current = open.poll();
                    continue;
                }
                value = valueAt(parser, token);
                ((ArrayNode) current).add(value);
            }
            if (value instanceof ContainerNode<?> child) {
                open.push(current);
                current = child;
            }
        }
        return root;
    }

    /** Returns the scalar at {@code token}, or the empty container it starts, to be filled by the caller. */
    private static JsonNode valueAt(JsonParser parser, JsonToken token) throws IOException {
        return token != null && token.isStructStart() ? newContainer(token) : scalar(parser, token);
    }

    private static ContainerNode<?> newContainer(JsonToken start) {
        return start == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "Unexpected end-of-input");
        }
        switch (token) {
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(parser, "Unexpected token (" + token + ")");
        }
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT:
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    generator.writeFieldName(member.getKey());
                    write(generator, member.getValue());
                }
                generator.writeEndObject();
                break;
            case ARRAY:
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
                break;
            case STRING:
                generator.writeString(node.textValue());
                break;
            case NUMBER:
                writeNumber(generator, node);
                break;
            case BOOLEAN:
                generator.writeBoolean(node.booleanValue());
                break;
            case BINARY:
                generator.writeBinary(node.binaryValue());
                break;
            case NULL:
            case MISSING:
                generator.writeNull();
                break;
            default:
                throw new IllegalArgumentException("a tree holding a " + node.getNodeType() + " node is not JSON");
        }
    }

    private static void writeNumber(JsonGenerator generator, JsonNode number) throws IOException {
        switch (number.numberType()) {
            case INT:
                generator.writeNumber(number.intValue());
                break;
            case LONG:
                generator.writeNumber(number.longValue());
                break;
            case BIG_INTEGER:
                generator.writeNumber(number.bigIntegerValue());
                break;
            case FLOAT:
                generator.writeNumber(number.floatValue());
                break;
            case DOUBLE:
                generator.writeNumber(number.doubleValue());
                break;
            default:
                generator.writeNumber(number.decimalValue());
        }
    }
}
