package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeds odd bodies to every fake: each must answer a client error or a success, never fail with a 500. */
class OddInputTest {

    private static final List<String> BODIES = List.of("", "null", "[]", "42", "{}", "{\"model\":5}",
            "{\"model\":\"m\",\"messages\":\"x\"}", "{\"model\":\"m\",\"messages\":[1,null,{}]}",
            "{\"model\":\"m\",\"max_tokens\":-3,\"messages\":[{\"role\":\"user\",\"content\":{\"weird\":true}}]}",
            "{\"model\":\"m\",\"stream\":true,\"max_tokens\":1,\"messages\":[{\"role\":\"user\"}]}",
            "{\"model\":\"m\",\"stream\":true,\"input\":[{\"role\":\"user\",\"content\":null}],\"prompt\":7}",
            "{\"contents\":[{\"parts\":[{\"inlineData\":{}}]}],\"generationConfig\":{\"maxOutputTokens\":\"x\"}}",
            "{\"inputs\":[1,2],\"text\":5,\"input\":[[1,2],[3]],\"message\":\"\",\"stream\":\"yes\"}");
    private static final List<String> PATHS = List.of("/v1/chat/completions", "/v1/responses", "/v1/embeddings",
            "/v1/messages", "/v1/messages/count_tokens", "/client/v4/accounts/a/ai/run/@cf/meta/llama",
            "/client/v4/accounts/a/ai/run/@cf/baai/bge-base-en-v1.5", "/client/v4/accounts/a/ai/v1/chat/completions",
            "/v1beta/models/g:generateContent", "/v1beta/models/g:streamGenerateContent",
            "/v1beta/models/g:embedContent", "/v1beta/models/g:countTokens", "/models/a/b", "/v2/chat", "/v1/chat",
            "/", "");

    @Test
    void noFakeAnswersOddInputWithAServerError() {
        RegisteredFakes fakes = new RegisteredFakes();
        for (String slug : fakes.slugs()) {
            FakeProvider fake = fakes.forSlug(slug).orElseThrow();
            for (String path : PATHS) {
                for (String body : BODIES) {
                    UpstreamReply reply = fake.answer(request(slug, "POST", path, "alt=sse", body));
                    assertThat(reply.status()).as(slug + " " + path + " " + body).isNotEqualTo(500)
                            .isBetween(200, 501);
                }
            }
        }
    }
}
