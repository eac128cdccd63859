package dev.aigw.emulator.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Runs the AI Gateway emulator's container image in a test: the Cloudflare v4 management API, the gateway
 * proxy with fake providers, and the control API, on one mapped port.
 *
 * <pre>{@code
 * @Container
 * static AiGatewayContainer gateway = new AiGatewayContainer(
 *         DockerImageName.parse("aigw-emulator/aigw-emulator:0.1.0-SNAPSHOT"))
 *         .withVirtualClock();
 *
 * String sdkBaseUrl = gateway.getManagementUrl();      // for a Cloudflare SDK, with gateway.getApiToken()
 * String openAiBaseUrl = gateway.getProviderUrl("my-gateway", "openai");
 * gateway.control().script("openai").enqueue(ScriptStep.status(503).times(4));
 * }</pre>
 *
 * <p>Scalar settings go to the emulator's {@code AIGW_*} variables, which win over the config file; tokens,
 * accounts and gateways are added to the config file ({@link #withConfigFile(MountableFile)}, or one the
 * container writes), which is copied to {@value #CONFIG_PATH}. The account id and token getters read what
 * the emulator printed at start-up, so they are right whatever set them.
 */
public class AiGatewayContainer extends GenericContainer<AiGatewayContainer> {

    /** The image this module is made for; any tag of it is accepted. */
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("aigw-emulator/aigw-emulator");

    /** The port the emulator listens on inside the container. */
    public static final int PORT = 8787;

    /** The control API's health endpoint, which the container waits for. */
    public static final String HEALTH_PATH = "/__emulator/health";

    /** Where the config file is copied inside the container. */
    public static final String CONFIG_PATH = "/etc/aigw-emulator/config.json";

    /** Stands for "every account of the emulator" in a token's account ids. */
    public static final String ANY_ACCOUNT = "*";

    /** Names a permission a token can hold, as Cloudflare's dashboard names it. */
    public enum Permission {
        /** {@code AI Gateway - Read}: every GET of the management API. */
        READ("AI Gateway - Read"),
        /** {@code AI Gateway - Edit}: every write of the management API. */
        EDIT("AI Gateway - Edit"),
        /** {@code AI Gateway - Run}: what {@code cf-aig-authorization} carries to an authenticated gateway. */
        RUN("AI Gateway - Run");

        private final String label;

        Permission(String label) {
            this.label = label;
        }

        /** Returns the dashboard's name of this permission, e.g. {@code AI Gateway - Read}. */
        public String label() {
            return label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern START_LINE = Pattern.compile(
            "AI Gateway emulator listening on \\S+ account_id=(\\S+) api_token=(\\S+) clock=(\\S+)");

    private MountableFile configFile;
    private String configJson;
    private final List<String> accounts = new ArrayList<>();
    private final List<ObjectNode> tokens = new ArrayList<>();
    private final List<ObjectNode> gateways = new ArrayList<>();
    private String accountId;
    private String apiToken;
    private EmulatorControl control;

    /**
     * Creates a container of the emulator's image.
     *
     * @throws IllegalStateException if the image is not {@link #DEFAULT_IMAGE_NAME} or declared compatible
     *     with it ({@code DockerImageName.parse("my/copy").asCompatibleSubstituteFor("aigw-emulator/aigw-emulator")})
     */
    public AiGatewayContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(PORT);
        waitingFor(new HealthWait());
    }

    /** Creates a container of the named image, e.g. {@code aigw-emulator/aigw-emulator:0.1.0-SNAPSHOT}. */
    public AiGatewayContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /** Sets the default account id ({@code AIGW_ACCOUNT_ID}). */
    public AiGatewayContainer withAccountId(String accountId) {
        return withEnv("AIGW_ACCOUNT_ID", Objects.requireNonNull(accountId, "accountId"));
    }

    /** Adds an account besides the default one. */
    public AiGatewayContainer withAccount(String accountId) {
        accounts.add(Objects.requireNonNull(accountId, "accountId"));
        return self();
    }

    /** Sets the token that holds Read, Edit and Run on the default account ({@code AIGW_API_TOKEN}). */
    public AiGatewayContainer withApiToken(String token) {
        return withEnv("AIGW_API_TOKEN", Objects.requireNonNull(token, "token"));
    }

    /**
     * Adds a token with some permissions on some accounts ({@link #ANY_ACCOUNT} for all); once tokens are
     * added, the emulator's default token is gone (the {@link #withApiToken(String) API token} stays).
     */
    public AiGatewayContainer withToken(String value, Set<String> accountIds, Set<Permission> permissions) {
        if (accountIds.isEmpty() || permissions.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one account id and one permission");
        }
        ObjectNode token = JSON.createObjectNode().put("value", Objects.requireNonNull(value, "value"));
        ArrayNode labels = token.putArray("permissions");
        permissions.stream().sorted().forEach(p -> labels.add(p.label()));
        ArrayNode ids = token.putArray("accounts");
        accountIds.stream().sorted().forEach(ids::add);
        tokens.add(token);
        return self();
    }

    /**
     * Pre-creates a gateway, given as the management API's create body (plus an optional {@code account_id});
     * the emulator validates it as the API does and refuses to start, with the field's JSON path, if it is invalid.
     */
    public AiGatewayContainer withGateway(String createBodyJson) {
        try {
            JsonNode gateway = JSON.readTree(createBodyJson);
            if (gateway == null || !gateway.isObject()) {
                throw new IllegalArgumentException("a gateway is a JSON object, got: " + createBodyJson);
            }
            gateways.add((ObjectNode) gateway);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a gateway is a JSON object; this is not JSON: " + createBodyJson, e);
        }
        return self();
    }

    /** Runs the emulator on a virtual clock ({@code AIGW_CLOCK=virtual}), driven through {@link #control()}. */
    public AiGatewayContainer withVirtualClock() {
        return withEnv("AIGW_CLOCK", "virtual");
    }

    /**
     * Uses a JSON config file (the format {@code --help} prints): accounts, tokens, gateways, scripts, upstreams.
     * Tokens, accounts and gateways added with this container's methods are appended to it.
     */
    public AiGatewayContainer withConfigFile(MountableFile file) {
        this.configFile = Objects.requireNonNull(file, "file");
        this.configJson = null;
        return self();
    }

    /** Uses this JSON text as the config file; see {@link #withConfigFile(MountableFile)}. */
    public AiGatewayContainer withConfigJson(String json) {
        this.configJson = Objects.requireNonNull(json, "json");
        this.configFile = null;
        return self();
    }

    @Override
    protected void configure() {
        byte[] config = configFile();
        if (config != null) {
            withCopyToContainer(Transferable.of(config, 0644), CONFIG_PATH);
            withEnv("AIGW_CONFIG", CONFIG_PATH);
        }
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        Matcher line = startLine(this, Instant.now().plusSeconds(5));
        accountId = line.group(1);
        apiToken = line.group(2);
        control = EmulatorControl.connect(getBaseUrl());
    }

    /**
     * Waits for the start-up line, which the emulator prints right after it starts listening (so just after
     * the health check can first pass), and returns it matched.
     */
    private static Matcher startLine(ContainerState container, Instant deadline) {
        while (true) {
            String logs = container.getLogs();
            Matcher m = START_LINE.matcher(logs);
            if (m.find()) {
                return m;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ContainerLaunchException("the emulator answers but printed no start-up line; logs:\n"
                        + logs);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for the start-up line", e);
            }
        }
    }

    /** Returns the emulator's root URL on the host, e.g. {@code http://localhost:32768}. */
    public String getBaseUrl() {
        return "http://" + getHost() + ":" + getMappedPort(PORT);
    }

    /** Returns the v4 API base URL a Cloudflare SDK takes: {@code {baseUrl}/client/v4}. */
    public String getManagementUrl() {
        return getBaseUrl() + "/client/v4";
    }

    /** Returns the data-plane URL of a gateway of the default account: {@code {baseUrl}/v1/{accountId}/{gatewayId}}. */
    public String getGatewayUrl(String gatewayId) {
        return getBaseUrl() + "/v1/" + getAccountId() + "/" + gatewayId;
    }

    /** Returns the base URL an LLM SDK takes for a provider on a gateway: {@code {gatewayUrl}/{provider}}. */
    public String getProviderUrl(String gatewayId, String provider) {
        return getGatewayUrl(gatewayId) + "/" + provider;
    }

    /** Returns the default account id, as the running emulator reported it. */
    public String getAccountId() {
        requireStarted();
        return accountId;
    }

    /** Returns the token the running emulator reported: the API token, else the first configured or default one. */
    public String getApiToken() {
        requireStarted();
        return apiToken;
    }

    /** Returns a client of the emulator's control API: reset, clock, scripts, recorded requests, timelines. */
    public EmulatorControl control() {
        requireStarted();
        return control;
    }

    private void requireStarted() {
        if (control == null) {
            throw new IllegalStateException("the container is not started; call start() (or use @Container) first");
        }
    }

    /** Returns the config file's bytes: the user's file or text, with the added pieces appended; null if none. */
    private byte[] configFile() {
        boolean pieces = !accounts.isEmpty() || !tokens.isEmpty() || !gateways.isEmpty();
        if (!pieces) {
            return configJson != null ? configJson.getBytes(StandardCharsets.UTF_8)
                    : configFile != null ? read(configFile) : null;
        }
        ObjectNode config = JSON.createObjectNode();
        if (configJson != null || configFile != null) {
            String text = configJson != null ? configJson
                    : new String(read(configFile), StandardCharsets.UTF_8);
            try {
                JsonNode parsed = JSON.readTree(text);
                if (!(parsed instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("the config file must hold a JSON object");
                }
                config = object;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the config file is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        append(config, "accounts", accounts.stream().map(JSON.getNodeFactory()::textNode).toList());
        append(config, "tokens", tokens);
        append(config, "gateways", gateways);
        return config.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(ObjectNode config, String member, List<? extends JsonNode> items) {
        if (items.isEmpty()) {
            return;
        }
        JsonNode existing = config.get(member);
        if (existing != null && !existing.isArray()) {
            throw new IllegalArgumentException("the config file's " + member + " must be an array to add to it");
        }
        ArrayNode array = existing == null ? config.putArray(member) : (ArrayNode) existing;
        items.forEach(array::add);
    }

    private static byte[] read(MountableFile file) {
        try {
            return Files.readAllBytes(Path.of(file.getResolvedPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config file " + file.getResolvedPath(), e);
        }
    }

    /**
     * Waits for the health endpoint, polling ten times a second, and gives up as soon as the container exits
     * (the emulator refused its configuration) instead of at the startup timeout.
     */
    private static final class HealthWait extends AbstractWaitStrategy {

        @Override
        protected void waitUntilReady() {
            Instant deadline = Instant.now().plus(startupTimeout);
            while (true) {
                try {
                    Wait.forHttp(HEALTH_PATH).forPort(PORT)
                            .withRateLimiter(RateLimiterBuilder.newBuilder().withRate(10, TimeUnit.SECONDS)
                                    .withConstantThroughput().build())
                            .withStartupTimeout(Duration.ofSeconds(1))
                            .waitUntilReady(waitStrategyTarget);
                    startLine(waitStrategyTarget, deadline);
                    return;
                } catch (ContainerLaunchException notYet) {
                    if (!waitStrategyTarget.isRunning()) {
                        throw new ContainerLaunchException("the emulator exited before it was healthy: "
                                + lastLine(waitStrategyTarget.getLogs()));
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw notYet;
                    }
                }
            }
        }

        private static String lastLine(String logs) {
            String[] lines = logs.strip().split("\n");
            return lines.length == 0 ? "(no output)" : lines[lines.length - 1];
        }
    }
}
