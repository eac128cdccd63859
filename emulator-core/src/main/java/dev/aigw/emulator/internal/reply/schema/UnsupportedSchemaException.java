package dev.aigw.emulator.internal.reply.schema;

/** A JSON Schema the emulator cannot generate JSON for: it uses a keyword outside the subset it answers. */
public final class UnsupportedSchemaException extends Exception {

    private final String keyword;
    private final String path;

    /** Makes the refusal of {@code keyword} (empty when no keyword is to blame) at {@code path}, explained. */
    public UnsupportedSchemaException(String keyword, String path, String message) {
        super(message);
        this.keyword = keyword;
        this.path = path;
    }

    /** Returns the keyword the emulator cannot answer, e.g. {@code pattern}; empty when the schema is not JSON. */
    public String keyword() {
        return keyword;
    }

    /** Returns where in the schema it is, as a JSON pointer, e.g. {@code /properties/zip}. */
    public String path() {
        return path;
    }
}
