package dev.aigw.emulator.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Json} reads and writes trees without an {@code ObjectMapper}; these tests hold it to what the mapper it
 * stands for reads and writes: the same trees, node types included, the same errors and the same bytes.
 */
class JsonTest {

    /** The mapper {@link Json} used to be, as configured then. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],\"stream\":false}",
        "{\"a\":{\"b\":{\"c\":[[],[{}],{\"d\":null}]}},\"e\":[1,-2,2147483648,-9223372036854775809,1.50,1e3,-0.0]}",
        "[1, 2.0, 3.14159265358979323846264338327950288, 1E-400, 12345678901234567890123, true, false, null]",
        "{\"text\":\"\\u00e9t\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\n\\t\\u0001\",\"empty\":\"\",\"\":0}",
        "\"a string\"", "42", "-7.250", "true", "null", "", "   ", "[]", "{}", " [ { } ] ",
    })
    void readsWhatTheMapperReads(String json) throws Exception {
        JsonNode expected = MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));

        for (JsonNode read : new JsonNode[] {Json.parse(json.getBytes(StandardCharsets.UTF_8)), Json.parse(json)}) {
            assertSameTree(read, expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{", "}", "[1,]", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":2}}", "{} {}", "{\"a\":1}x", "[1] 2",
        "tru", "nul", "\"abc", "01", "1.", "-", "{\"a\" 1}", "{a:1}", "[1 2]", "{\"a\":}", "\u00ff", "NaN",
        "'single'", "[\"\\x\"]", "{\"a\":1,}",
    })
    void refusesWhatTheMapperRefusesWithTheSameMessage(String json) {
        JsonProcessingException expected = catchThrowableOfType(JsonProcessingException.class,
                () -> MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8)));
        JsonProcessingException expectedFromText = catchThrowableOfType(JsonProcessingException.class,
                () -> MAPPER.readTree(json));
        JsonProcessingException fromBytes = catchThrowableOfType(JsonProcessingException.class,
                () -> Json.parse(json.getBytes(StandardCharsets.UTF_8)));
        JsonProcessingException fromText = catchThrowableOfType(JsonProcessingException.class, () -> Json.parse(json));

        assertThat(expected).as("the mapper refuses %s", json).isNotNull();
        assertThat(fromBytes).isInstanceOf(expected.getClass());
        assertThat(fromBytes.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
        assertThat(fromText).isInstanceOf(expectedFromText.getClass());
        assertThat(fromText.getOriginalMessage()).isEqualTo(expectedFromText.getOriginalMessage());
    }

    @Test
    void refusesNestingDeeperThanTheParserAllowsAsTheMapperDoes() {
        String deep = "[".repeat(1001) + "]".repeat(1001);

        JsonProcessingException expected = catchThrowableOfType(JsonProcessingException.class,
                () -> MAPPER.readTree(deep));
        JsonProcessingException actual = catchThrowableOfType(JsonProcessingException.class, () -> Json.parse(deep));

        assertThat(actual).isInstanceOf(expected.getClass());
        assertThat(actual.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
    }

    @Test
    void writesTheBytesTheMapperWrites() throws Exception {
        ObjectNode tree = Json.object();
        tree.put("int", 7).put("long", 1L << 40).put("short", (short) 3).put("float", 1.5f).put("double", 0.1)
                .put("decimal", new BigDecimal("12.500")).put("big", new BigInteger("123456789012345678901234567890"))
                .put("text", "\u00e9 \ud83d\ude00 \"q\" \\ \n \u0001 \u2028").put("yes", true).put("binary",
                        new byte[] {0, 1, 2, (byte) 255}).putNull("nothing");
        tree.putArray("array").add(1).add("two").addNull().addObject().putArray("empty");
        tree.set("parsed", Json.parse("{\"x\":[1.0,2e5,-3],\"y\":{\"z\":\"w\"}}"));

        assertThat(Json.bytes(tree)).isEqualTo(MAPPER.writeValueAsBytes(tree));
        // Json.text decodes those bytes (a character beyond the BMP stays escaped, as writeValueAsString would not).
        assertThat(Json.text(tree)).isEqualTo(new String(MAPPER.writeValueAsBytes(tree), StandardCharsets.UTF_8));
        assertThat(Json.bytes(Json.nodes().missingNode())).isEqualTo(MAPPER.writeValueAsBytes(Json.nodes().missingNode()));
    }

    /** Asserts equal trees whose nodes are of the same classes, so that numbers keep their types and scales. */
    private static void assertSameTree(JsonNode actual, JsonNode expected) throws Exception {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        assertThat(MAPPER.writeValueAsString(actual)).isEqualTo(MAPPER.writeValueAsString(expected));
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> members = actual.fields();
            for (Map.Entry<String, JsonNode> member : expected.properties()) {
                Map.Entry<String, JsonNode> got = members.next();
                assertThat(got.getKey()).isEqualTo(member.getKey());
                assertSameTree(got.getValue(), member.getValue());
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(actual.get(i), expected.get(i));
            }
        }
    }
}
