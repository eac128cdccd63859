package dev.aigw.emulator.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenAiChatFormatTest {

    @Test
    void theStreamedCompletionIsByteForByteTheTreeOne() {
        String content = "Emulated reply to: \"quotes\", \\ back-slashes, \u00e9t\u00e9, a tab\t and \u2028 a separator";
        ObjectNode tree = OpenAiChatFormat.completion("chatcmpl-abc", 1_767_225_600L, "gpt-4o-mini",
                OpenAiChatFormat.message(content), "length", OpenAiChatFormat.usage(7, 12, 0));
        tree.put("service_tier", "default");
        tree.put("system_fingerprint", "fp_28e9eea59a");

        byte[] written = OpenAiChatFormat.completionBytes("chatcmpl-abc", 1_767_225_600L, "gpt-4o-mini", content,
                "length", 7, 12, "fp_28e9eea59a");

        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(Json.text(tree));
    }
}
