package dev.aigw.emulator.internal.provider.fake;

import dev.aigw.emulator.internal.provider.FakeProvider;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the built-in fakes, one kind of provider API each. Every fake is stateless and thread-safe; which
 * provider gets which fake is declared in the provider registry.
 */
public final class Fakes {

    private Fakes() {
    }

    /** Returns the fake of OpenAI itself, with every endpoint and OpenAI's models. */
    public static FakeProvider openAi() {
        return OpenAiFake.openAi();
    }

    /** Returns a fake of a provider that speaks OpenAI's API: only {@code endpoints}, listing {@code models}. */
    public static FakeProvider openAiCompatible(String slug, Set<OpenAiEndpoint> endpoints, String... models) {
        return new OpenAiFake(slug, endpoints, List.of(models));
    }

    /** Returns the fake of Anthropic's Messages API. */
    public static FakeProvider anthropic() {
        return new AnthropicFake();
    }

    /** Returns the fake of Workers AI: model paths and its OpenAI-style {@code v1/...} paths. */
    public static FakeProvider workersAi() {
        return new WorkersAiFake();
    }

    /** Returns the fake of Google's Gemini API, as Google AI Studio and Vertex AI serve it. */
    public static FakeProvider gemini() {
        return new GoogleAiStudioFake();
    }

    /** Returns the fake of Hugging Face's inference API. */
    public static FakeProvider huggingFace() {
        return new HuggingFaceFake();
    }

    /** Returns the fake of Cohere's API and its OpenAI compatibility API. */
    public static FakeProvider cohere() {
        return new CohereFake();
    }

    /** Returns the stand-in of a provider without a fake: a 501 that says how to configure a real upstream. */
    public static FakeProvider noFakeYet(String slug) {
        return new NoFakeYet(slug);
    }

    /**
     * Wraps a fake so that it never throws: an exception is logged at WARN and becomes the provider's 500. A wrapped
     * fake stays as it is.
     */
    public static FakeProvider neverThrowing(String slug, FakeProvider fake) {
        Objects.requireNonNull(fake, "fake");
        return fake instanceof NeverThrows ? fake : new NeverThrows(slug, fake);
    }
}
