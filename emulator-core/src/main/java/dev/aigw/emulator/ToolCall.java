package dev.aigw.emulator;

import dev.aigw.emulator.internal.reply.JsonText;
import java.util.Objects;

/**
 * A model's request that the client call one of the tools it offered.
 *
 * @param id the call's id, which the client's tool result refers to; {@code null} in a {@link ModelReply} lets the
 *     emulator give one, deterministically, in the provider's own form ({@code call_...}, {@code toolu_...})
 * @param name the tool's name
 * @param arguments the arguments as JSON object text; {@code null} in a {@link ModelReply} lets the emulator
 *     generate arguments that validate against the offered tool's parameter schema
 */
public record ToolCall(String id, String name, String arguments) {

    /** Validates the call: a name, and arguments that are a JSON object when given. */
    public ToolCall {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tool call needs a tool name");
        }
        if (arguments != null) {
            arguments = JsonText.object(arguments, "arguments of tool call '" + name + "'");
        }
    }

    /** Returns a call of a tool with these arguments (JSON object text) and an id the emulator gives. */
    public static ToolCall of(String name, String arguments) {
        return new ToolCall(null, name, arguments);
    }
}
