package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.proxy.Journal;
import dev.aigw.emulator.internal.wire.RecordedRequestJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /__emulator/requests/take}: hands out the oldest recorded attempt not taken yet, once, as the Java
 * API's {@code takeRequest()} does: {@code {}} at once, {@code {"timeout_ms":T}} waiting up to {@code T} ms of real
 * time for one (on a worker thread). Answers {@code {"request":{...}}}, or 409/7001 when there is none.
 */
final class TakeRequest implements Endpoint {

    /** The longest a take waits, in real milliseconds: as long as {@code /clock/await-waiters}. */
    static final long MAX_WAIT_MILLIS = 600_000;

    private static final JsonShape.Obj BODY = JsonShape.closedObject(
            JsonShape.optional("timeout_ms", JsonShape.integer(0, MAX_WAIT_MILLIS)));

    private final Journal journal;

    TakeRequest(Journal journal) {
        this.journal = journal;
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws InterruptedException {
        ObjectNode body = request.jsonObjectBody();
        BODY.check(body, List.of("body"));
        Duration timeout = body.has("timeout_ms") ? Duration.ofMillis(body.get("timeout_ms").longValue()) : null;
        Optional<RecordedRequest> taken = timeout == null ? journal.take() : journal.take(timeout);
        if (taken.isEmpty()) {
            throw ApiException.service(409, ApiError.of(7001, Journal.nothingToTake(timeout, journal.all().size())));
        }
        ObjectNode answer = Json.object();
        answer.set("request", RecordedRequestJson.render(taken.get()));
        return new ApiResponse.Raw(200, "application/json", Json.bytes(answer));
    }
}
