package dev.aigw.emulator.internal.provider.fake;

/** Names an endpoint of the OpenAI API family that an OpenAI-style fake may serve. */
public enum OpenAiEndpoint {
    CHAT_COMPLETIONS("POST", "chat/completions"),
    RESPONSES("POST", "responses"),
    EMBEDDINGS("POST", "embeddings"),
    MODELS("GET", "models");

    final String method;
    final String tail;

    OpenAiEndpoint(String method, String tail) {
        this.method = method;
        this.tail = tail;
    }
}
