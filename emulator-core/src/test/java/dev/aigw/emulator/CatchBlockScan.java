package dev.aigw.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the catch blocks of Java source text that drop their exception: blocks whose body never names the caught
 * variable (no rethrow, no wrap, no log argument, nothing returned from it). Comments and string literals do not
 * count as a use. A small text scan, not a parser: enough for this code base's plain Java.
 */
final class CatchBlockScan {

    private static final Pattern CATCH = Pattern.compile("\\bcatch\\s*\\(([^)]*)\\)\\s*\\{");
    private static final Pattern LAST_IDENTIFIER = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\s*$");

    /** One catch block: the 1-based line of its {@code catch}, its parameter's name and its body. */
    record CatchBlock(int line, String variable, String body) {

        boolean usesItsException() {
            return Pattern.compile("(?<![A-Za-z0-9_$.])" + Pattern.quote(variable) + "(?![A-Za-z0-9_$])")
                    .matcher(body).find();
        }
    }

    private CatchBlockScan() {
    }

    /** Returns every catch block of a source text, comments and literals blanked out. */
    static List<CatchBlock> catchBlocks(String source) {
        String code = blankCommentsAndLiterals(source);
        List<CatchBlock> blocks = new ArrayList<>();
        Matcher m = CATCH.matcher(code);
        while (m.find()) {
            Matcher name = LAST_IDENTIFIER.matcher(m.group(1));
            if (!name.find()) {
                throw new IllegalArgumentException("no catch parameter at line " + lineOf(code, m.start()));
            }
            int open = m.end() - 1;
            blocks.add(new CatchBlock(lineOf(code, m.start()), name.group(1),
                    code.substring(open + 1, matchingBrace(code, open))));
        }
        return blocks;
    }

    /** Returns the catch blocks of a source text that drop their exception. */
    static List<CatchBlock> swallowing(String source) {
        return catchBlocks(source).stream().filter(b -> !b.usesItsException()).toList();
    }

    private static int lineOf(String code, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces after index " + open);
    }

    /** Replaces every character of comments, string, text-block and char literals by a space, keeping newlines. */
    static String blankCommentsAndLiterals(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                end = closing(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                end = closing(source, "\"\"\"", i + 3);
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = endOfLiteral(source, i);
            } else {
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                if (out.charAt(j) != '\n') {
                    out.setCharAt(j, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static int closing(String source, String delimiter, int from) {
        int at = from;
        while (true) {
            int found = source.indexOf(delimiter, at);
            if (found < 0) {
                return source.length();
            }
            if (!delimiter.startsWith("\"") || !escaped(source, found)) {
                return found + delimiter.length();
            }
            at = found + 1;
        }
    }

    private static int endOfLiteral(String source, int start) {
        char quote = source.charAt(start);
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i + 1;
            }
        }
        return source.length();
    }

    private static boolean escaped(String source, int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && source.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
