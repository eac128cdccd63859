package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.internal.EmulatorSettings;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.api.ApiException;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.List;

/**
 * {@code GET /__emulator/session}: what the dashboard needs to call the management API, i.e. the default account
 * and, only while the emulator runs on its embedded default token ({@link AiGatewayEmulator#DEFAULT_API_TOKEN}, a
 * value the README prints anyway), that token. With tokens of the user's own, {@code api_token} is {@code null} and
 * the page asks for one. Behind the control API's origin checks, answered without CORS headers, and refused to a
 * browser request from another site ({@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}), so no
 * page of another origin can read it.
 */
final class DashboardSession implements Endpoint {

    private static final HttpString SEC_FETCH_SITE = new HttpString("Sec-Fetch-Site");

    private final EmulatorSettings settings;

    DashboardSession(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        ControlQuery.onlyKnown(request, List.of());
        String site = request.exchange().getRequestHeaders().getFirst(SEC_FETCH_SITE);
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw ApiException.foreignOrigin("a read of the dashboard's session a browser sent from another site"
                    + " (Sec-Fetch-Site: " + site + ")");
        }
        request.exchange().getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        ObjectNode body = Json.object()
                .put("account_id", settings.defaultAccountId())
                .put("api_token", runsOnEmbeddedToken(settings.tokens()) ? AiGatewayEmulator.DEFAULT_API_TOKEN : null)
                .put("management_path", "/client/v4");
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }

    /** Tells whether the only token is the embedded default one, whose value is public. */
    static boolean runsOnEmbeddedToken(List<ApiToken> tokens) {
        return tokens.size() == 1 && tokens.get(0).value().equals(AiGatewayEmulator.DEFAULT_API_TOKEN);
    }
}
