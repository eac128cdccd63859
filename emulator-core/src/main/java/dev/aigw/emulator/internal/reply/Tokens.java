package dev.aigw.emulator.internal.reply;

/** Counts tokens the one way every fake does: about four Unicode code points a token, at least one. */
public final class Tokens {

    private Tokens() {
    }

    /** Counts the tokens of a text. */
    public static int count(String text) {
        int codePoints = text.codePointCount(0, text.length());
        return Math.max(1, (codePoints + 3) / 4);
    }
}
