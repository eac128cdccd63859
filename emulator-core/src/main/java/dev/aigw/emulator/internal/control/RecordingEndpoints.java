package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Recording;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.internal.EmulatorState;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.api.RouteTable;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.recording.RecordingLibrary;
import dev.aigw.emulator.internal.util.Suggestions;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /__emulator/recordings}: GET lists the recordings in replay order with the directory; {@code GET
 * /__emulator/recordings/modes/{provider}} reads a provider's mode and {@code PUT} with {@code {"mode": "replay"}}
 * switches it until the next reset. An unknown provider or mode is refused by name with the closest one.
 */
final class RecordingEndpoints {

    private static final List<String> BODY = List.of("body");
    private static final JsonShape.Obj MODE = JsonShape.closedObject(JsonShape.required("mode",
            JsonShape.text(1, 32)));

    private final RecordingLibrary library;

    private RecordingEndpoints(RecordingLibrary library) {
        this.library = library;
    }

    /** Adds the recording routes to a control table and returns it. */
    static RouteTable register(RouteTable table, EmulatorState state) {
        RecordingEndpoints endpoints = new RecordingEndpoints(state.recordings());
        return table
                .add("GET", "/recordings", null, endpoints::list)
                .add("GET", "/recordings/modes/{provider}", null, endpoints::mode)
                .add("PUT", "/recordings/modes/{provider}", null, endpoints::switchMode);
    }

    private ApiResponse list(ApiRequest request) {
        ControlQuery.onlyKnown(request, List.of());
        ObjectNode body = Json.object();
        body.put("directory", library.directory().map(Object::toString).orElse(null));
        ArrayNode list = body.putArray("recordings");
        for (Recording r : library.list()) {
            list.addObject().put("file", r.file()).put("provider", r.provider()).put("method", r.method())
                    .put("path", r.path()).put("status", r.status()).put("streamed", r.streamed())
                    .put("replays", r.replays());
        }
        return json(body);
    }

    private ApiResponse mode(ApiRequest request) {
        String provider = request.param("provider");
        try {
            return modeOf(provider, library.mode(provider));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage(), List.of("path", "provider")).because(e);
        }
    }

    private ApiResponse switchMode(ApiRequest request) {
        String provider = request.param("provider");
        ObjectNode body = request.jsonObjectBody();
        MODE.check(body, BODY);
        String name = body.get("mode").textValue();
        RecordingMode mode = RecordingMode.byName(name).orElseThrow(() -> ApiException.validation("mode: \"" + name
                + "\" is no recording mode" + Suggestions.didYouMean(name, Arrays.stream(RecordingMode.values())
                .map(RecordingMode::jsonName).toList()) + "; expected record, replay, record-missing or off",
                List.of("body", "mode")));
        try {
            library.mode(provider, mode);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage(), List.of("path", "provider")).because(e);
        }
        return modeOf(provider, mode);
    }

    private static ApiResponse modeOf(String provider, RecordingMode mode) {
        return json(Json.object().put("provider", provider).put("mode", mode.jsonName()));
    }

    private static ApiResponse json(ObjectNode body) {
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }
}
