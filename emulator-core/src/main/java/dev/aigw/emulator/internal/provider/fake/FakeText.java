package dev.aigw.emulator.internal.provider.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds the one rule every fake provider follows for what it says and how many tokens that costs.
 *
 * <ul>
 *   <li>Reply text: {@code "Emulated reply from " + model + " to: " + lastUserText}, where {@code model}
 *       is the model the request names (body, or URL path where the provider puts it there) and
 *       {@code lastUserText} is the text of the last user message, its text parts joined with one space
 *       (empty when there is none).</li>
 *   <li>Tokens: a text of {@code n} Unicode code points costs {@code max(1, ceil(n / 4))} tokens. Input
 *       tokens are those of all prompt texts of the request (system and every message) joined with
 *       {@code "\n"}.</li>
 *   <li>Output limit: when the request caps output tokens below the reply's count, the reply is cut to
 *       {@code 4 * limit} code points and the provider's "length" finish reason is reported.</li>
 *   <li>Streaming: the reply is sent as one content event per word, each word with the whitespace that
 *       follows it, so that concatenating the deltas gives the reply exactly.</li>
 * </ul>
 */
final class FakeText {

    private static final Pattern WORD = Pattern.compile("\\s*\\S+\\s*|\\s+");

    private FakeText() {
    }

    /** Returns the reply text for a model and the last user message. */
    static String reply(String model, String lastUserText) {
        return "Emulated reply from " + model + " to: " + lastUserText;
    }


    /** Cuts a text to what {@code maxTokens} tokens hold (4 code points each), or returns it whole. */
    static String cut(String text, int maxTokens) {
        long maxCodePoints = 4L * Math.max(0, maxTokens);
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, (int) maxCodePoints));
    }

    /** Splits a text into words with their trailing whitespace; the pieces concatenate to the text. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }
}
