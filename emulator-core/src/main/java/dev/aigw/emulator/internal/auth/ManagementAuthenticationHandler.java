package dev.aigw.emulator.internal.auth;

import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies the v4 API's credentials ({@code Authorization: Bearer}, or {@code X-Auth-Email} with
 * {@code X-Auth-Key}) before anything else looks at the request, and attaches the {@link Principal}.
 */
public final class ManagementAuthenticationHandler implements HttpHandler {

    public static final AttachmentKey<Principal> PRINCIPAL = AttachmentKey.create(Principal.class);

    private static final HttpString AUTH_EMAIL = new HttpString("X-Auth-Email");
    private static final HttpString AUTH_KEY = new HttpString("X-Auth-Key");
    private static final Pattern BEARER = Pattern.compile("Bearer (\\S+)");
    private static final Pattern GLOBAL_KEY_FORMAT = Pattern.compile("[A-Za-z0-9]{1,128}");

    private final Credentials credentials;
    private final HttpHandler next;

    public ManagementAuthenticationHandler(Credentials credentials, HttpHandler next) {
        this.credentials = credentials;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.putAttachment(PRINCIPAL, authenticate(exchange.getRequestHeaders()));
        next.handleRequest(exchange);
    }

    private Principal authenticate(HeaderMap headers) {
        String authorization = headers.getFirst(io.undertow.util.Headers.AUTHORIZATION);
        String email = headers.getFirst(AUTH_EMAIL);
        String key = headers.getFirst(AUTH_KEY);
        if (authorization != null) {
            Matcher bearer = BEARER.matcher(authorization);
            if (!bearer.matches() || !ApiToken.isWellFormed(bearer.group(1))) {
                throw invalidHeader(6111, "Invalid format for Authorization header");
            }
            return credentials.token(bearer.group(1)).map(Principal::of)
                    .orElseThrow(() -> ApiException.frontDoor(403, ApiError.of(9109, "Invalid access token")));
        }
        if (email == null && key == null) {
            throw ApiException.frontDoor(400,
                    ApiError.of(9106, "Missing X-Auth-Key, X-Auth-Email or Authorization headers"));
        }
        if (email == null || !email.contains("@")) {
            throw invalidHeader(6102, "Invalid format for X-Auth-Email header");
        }
        if (key == null || !GLOBAL_KEY_FORMAT.matcher(key).matches()) {
            throw invalidHeader(6103, "Invalid format for X-Auth-Key header");
        }
        return credentials.globalKey(email, key).map(Principal::of)
                .orElseThrow(() -> ApiException.frontDoor(403, ApiError.of(9103, "Unknown X-Auth-Key or X-Auth-Email")));
    }

    private static ApiException invalidHeader(int detailCode, String detail) {
        return ApiException.frontDoor(400, new ApiError(6003, "Invalid request headers", List.of(),
                List.of(ApiError.of(detailCode, detail))));
    }

    @Override
    public String toString() {
        return "management-authentication -> " + next;
    }
}
