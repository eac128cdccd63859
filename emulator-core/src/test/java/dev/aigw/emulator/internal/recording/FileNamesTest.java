package dev.aigw.emulator.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void aNameIsProviderEndpointAndHashWithoutTheVersionSegment() {
        assertThat(FileNames.numbered(FileNames.base("openai", "/v1/chat/completions", "3f2a9c1b"), 1))
                .isEqualTo("openai-chat-completions-3f2a9c1b.json");
        assertThat(FileNames.numbered(FileNames.base("google-ai-studio",
                "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "00ff00ff"), 3))
                .isEqualTo("google-ai-studio-models-gemini-2-5-flash-streamgeneratecontent-00ff00ff-3.json");
    }

    @Test
    void noPathSeparatorOrDotSegmentOfTheRequestReachesTheName() {
        String name = FileNames.numbered(FileNames.base("openai", "/v1/../../etc/passwd/..%2F..\\\\x/./.hidden",
                "0a1b2c3d"), 1);

        assertThat(name).matches("[a-z0-9-]+\\.json").doesNotContain("..").isEqualTo(
                "openai-etc-passwd-2f-x-hidden-0a1b2c3d.json");
        assertThat(FileNames.numbered(FileNames.base("openai", "/", "0a1b2c3d"), 1))
                .isEqualTo("openai-root-0a1b2c3d.json");
        assertThat(FileNames.base("openai", "/" + "x".repeat(500), "0a1b2c3d")).hasSizeLessThan(80);
    }

    @Test
    void laterAnswersToOneRequestReplayInTheirNumberOrder() {
        assertThat(FileNames.orderKey("openai-chat-0a1b2c3d.json"))
                .isLessThan(FileNames.orderKey("openai-chat-0a1b2c3d-2.json"));
        assertThat(FileNames.orderKey("openai-chat-0a1b2c3d-2.json"))
                .isLessThan(FileNames.orderKey("openai-chat-0a1b2c3d-10.json"));
    }
}
