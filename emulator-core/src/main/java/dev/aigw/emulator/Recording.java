package dev.aigw.emulator;

/**
 * One recorded upstream exchange as the emulator holds it (see {@link Recordings}).
 *
 * @param file the file's name in the recordings directory, e.g. {@code openai-chat-completions-3f2a9c1b.json}
 * @param provider the provider slug
 * @param method the request's HTTP method
 * @param path the upstream path, e.g. {@code /v1/chat/completions}
 * @param status the recorded response status
 * @param streamed whether the response is a recorded event stream
 * @param replays how many times it was replayed since the start or the last reset
 */
public record Recording(String file, String provider, String method, String path, int status, boolean streamed,
                        int replays) {
}
