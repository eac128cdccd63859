package dev.aigw.emulator.internal.provider.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.OpenAiChatFormat;
import dev.aigw.emulator.internal.provider.SseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates between OpenAI Chat Completions and Anthropic Messages. Requests: system and developer messages
 * become {@code system} (joined by blank lines); user and assistant content becomes text and image blocks;
 * assistant {@code tool_calls} become {@code tool_use} blocks and {@code tool} messages {@code tool_result}
 * blocks (consecutive messages of one role are merged); {@code max_completion_tokens}, else
 * {@code max_tokens}, else {@value #DEFAULT_MAX_TOKENS} becomes {@code max_tokens}; {@code temperature}
 * (capped at 1), {@code top_p}, {@code stop}, {@code user}, {@code tools} (with {@code strict}) and
 * {@code tool_choice} map to their Anthropic twins, and a {@code json_schema} {@code response_format} becomes
 * {@code output_config.format}. Answers: text blocks joined become the message content, {@code tool_use} blocks
 * {@code tool_calls}; {@code stop_reason} maps end_turn/stop_sequence/pause_turn → stop, max_tokens → length,
 * tool_use → tool_calls, refusal → content_filter; prompt tokens are input plus cache read and cache creation
 * tokens.
 */
final class AnthropicCompat {

    /** The {@code max_tokens} sent when the OpenAI request sets none [E: the real gateway's default is unknown]. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    private AnthropicCompat() {
    }

    static ObjectNode request(String model, ObjectNode openAi) {
        ObjectNode out = Json.object();
        out.put("model", model);
        JsonNode max = openAi.hasNonNull("max_completion_tokens") ? openAi.get("max_completion_tokens")
                : openAi.get("max_tokens");
        out.put("max_tokens", max != null && max.canConvertToInt() ? max.intValue() : DEFAULT_MAX_TOKENS);
        List<String> system = new ArrayList<>();
        ArrayNode messages = Json.array();
        for (JsonNode m : openAi.path("messages")) {
            String role = m.path("role").asText();
            if (role.equals("system") || role.equals("developer")) {
                system.add(Compat.text(m.get("content")));
            } else if (role.equals("tool")) {
                ObjectNode result = Json.object();
                result.put("type", "tool_result");
                result.put("tool_use_id", m.path("tool_call_id").asText());
                result.put("content", Compat.text(m.get("content")));
                append(messages, "user", Json.array().add(result));
            } else if (role.equals("assistant")) {
                ArrayNode blocks = blocks(m.get("content"));
                for (JsonNode call : m.path("tool_calls")) {
                    ObjectNode use = blocks.addObject();
                    use.put("type", "tool_use");
                    use.put("id", call.path("id").asText());
                    use.put("name", call.path("function").path("name").asText());
                    use.set("input", Compat.parseObject(call.path("function").path("arguments").asText("{}")));
                }
                append(messages, "assistant", blocks);
            } else {
                append(messages, "user", blocks(m.get("content")));
            }
        }
        if (!system.isEmpty()) {
            out.put("system", String.join("\n\n", system));
        }
        out.set("messages", messages);
        if (openAi.path("temperature").isNumber()) {
            out.set("temperature", DoubleNode.valueOf(Math.min(1.0, openAi.get("temperature").doubleValue())));
        }
        if (openAi.path("top_p").isNumber()) {
            out.set("top_p", openAi.get("top_p"));
        }
        JsonNode stop = openAi.get("stop");
        if (stop != null && stop.isTextual()) {
            out.set("stop_sequences", Json.array().add(stop.textValue()));
        } else if (stop != null && stop.isArray()) {
            out.set("stop_sequences", stop);
        }
        if (openAi.path("stream").asBoolean(false)) {
            out.put("stream", true);
        }
        if (openAi.path("user").isTextual()) {
            out.putObject("metadata").put("user_id", openAi.get("user").textValue());
        }
        tools(openAi, out);
        outputFormat(openAi.path("response_format"), out);
        return out;
    }

    /**
     * Maps a {@code json_schema} {@code response_format} to Anthropic's structured outputs,
     * {@code output_config: {format: {type: json_schema, schema}}}; JSON mode ({@code json_object}) has no Anthropic
     * twin and is left out.
     */
    private static void outputFormat(JsonNode responseFormat, ObjectNode out) {
        JsonNode schema = responseFormat.path("json_schema").path("schema");
        if (responseFormat.path("type").asText().equals("json_schema") && schema.isObject()) {
            ObjectNode format = out.putObject("output_config").putObject("format");
            format.put("type", "json_schema");
            format.set("schema", schema);
        }
    }

    private static void tools(ObjectNode openAi, ObjectNode out) {
        if (openAi.path("tools").isArray() && !openAi.get("tools").isEmpty()) {
            ArrayNode tools = out.putArray("tools");
            for (JsonNode tool : openAi.get("tools")) {
                JsonNode function = tool.path("function");
                ObjectNode t = tools.addObject();
                t.put("name", function.path("name").asText());
                if (function.path("description").isTextual()) {
                    t.set("description", function.get("description"));
                }
                t.set("input_schema", function.path("parameters").isObject() ? function.get("parameters")
                        : Json.object().put("type", "object"));
                if (function.path("strict").isBoolean()) {
                    t.set("strict", function.get("strict"));
                }
            }
        }
        JsonNode choice = openAi.get("tool_choice");
        ObjectNode mapped = null;
        if (choice != null && choice.isTextual()) {
            String type = Map.of("none", "none", "auto", "auto", "required", "any").get(choice.textValue());
            mapped = type == null ? null : Json.object().put("type", type);
        } else if (choice != null && choice.isObject()) {
            mapped = Json.object().put("type", "tool").put("name", choice.path("function").path("name").asText());
        }
        if (mapped == null && openAi.path("parallel_tool_calls").isBoolean() && out.has("tools")) {
            mapped = Json.object().put("type", "auto");
        }
        if (mapped != null && openAi.path("parallel_tool_calls").isBoolean() && !mapped.get("type").asText()
                .equals("none")) {
            mapped.put("disable_parallel_tool_use", !openAi.get("parallel_tool_calls").booleanValue());
        }
        if (mapped != null) {
            out.set("tool_choice", mapped);
        }
    }

    private static ArrayNode blocks(JsonNode content) {
        ArrayNode blocks = Json.array();
        if (content == null || content.isNull()) {
            return blocks;
        }
        if (content.isTextual()) {
            if (!content.textValue().isEmpty()) {
                blocks.addObject().put("type", "text").put("text", content.textValue());
            }
            return blocks;
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (type.equals("text")) {
                blocks.addObject().put("type", "text").put("text", part.path("text").asText());
            } else if (type.equals("image_url")) {
                String url = part.path("image_url").path("url").asText();
                ObjectNode image = blocks.addObject();
                image.put("type", "image");
                Compat.DataUrl data = Compat.DataUrl.parse(url);
                ObjectNode source = image.putObject("source");
                if (data != null) {
                    source.put("type", "base64").put("media_type", data.mediaType()).put("data", data.data());
                } else {
                    source.put("type", "url").put("url", url);
                }
            }
        }
        return blocks;
    }

    private static void append(ArrayNode messages, String role, ArrayNode blocks) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && last.path("role").asText().equals(role)) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        ObjectNode message = messages.addObject();
        message.put("role", role);
        message.set("content", blocks);
    }

    static ObjectNode completion(JsonNode message, String fallbackId, String fallbackModel, long created) {
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = Json.array();
        for (JsonNode block : message.path("content")) {
            String type = block.path("type").asText();
            if (type.equals("text")) {
                text.append(block.path("text").asText());
            } else if (type.equals("tool_use")) {
                ObjectNode call = toolCalls.addObject();
                call.put("id", block.path("id").asText());
                call.put("type", "function");
                call.putObject("function").put("name", block.path("name").asText())
                        .put("arguments", Json.text(block.path("input").isObject() ? block.get("input")
                                : Json.object()));
            }
        }
        ObjectNode out = OpenAiChatFormat.message(text.length() == 0 && !toolCalls.isEmpty() ? null : text.toString());
        if (!toolCalls.isEmpty()) {
            out.set("tool_calls", toolCalls);
        }
        JsonNode usage = message.path("usage");
        String id = message.path("id").isTextual() ? "chatcmpl-" + message.get("id").textValue() : fallbackId;
        String model = message.path("model").isTextual() ? message.get("model").textValue() : fallbackModel;
        return OpenAiChatFormat.completion(id, created, model, out, finishReason(message.path("stop_reason").asText()),
                OpenAiChatFormat.usage(promptTokens(usage), usage.path("output_tokens").asInt(),
                        usage.path("cache_read_input_tokens").asInt()));
    }

    static String finishReason(String stopReason) {
        switch (stopReason) {
            case "max_tokens": return "length";
            case "tool_use": return "tool_calls";
            case "refusal": return "content_filter";
            default: return "stop";
        }
    }

    private static int promptTokens(JsonNode usage) {
        return usage.path("input_tokens").asInt() + usage.path("cache_read_input_tokens").asInt()
                + usage.path("cache_creation_input_tokens").asInt();
    }

    /** Translates Anthropic's named stream events; {@code message_stop} ends the OpenAI stream. */
    static final class Events implements EventTranslator {

        private final ChunkWriter out;
        private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
        private int promptTokens;
        private int cachedTokens;
        private int completionTokens;

        Events(ChunkWriter out) {
            this.out = out;
        }

        @Override
        public List<SseEvent> onEvent(SseEvent nativeEvent) {
            Optional<JsonNode> data = Compat.eventData(nativeEvent);
            if (data.isEmpty()) {
                return List.of();
            }
            JsonNode e = data.get();
            List<SseEvent> events = new ArrayList<>();
            switch (e.path("type").asText()) {
                case "message_start":
                    JsonNode message = e.path("message");
                    out.identify(message.path("id").asText(null), message.path("model").asText(null));
                    promptTokens = AnthropicCompat.promptTokens(message.path("usage"));
                    cachedTokens = message.path("usage").path("cache_read_input_tokens").asInt();
                    completionTokens = message.path("usage").path("output_tokens").asInt();
                    events.add(out.role());
                    break;
                case "content_block_start":
                    JsonNode block = e.path("content_block");
                    if (block.path("type").asText().equals("tool_use")) {
                        int toolIndex = toolIndexByBlock.size();
                        toolIndexByBlock.put(e.path("index").asInt(), toolIndex);
                        events.add(out.toolCall(toolIndex, block.path("id").asText(), block.path("name").asText(), ""));
                    } else if (block.path("text").isTextual() && !block.get("text").textValue().isEmpty()) {
                        events.add(out.content(block.get("text").textValue()));
                    }
                    break;
                case "content_block_delta":
                    JsonNode delta = e.path("delta");
                    if (delta.path("type").asText().equals("text_delta")) {
                        events.add(out.content(delta.path("text").asText()));
                    } else if (delta.path("type").asText().equals("input_json_delta")) {
                        Integer toolIndex = toolIndexByBlock.get(e.path("index").asInt());
                        if (toolIndex != null) {
                            events.add(out.toolCall(toolIndex, null, null, delta.path("partial_json").asText()));
                        }
                    }
                    break;
                case "message_delta":
                    JsonNode usage = e.path("usage");
                    completionTokens = usage.path("output_tokens").asInt(completionTokens);
                    if (usage.has("input_tokens")) {
                        promptTokens = AnthropicCompat.promptTokens(usage);
                        cachedTokens = usage.path("cache_read_input_tokens").asInt();
                    }
                    events.add(out.finish(finishReason(e.path("delta").path("stop_reason").asText())));
                    break;
                case "message_stop":
                    if (out.includeUsage()) {
                        events.add(out.usage(promptTokens, completionTokens, cachedTokens));
                    }
                    events.add(OpenAiChatFormat.done());
                    break;
                case "error":
                    JsonNode error = e.path("error");
                    events.add(out.error(error.path("message").asText(), error.path("type").asText()));
                    break;
                default:
                    break;
            }
            return events;
        }

        @Override
        public List<SseEvent> onEnd() {
            return List.of();
        }
    }
}
