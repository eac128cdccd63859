package dev.aigw.emulator.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.DynamicRoute;
import dev.aigw.emulator.Emulator;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.RouteDeployment;
import dev.aigw.emulator.RouteVersion;
import dev.aigw.emulator.Routes;
import dev.aigw.emulator.proxy.ProxyClient;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The typed dynamic-route operations ({@code emulator.routes()}), the same in process and through {@link RemoteEmulator}. */
@Timeout(30)
class RoutesFromJavaTest {

    private static final String OPENAI = """
            [{"id":"s","type":"start","outputs":{"next":{"elementId":"m"}}},
             {"id":"m","type":"model","properties":{"provider":"openai","model":"gpt-4o-mini"},
              "outputs":{"success":{"elementId":"e"}}},{"id":"e","type":"end"}]""";
    private static final String ANTHROPIC = OPENAI.replace("\"openai\"", "\"anthropic\"")
            .replace("gpt-4o-mini", "claude-3-5-haiku");
    private static final String NO_START = """
            [{"id":"e","type":"end"}]""";

    private final AiGatewayEmulator local = AiGatewayEmulator.builder().build().start();
    private final ProxyClient client = new ProxyClient(local);

    @AfterEach
    void stop() {
        local.close();
    }

    static Stream<String> transports() {
        return Stream.of("in-process", "remote");
    }

    private Routes routes(String transport) {
        local.createGateway("gw");
        Emulator emulator = transport.equals("remote")
                ? RemoteEmulator.connect(local.baseUrl(), local.accountId(), local.apiToken())
                : local;
        return emulator.routes();
    }

    private String answeringProvider(String route) {
        HttpResponse<String> response = client.post(client.path("gw", "compat/chat/completions"),
                "{\"model\":\"dynamic/" + route + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        return response.headers().firstValue("cf-aig-provider").orElse("status " + response.statusCode());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void createVersionDeployRollBackAndList(String transport) {
        Routes routes = routes(transport);

        DynamicRoute created = routes.create("gw", "support", OPENAI);
        assertThat(created.name()).isEqualTo("support");
        assertThat(created.gatewayId()).isEqualTo("gw");
        assertThat(created.version().active()).isTrue();
        assertThat(created.deployment().versionId()).isEqualTo(created.version().id());
        assertThat(answeringProvider("support")).isEqualTo("openai");

        RouteVersion second = routes.createVersion("gw", created.id(), ANTHROPIC);
        assertThat(second.valid()).isTrue();
        assertThat(answeringProvider("support")).as("a new version serves nothing until deployed")
                .isEqualTo("openai");
        RouteDeployment deployed = routes.deploy("gw", created.id(), second.id());
        assertThat(deployed.versionId()).isEqualTo(second.id());
        assertThat(answeringProvider("support")).isEqualTo("anthropic");

        assertThat(routes.versions("gw", created.id())).extracting(RouteVersion::id, RouteVersion::active)
                .containsExactly(tuple(second.id(), true),
                        tuple(created.version().id(), false));
        assertThat(routes.version("gw", created.id(), second.id()).orElseThrow().elements())
                .contains("claude-3-5-haiku");
        routes.deploy("gw", created.id(), created.version().id());
        assertThat(answeringProvider("support")).as("deploying an earlier version rolls back").isEqualTo("openai");
        assertThat(routes.deployments("gw", created.id())).extracting(RouteDeployment::versionId)
                .containsExactly(created.version().id(), second.id(), created.version().id());

        assertThat(routes.list("gw")).extracting(DynamicRoute::id).containsExactly(created.id());
        assertThat(routes.get("gw", created.id()).orElseThrow().version().id()).isEqualTo(created.version().id());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void renameAndDeleteTakeEffectAtOnce(String transport) {
        Routes routes = routes(transport);
        DynamicRoute created = routes.create("gw", "support", OPENAI);

        assertThat(routes.rename("gw", created.id(), "Help Desk").name()).isEqualTo("Help Desk");
        assertThat(answeringProvider("Help Desk")).isEqualTo("openai");
        assertThat(answeringProvider("support")).isEqualTo("status 400");

        routes.delete("gw", created.id());
        assertThat(routes.get("gw", created.id())).isEmpty();
        assertThat(routes.list("gw")).isEmpty();
        assertThat(answeringProvider("Help Desk")).isEqualTo("status 400");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void refusalsCarryTheMemberPathAndNotFound(String transport) {
        Routes routes = routes(transport);
        DynamicRoute created = routes.create("gw", "support", OPENAI);

        ManagementApiException duplicate = catchThrowableOfType(() -> routes.create("gw", "support", OPENAI),
                ManagementApiException.class);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errors().get(0).code()).isEqualTo(7001);
        assertThat(duplicate.errors().get(0).path()).containsExactly("body", "name");

        ManagementApiException shape = catchThrowableOfType(() -> routes.create("gw", "other",
                "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"m\"}}},{\"id\":\"m\","
                        + "\"type\":\"model\",\"properties\":{\"provider\":\"openai\",\"model\":\"x\",\"timeout\":"
                        + "\"soon\"},\"outputs\":{\"success\":{\"elementId\":\"e\"}}},{\"id\":\"e\",\"type\":\"end\"}]"),
                ManagementApiException.class);
        assertThat(shape.errors().get(0).path()).containsExactly("body", "elements", "1", "properties", "timeout");

        assertThat(catchThrowableOfType(() -> routes.create("gw", "other", NO_START), ManagementApiException.class)
                .status()).isEqualTo(400);
        RouteVersion invalid = routes.createVersion("gw", created.id(), NO_START);
        assertThat(invalid.valid()).isFalse();
        ManagementApiException notValid = catchThrowableOfType(() -> routes.deploy("gw", created.id(),
                invalid.id()), ManagementApiException.class);
        assertThat(notValid.errors().get(0).path()).containsExactly("body", "version_id");

        assertThat(catchThrowableOfType(() -> routes.deploy("gw", created.id(), "no-such-version"),
                ManagementApiException.class).status()).isEqualTo(404);
        assertThat(catchThrowableOfType(() -> routes.rename("gw", "no-such-route", "x"),
                ManagementApiException.class).errors().get(0).code()).isEqualTo(7002);
        assertThat(routes.version("gw", created.id(), "no-such-version")).isEmpty();
        assertThat(catchThrowableOfType(() -> routes.list("no-such-gateway"), ManagementApiException.class)
                .getMessage()).contains("no gateway \"no-such-gateway\"");
        assertThatThrownBy(() -> routes.create("gw", "x", "not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elements must be a JSON array");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void createVersionAnswersTheVersionAsTheApiStoredIt(String transport) {
        Routes routes = routes(transport);
        DynamicRoute created = routes.create("gw", "support", OPENAI);

        RouteVersion second = routes.createVersion("gw", created.id(), ANTHROPIC);

        assertThat(second).isEqualTo(routes.version("gw", created.id(), second.id()).orElseThrow());
        assertThat(routes.versions("gw", created.id())).contains(second);
        assertThat(second.active()).isFalse();
        assertThat(second.createdAt()).isAfterOrEqualTo(created.version().createdAt());
        routes.deploy("gw", created.id(), second.id());
        assertThat(routes.version("gw", created.id(), second.id()).orElseThrow().active()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void getAndVersionAreEmptyForAMissingRouteButThrowForAMissingGateway(String transport) {
        Routes routes = routes(transport);
        DynamicRoute created = routes.create("gw", "support", OPENAI);

        assertThat(routes.get("gw", "no-such-route")).isEmpty();
        assertThat(routes.version("gw", "no-such-route", created.version().id())).isEmpty();
        assertThat(routes.version("gw", created.id(), "no-such-version")).isEmpty();
        ManagementApiException noRoute = catchThrowableOfType(() -> routes.get("no-such-gateway", created.id()),
                ManagementApiException.class);
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.errors().get(0).code()).isEqualTo(7002);
        assertThat(noRoute.getMessage()).contains("no gateway \"no-such-gateway\"");
        assertThat(catchThrowableOfType(() -> routes.version("no-such-gateway", created.id(),
                created.version().id()), ManagementApiException.class).getMessage())
                .contains("no gateway \"no-such-gateway\"");
    }

    @Test
    void aTokenWithoutEditIsRefusedThroughTheRemoteEmulator() {
        try (AiGatewayEmulator readOnly = AiGatewayEmulator.builder()
                .token(ApiToken.of("reader", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ))
                .token(ApiToken.of("editor", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ, Permission.EDIT))
                .build().start()) {
            readOnly.createGateway("gw");
            Routes reader = RemoteEmulator.connect(readOnly.baseUrl(), readOnly.accountId(), "reader").routes();

            ManagementApiException refused = catchThrowableOfType(() -> reader.create("gw", "support", OPENAI),
                    ManagementApiException.class);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(reader.list("gw")).isEmpty();
            assertThat(refused.errors()).isNotEmpty();
        }
    }
}
