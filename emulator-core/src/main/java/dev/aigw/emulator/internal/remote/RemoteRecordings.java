package dev.aigw.emulator.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Recording;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.recording.RecordingSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and switches the recording modes of an emulator running elsewhere and lists its recordings, through
 * {@code /__emulator/recordings}. Thread-safe.
 */
public final class RemoteRecordings implements RecordingSink {

    private static final String PATH = "/__emulator/recordings";

    private final HttpTransport http;

    /** Drives the recordings of the emulator behind {@code http}. */
    public RemoteRecordings(HttpTransport http) {
        this.http = http;
    }

    @Override
    public RecordingMode mode(String provider) {
        JsonNode body = http.send("GET", PATH + "/modes/" + HttpTransport.encode(provider), null, null).orThrow();
        return parse(body.get("mode").textValue());
    }

    @Override
    public void mode(String provider, RecordingMode mode) {
        http.send("PUT", PATH + "/modes/" + HttpTransport.encode(provider),
                Json.object().put("mode", mode.jsonName()), null).orThrow();
    }

    @Override
    public List<Recording> list() {
        List<Recording> list = new ArrayList<>();
        for (JsonNode r : http.send("GET", PATH, null, null).orThrow().get("recordings")) {
            list.add(new Recording(r.get("file").textValue(), r.get("provider").textValue(),
                    r.get("method").textValue(), r.get("path").textValue(), r.get("status").intValue(),
                    r.get("streamed").booleanValue(), r.get("replays").intValue()));
        }
        return List.copyOf(list);
    }

    private static RecordingMode parse(String name) {
        return RecordingMode.byName(name).orElseThrow(() -> new IllegalStateException(
                "the emulator answered an unknown recording mode \"" + name + "\""));
    }

    @Override
    public String toString() {
        return "RemoteRecordings[" + http.baseUrl() + "]";
    }
}
