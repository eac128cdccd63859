package dev.aigw.emulator.internal.provider.compat;

import dev.aigw.emulator.internal.provider.SseEvent;
import java.util.List;

/**
 * Turns a provider's native SSE events, one at a time, into OpenAI {@code chat.completion.chunk} events, so
 * that a proxy can translate a stream while it flows. Stateful and not thread-safe: one per stream.
 */
public interface EventTranslator {

    /** Translates one native event into zero or more OpenAI events. */
    List<SseEvent> onEvent(SseEvent nativeEvent);

    /**
     * Returns the events that follow the native stream's clean end (e.g. Gemini's usage chunk and
     * {@code data: [DONE]}, as Gemini sends no end marker); call it only when the native stream ended normally.
     */
    List<SseEvent> onEnd();
}
