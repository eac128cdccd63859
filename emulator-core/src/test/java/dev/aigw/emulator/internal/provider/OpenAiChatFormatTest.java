package dev.aigw.emulator.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiChatFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "chatcmpl-abc | gpt-4o-mini | stop | 0 | 0 | plain text",
        "chatcmpl-\"q\" | m\u00f6del/\\x | length | 2147483647 | 1 | \"quotes\", \\ back-slashes, \u00e9t\u00e9, a\ttab, \u2028, \u0001 and \ud83d\ude00",
    })
    void theWrittenCompletionIsByteForByteTheTreeOne(String id, String model, String finish, int prompt,
                                                     int completion, String content) {
        ObjectNode tree = OpenAiChatFormat.completion(id, 1_767_225_600L, model,
                OpenAiChatFormat.message(content), finish, OpenAiChatFormat.usage(prompt, completion, 0));
        tree.put("service_tier", "default");
        tree.put("system_fingerprint", "fp_28e9eea59a");

        byte[] written = OpenAiChatFormat.completionBytes(id, 1_767_225_600L, model, content, finish, prompt,
                completion, "fp_28e9eea59a");

        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(Json.text(tree));
    }
}
