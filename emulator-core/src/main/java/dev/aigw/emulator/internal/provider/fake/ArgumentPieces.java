package dev.aigw.emulator.internal.provider.fake;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a tool call's arguments (or a tool's JSON input) into the pieces a stream sends them in, as OpenAI,
 * Anthropic and Cohere do: three pieces (two for short arguments, one for a single character), never between the
 * two halves of a surrogate pair; the pieces concatenate to the arguments.
 */
final class ArgumentPieces {

    private static final int SHORT = 8;

    private ArgumentPieces() {
    }

    /** Returns the pieces of the arguments, in order. */
    static List<String> of(String arguments) {
        int n = arguments.length() < 2 ? 1 : arguments.length() < SHORT ? 2 : 3;
        List<String> pieces = new ArrayList<>(n);
        int start = 0;
        for (int i = 1; i <= n; i++) {
            int end = i == n ? arguments.length() : boundary(arguments, arguments.length() * i / n);
            if (end > start) {
                pieces.add(arguments.substring(start, end));
                start = end;
            }
        }
        return pieces;
    }

    private static int boundary(String text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at + 1 : at;
    }
}
