package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.NOW;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.data;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.events;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.request;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.wire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenAiFakeTest {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":"
            + "\"You are terse.\"},{\"role\":\"user\",\"content\":\"Hello there\"}]}";
    private static final String REPLY = "Emulated reply from gpt-4o-mini to: Hello there";

    private final FakeProvider openAi = new RegisteredFakes().forSlug("openai").orElseThrow();

    @Test
    void chatCompletionHasOpenAisShapeAndTheDeterministicReply() {
        UpstreamReply reply = openAi.answer(post("openai", "/v1/chat/completions", CHAT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsEntry("content-type", "application/json")
                .containsKeys("x-request-id", "openai-processing-ms", "x-ratelimit-remaining-requests");
        JsonNode body = json(reply);
        assertThat(body.get("id").asText()).startsWith("chatcmpl-").hasSize("chatcmpl-".length() + 29);
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("created").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asText()).isEqualTo(REPLY);
        assertThat(choice.get("message").has("refusal")).isTrue();
        assertThat(choice.get("message").get("refusal").isNull()).isTrue();
        assertThat(choice.get("logprobs").isNull()).isTrue();
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(7); // "You are terse.\nHello there" = 26 chars
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(12); // 47 chars
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(19);
        assertThat(usage.get("prompt_tokens_details").get("cached_tokens").asInt()).isZero();
    }

    @Test
    void sameRequestGivesTheSameBytesAndAnotherBodyAnotherId() {
        UpstreamReply first = openAi.answer(post("openai", "/v1/chat/completions", CHAT));
        UpstreamReply second = openAi.answer(post("openai", "/v1/chat/completions", CHAT));
        UpstreamReply other = openAi.answer(post("openai", "/v1/chat/completions", CHAT.replace("Hello", "Bye")));

        assertThat(wire(second)).isEqualTo(wire(first));
        assertThat(second.headers()).isEqualTo(first.headers());
        assertThat(json(other).get("id")).isNotEqualTo(json(first).get("id"));
    }

    @Test
    void maxTokensCutsTheReplyAndReportsLength() {
        UpstreamReply reply = openAi.answer(post("openai", "/v1/chat/completions",
                CHAT.replace("{\"model\"", "{\"max_completion_tokens\":3,\"model\"")));

        JsonNode body = json(reply);
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Emulated rep");
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void chatStreamSendsRoleWordsFinishReasonThenDone() {
        UpstreamReply reply = openAi.answer(post("openai", "/v1/chat/completions",
                CHAT.replace("{\"model\"", "{\"stream\":true,\"model\"")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("content-type")).isEqualTo("text/event-stream");
        List<SseEvent> events = events(reply);
        assertThat(events).allSatisfy(e -> assertThat(e.event()).isNull());
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        List<JsonNode> chunks = data(reply);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.get("id")).isEqualTo(chunks.get(0).get("id"));
            assertThat(c.get("created").asLong()).isEqualTo(NOW.getEpochSecond());
            assertThat(c.has("usage")).isFalse();
        });
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(chunks.get(0).at("/choices/0/delta/content").asText()).isEmpty();
        String content = chunks.stream().map(c -> c.at("/choices/0/delta/content").asText(""))
                .collect(Collectors.joining());
        assertThat(content).isEqualTo(REPLY);
        assertThat(chunks).hasSize(1 + 7 + 1); // role, seven words, finish
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/choices/0/delta").isEmpty()).isTrue();
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(c.at("/choices/0/finish_reason").isNull()).isTrue());
    }

    @Test
    void chatStreamWithIncludeUsageEndsWithAUsageChunkBeforeDone() {
        UpstreamReply reply = openAi.answer(post("openai", "/v1/chat/completions", CHAT.replace("{\"model\"",
                "{\"stream\":true,\"stream_options\":{\"include_usage\":true},\"model\"")));

        List<JsonNode> chunks = data(reply);
        JsonNode usageChunk = chunks.get(chunks.size() - 1);
        assertThat(usageChunk.get("choices")).isEmpty();
        assertThat(usageChunk.at("/usage/total_tokens").asInt()).isEqualTo(19);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.get("usage").isNull()).isTrue());
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        List<SseEvent> events = events(reply);
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    }

    @Test
    void responsesAnswerHasOneMessageItemWithOutputText() {
        UpstreamReply reply = openAi.answer(post("openai", "/v1/responses",
                "{\"model\":\"gpt-4.1\",\"instructions\":\"Be brief.\",\"input\":\"Tell me a joke\"}"));

        JsonNode body = json(reply);
        assertThat(body.get("id").asText()).startsWith("resp_");
        assertThat(body.get("object").asText()).isEqualTo("response");
        assertThat(body.get("created_at").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(body.get("status").asText()).isEqualTo("completed");
        assertThat(body.get("instructions").asText()).isEqualTo("Be brief.");
        for (String required : List.of("error", "incomplete_details", "metadata", "parallel_tool_calls",
                "temperature", "tool_choice", "tools", "top_p")) {
            assertThat(body.has(required)).as(required).isTrue();
        }
        JsonNode item = body.at("/output/0");
        assertThat(item.get("type").asText()).isEqualTo("message");
        assertThat(item.get("id").asText()).startsWith("msg_");
        assertThat(item.get("role").asText()).isEqualTo("assistant");
        assertThat(item.get("status").asText()).isEqualTo("completed");
        assertThat(item.at("/content/0/type").asText()).isEqualTo("output_text");
        assertThat(item.at("/content/0/text").asText()).isEqualTo("Emulated reply from gpt-4.1 to: Tell me a joke");
        assertThat(item.at("/content/0/annotations").isArray()).isTrue();
        assertThat(body.at("/usage/input_tokens").asInt()).isEqualTo(6); // "Be brief.\nTell me a joke" = 24 chars
        assertThat(body.at("/usage/output_tokens_details/reasoning_tokens").asInt()).isZero();
        assertThat(body.at("/usage/input_tokens_details").has("cached_tokens")).isTrue();
        assertThat(body.at("/usage/input_tokens_details").has("cache_write_tokens")).isTrue(); // openai-java 4.x requires it
        assertThat(body.at("/usage/total_tokens").asInt())
                .isEqualTo(body.at("/usage/input_tokens").asInt() + body.at("/usage/output_tokens").asInt());
    }

    @Test
    void responsesStreamSendsNamedEventsInOrderWithSequenceNumbers() {
        UpstreamReply reply = openAi.answer(post("openai", "/v1/responses", "{\"model\":\"gpt-4.1\",\"stream\":true,"
                + "\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Hi you\"}]}]}"));

        List<SseEvent> events = events(reply);
        List<String> names = events.stream().map(SseEvent::event).collect(Collectors.toList());
        assertThat(names).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.done",
                "response.content_part.done", "response.output_item.done", "response.completed");
        List<JsonNode> payloads = data(reply);
        for (int i = 0; i < payloads.size(); i++) {
            assertThat(payloads.get(i).get("type").asText()).isEqualTo(names.get(i));
            assertThat(payloads.get(i).get("sequence_number").asInt()).isEqualTo(i);
        }
        String deltas = payloads.stream().filter(p -> p.get("type").asText().equals("response.output_text.delta"))
                .map(p -> p.get("delta").asText()).collect(Collectors.joining());
        assertThat(deltas).isEqualTo("Emulated reply from gpt-4.1 to: Hi you");
        assertThat(payloads.get(0).at("/response/status").asText()).isEqualTo("in_progress");
        JsonNode completed = payloads.get(payloads.size() - 1).get("response");
        assertThat(completed.get("status").asText()).isEqualTo("completed");
        assertThat(completed.at("/output/0/content/0/text").asText()).isEqualTo(deltas);
        assertThat(events).noneMatch(e -> e.data().equals("[DONE]"));
    }

    @Test
    void embeddingsAreDeterministicUnitVectorsOfTheRequestedSize() {
        UpstreamReply reply = openAi.answer(post("openai", "/v1/embeddings",
                "{\"model\":\"text-embedding-3-small\",\"input\":[\"alpha\",\"beta\"]}"));

        JsonNode body = json(reply);
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(body.get("data")).hasSize(2);
        JsonNode first = body.at("/data/0");
        assertThat(first.get("object").asText()).isEqualTo("embedding");
        assertThat(first.get("index").asInt()).isZero();
        assertThat(first.get("embedding")).hasSize(8);
        double norm = 0;
        for (JsonNode v : first.get("embedding")) {
            norm += v.asDouble() * v.asDouble();
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(body.at("/data/1/embedding")).isNotEqualTo(first.get("embedding"));
        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(3); // "alpha" 2 + "beta" 1
        assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(3);

        JsonNode sized = json(openAi.answer(post("openai", "/v1/embeddings",
                "{\"model\":\"text-embedding-3-small\",\"input\":\"alpha\",\"dimensions\":16}")));
        assertThat(sized.at("/data/0/embedding")).hasSize(16);
    }

    @Test
    void base64EmbeddingsAreLittleEndianFloat32OfTheSameVector() {
        JsonNode floats = json(openAi.answer(post("openai", "/v1/embeddings",
                "{\"model\":\"m\",\"input\":\"alpha\"}")));
        JsonNode encoded = json(openAi.answer(post("openai", "/v1/embeddings",
                "{\"model\":\"m\",\"input\":\"alpha\",\"encoding_format\":\"base64\"}")));

        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(encoded.at("/data/0/embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode v : floats.at("/data/0/embedding")) {
            assertThat(buffer.getFloat()).isEqualTo(v.floatValue());
        }
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void modelsListAndRetrieve() {
        JsonNode list = json(openAi.answer(request("openai", "GET", "/v1/models", "", "")));
        assertThat(list.get("object").asText()).isEqualTo("list");
        assertThat(list.get("data")).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("object").asText()).isEqualTo("model");
            assertThat(m.has("id") && m.has("created") && m.has("owned_by")).isTrue();
        });
        JsonNode one = json(openAi.answer(request("openai", "GET", "/v1/models/gpt-4o", "", "")));
        assertThat(one.get("id").asText()).isEqualTo("gpt-4o");
    }

    @Test
    void badInputGetsOpenAisFourHundreds() {
        UpstreamReply notJson = openAi.answer(post("openai", "/v1/chat/completions", "{nope"));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(json(notJson).at("/error/message").asText()).startsWith("We could not parse the JSON body");
        assertThat(json(notJson).at("/error/type").asText()).isEqualTo("invalid_request_error");

        UpstreamReply noModel = openAi.answer(post("openai", "/v1/chat/completions", "{\"messages\":[]}"));
        assertThat(noModel.status()).isEqualTo(400);
        assertThat(json(noModel).at("/error/message").asText()).isEqualTo("you must provide a model parameter");

        UpstreamReply noMessages = openAi.answer(post("openai", "/v1/chat/completions", "{\"model\":\"gpt-4o\"}"));
        assertThat(noMessages.status()).isEqualTo(400);
        JsonNode error = json(noMessages).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Missing required parameter: 'messages'.");
        assertThat(error.get("param").asText()).isEqualTo("messages");
        assertThat(error.get("code").asText()).isEqualTo("missing_required_parameter");

        UpstreamReply empty = openAi.answer(post("openai", "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[]}"));
        assertThat(json(empty).at("/error/code").asText()).isEqualTo("empty_array");
    }

    @Test
    void unknownPathOrMethodIsInvalidUrlWithAHint() {
        UpstreamReply reply = openAi.answer(post("openai", "/v1/audio/speech", "{}"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(json(reply).at("/error/message").asText()).startsWith("Invalid URL (POST /v1/audio/speech).")
                .contains("AiGatewayEmulator.builder().upstream(\"openai\", \"http://127.0.0.1:PORT\")");
        assertThat(openAi.answer(request("openai", "GET", "/v1/chat/completions", "", "")).status()).isEqualTo(404);
    }

    @Test
    void rateLimitErrorCarriesRetryAfterAndRateLimitHeaders() {
        UpstreamReply reply = openAi.error(429, post("openai", "/v1/chat/completions", CHAT));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers()).containsEntry("retry-after", "1")
                .containsEntry("x-ratelimit-limit-requests", "500")
                .containsEntry("x-ratelimit-remaining-requests", "0")
                .containsEntry("x-ratelimit-reset-requests", "1s")
                .containsEntry("content-type", "application/json");
        JsonNode error = json(reply).get("error");
        assertThat(error.get("message").asText()).contains("gpt-4o-mini");
        assertThat(error.get("type").asText()).isEqualTo("requests");
        assertThat(error.get("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(error.has("param")).isTrue();
    }

    @Test
    void serverErrorsHaveOpenAisShapes() {
        var request = post("openai", "/v1/chat/completions", CHAT);
        assertThat(json(openAi.error(500, request)).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(json(openAi.error(503, request)).at("/error/message").asText())
                .isEqualTo("The engine is currently overloaded, please try again later.");
        JsonNode badGateway = json(openAi.error(502, request)).get("error");
        assertThat(badGateway.get("type").asText()).isEqualTo("cf_bad_gateway");
        assertThat(badGateway.get("code").asInt()).isEqualTo(502);
        assertThat(json(openAi.error(504, request)).at("/error/type").asText()).isEqualTo("cf_gateway_timeout");
        assertThat(openAi.error(418, request).status()).isEqualTo(418);
        assertThat(json(openAi.error(401, request)).at("/error/code").asText()).isEqualTo("invalid_api_key");
    }

    @Test
    void azureTakesTheModelFromTheDeployment() {
        FakeProvider azure = new RegisteredFakes().forSlug("azure-openai").orElseThrow();
        UpstreamReply reply = azure.answer(request("azure-openai", "POST",
                "/openai/deployments/my-gpt/chat/completions", "api-version=2024-10-21",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));

        assertThat(json(reply).at("/choices/0/message/content").asText()).isEqualTo("Emulated reply from my-gpt to: Hi");
    }

    @Test
    void openAiCompatibleProvidersMatchOnThePathTail() {
        RegisteredFakes fakes = new RegisteredFakes();
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                + "{\"type\":\"text\",\"text\":\"b\"}]}]}";
        for (String[] slugAndPath : List.of(new String[] {"groq", "/openai/v1/chat/completions"},
                new String[] {"mistral", "/v1/chat/completions"}, new String[] {"deepseek", "/chat/completions"},
                new String[] {"openrouter", "/api/v1/chat/completions"},
                new String[] {"perplexity-ai", "/chat/completions"}, new String[] {"grok", "/v1/chat/completions"},
                new String[] {"cerebras", "/v1/chat/completions"})) {
            UpstreamReply reply = fakes.forSlug(slugAndPath[0]).orElseThrow()
                    .answer(post(slugAndPath[0], slugAndPath[1], body));
            assertThat(reply.status()).as(slugAndPath[0]).isEqualTo(200);
            assertThat(json(reply).at("/choices/0/message/content").asText()).isEqualTo("Emulated reply from m to: a b");
        }
        UpstreamReply responses = fakes.forSlug("groq").orElseThrow().answer(post("groq", "/openai/v1/responses", body));
        assertThat(responses.status()).isEqualTo(404);
        assertThat(json(fakes.forSlug("groq").orElseThrow().error(429, post("groq", "/x", body)))
                .at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
    }
}
