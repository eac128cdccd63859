package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import java.util.function.Function;

/**
 * L5 {@code GET .../logs/{id}/request} and L6 {@code GET .../logs/{id}/response}: the stored body itself,
 * without an envelope, with its stored content type (management-api.md Q12); 404/7002 when the body was not
 * stored (payload logging off) or the entry does not exist.
 */
final class GetLogBody implements Endpoint {

    private final ManagementContext context;
    private final Function<LogEntry, LogEntry.Payload> side;

    private GetLogBody(ManagementContext context, Function<LogEntry, LogEntry.Payload> side) {
        this.context = context;
        this.side = side;
    }

    /** Answers L5, the request body. */
    static GetLogBody request(ManagementContext context) {
        return new GetLogBody(context, LogEntry::request);
    }

    /** Answers L6, the response body. */
    static GetLogBody response(ManagementContext context) {
        return new GetLogBody(context, LogEntry::response);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        LogEntry.Payload payload = side.apply(GetLog.find(context, request));
        if (!payload.stored()) {
            throw ApiException.notFound();
        }
        String type = payload.contentType() == null ? "application/octet-stream" : payload.contentType();
        return new ApiResponse.Raw(200, type, payload.body());
    }
}
