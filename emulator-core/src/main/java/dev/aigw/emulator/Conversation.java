package dev.aigw.emulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client sent a model, independent of the provider's format: the system prompt, the messages by role, the
 * tools offered and the output schema asked for. Reply rules match on it, and a {@link RecordedRequest} exposes it,
 * so a test asserts "the client sent the weather result back" without parsing OpenAI, Anthropic or Gemini JSON.
 *
 * <p>Every format is read to the same shape: tool results are {@link Role#TOOL} messages wherever the provider
 * puts them (OpenAI {@code tool} messages, Anthropic {@code tool_result} blocks in a user turn, Gemini
 * {@code functionResponse} parts), each with the name of the tool it answers.
 *
 * @param model the model the request names
 * @param system the system prompt (system and developer instructions joined by a blank line), or {@code null}
 * @param messages the messages other than system ones, oldest first
 * @param tools the tools offered
 * @param outputSchema the JSON Schema the request asks the output to follow, as JSON text, or {@code null}
 */
public record Conversation(String model, String system, List<Message> messages, List<Tool> tools,
                           String outputSchema) {

    /** Copies the lists. */
    public Conversation {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    /** Who wrote a message. */
    public enum Role {
        /** The end user (or the client speaking for them). */
        USER,
        /** The model, in an earlier turn. */
        ASSISTANT,
        /** The client, giving back the result of a tool call. */
        TOOL
    }

    /**
     * One message.
     *
     * @param role who wrote it
     * @param text its text parts joined by a space; empty when it has none
     * @param toolCalls for {@link Role#ASSISTANT}: the tool calls it made
     * @param toolResult for {@link Role#TOOL}: the result it carries, else {@code null}
     */
    public record Message(Role role, String text, List<ToolCall> toolCalls, ToolResult toolResult) {

        /** Copies the list. */
        public Message {
            Objects.requireNonNull(role, "role");
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /**
     * The result of a tool call, as the client sent it back.
     *
     * @param toolCallId the id of the call it answers (Gemini has none: then the tool's name)
     * @param name the tool's name, from the result itself or from the call it answers; {@code null} if unknown
     * @param content the result's text (JSON results as their JSON text)
     */
    public record ToolResult(String toolCallId, String name, String content) {
    }

    /**
     * A tool the client offered.
     *
     * @param name its name
     * @param description its description, or {@code null}
     * @param parameters its parameters' JSON Schema as JSON text, or {@code null}
     * @param strict whether the client asked for arguments that follow the schema strictly
     */
    public record Tool(String name, String description, String parameters, boolean strict) {
    }

    /** Returns the text of the latest user message that has text, or an empty string. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.role() == Role.USER && !m.text().isEmpty()) {
                return m.text();
            }
        }
        return "";
    }

    /** Returns the turn index: how many assistant messages came before, 0 for a conversation's first request. */
    public int turn() {
        return (int) messages.stream().filter(m -> m.role() == Role.ASSISTANT).count();
    }

    /** Returns the tool results given, oldest first. */
    public List<ToolResult> toolResults() {
        return messages.stream().filter(m -> m.toolResult() != null).map(Message::toolResult).toList();
    }

    /** Returns the latest result given for the named tool, if any. */
    public Optional<ToolResult> toolResult(String toolName) {
        List<ToolResult> all = toolResults();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (toolName.equals(all.get(i).name())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Returns the offered tool of that name, if any. */
    public Optional<Tool> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
