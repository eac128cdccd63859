package dev.aigw.emulator;

import dev.aigw.emulator.internal.util.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lists the hazard categories a gateway's Guardrails setting names ({@code guardrails.prompt} and
 * {@code guardrails.response}): Llama Guard 3's {@code S1} to {@code S13} and {@code P1}, prompt injection
 * (management-api.md 3.3).
 */
public enum HazardCategory {
    /** Prompt injection. */
    P1("Prompt Injection"),
    /** Violent crimes. */
    S1("Violent Crimes"),
    /** Non-violent crimes. */
    S2("Non-Violent Crimes"),
    /** Sex-related crimes. */
    S3("Sex-Related Crimes"),
    /** Child sexual exploitation. */
    S4("Child Sexual Exploitation"),
    /** Defamation. */
    S5("Defamation"),
    /** Specialized advice. */
    S6("Specialized Advice"),
    /** Privacy. */
    S7("Privacy"),
    /** Intellectual property. */
    S8("Intellectual Property"),
    /** Indiscriminate weapons. */
    S9("Indiscriminate Weapons"),
    /** Hate. */
    S10("Hate"),
    /** Suicide and self-harm. */
    S11("Suicide & Self-Harm"),
    /** Sexual content. */
    S12("Sexual Content"),
    /** Elections. */
    S13("Elections");

    private final String title;

    HazardCategory(String title) {
        this.title = title;
    }

    /** Returns the category's name as the dashboard shows it, e.g. {@code Violent Crimes} for {@code S1}. */
    public String title() {
        return title;
    }

    /**
     * Returns the category with this code, e.g. {@code S1}.
     *
     * @throws IllegalArgumentException naming the codes there are, with a "did you mean" for a near miss
     */
    public static HazardCategory of(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hazard category is called \"" + code + "\""
                        + Suggestions.didYouMean(code, codes()) + "; the categories are P1 and S1 to S13"));
    }

    private static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
