package dev.aigw.emulator.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.standalone.ConfigFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.containers.BindMode;
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
 * proxy with fake providers, and the control API, on one mapped port; {@link #emulator()} drives it with the same
 * {@link dev.aigw.emulator.Emulator} interface and value types as the in-process emulator.
 *
 * <pre>{@code
 * @Container
 * static AiGatewayContainer gateway = new AiGatewayContainer(
 *         DockerImageName.parse("aigw-emulator/aigw-emulator:0.1.0-SNAPSHOT"))
 *         .withClockMode(ClockMode.AUTO);
 *
 * String sdkBaseUrl = gateway.getManagementUrl();      // for a Cloudflare SDK, with gateway.getApiToken()
 * String openAiBaseUrl = gateway.getProviderUrl("my-gateway", "openai");
 * gateway.emulator().script("openai").enqueue(UpstreamResponse.status(503), 4);
 * }</pre>
 *
 * <p>Scalar settings go to the emulator's {@code AIGW_*} variables, which win over the config file; accounts, tokens
 * and gateways are added to the config file ({@link #withConfigFile(MountableFile)}, or one the container writes
 * with {@link ConfigFileWriter}), which is copied to {@value #CONFIG_PATH}. The control API answers only the hosts
 * that reach the container: the Docker host as {@link #getHost()} names it and the container's network aliases
 * ({@code AIGW_ALLOWED_HOSTS}; add more with {@code withEnv}). The account id and token getters read
 * what the emulator printed at start-up, so they are right whatever set them.
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

    /** Where a reply fixture directory is copied inside the container. */
    public static final String REPLY_FIXTURES_PATH = "/etc/aigw-emulator/replies";

    /** Where a recordings directory of the host is mounted in the container. */
    public static final String RECORDINGS_PATH = "/var/lib/aigw-emulator/recordings";

    private static final Pattern START_LINE = Pattern.compile(
            "AI Gateway emulator listening on \\S+ account_id=(\\S+) api_token=(\\S+) clock=(\\S+)");

    private MountableFile configFile;
    private Path replyFixtures;
    private String configJson;
    private final List<String> accounts = new ArrayList<>();
    private final List<ApiToken> tokens = new ArrayList<>();
    private final Map<String, GatewaySettings> gateways = new LinkedHashMap<>();
    private ClockMode clockMode;
    private String accountId;
    private String apiToken;
    private RemoteEmulator emulator;

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
     * Adds a token with some permissions on some accounts ({@link ApiToken#ANY_ACCOUNT} for all); once tokens are
     * added, the emulator's default token is gone (the {@link #withApiToken(String) API token} stays).
     *
     * @throws IllegalArgumentException if the value is not a token's, or no account or permission is given
     */
    public AiGatewayContainer withToken(String value, Set<String> accountIds, Set<Permission> permissions) {
        tokens.add(new ApiToken(value, accountIds, permissions));
        return self();
    }

    /**
     * Declares a gateway of the default account with {@link GatewaySettings#defaults()}: the emulator has it from the
     * start, and {@code reset()} creates it again.
     *
     * @throws dev.aigw.emulator.ManagementApiException if the management API would refuse to create it (the id)
     * @throws IllegalArgumentException if a gateway with that id is declared already
     */
    public AiGatewayContainer withGateway(String id) {
        return withGateway(id, GatewaySettings.defaults());
    }

    /**
     * Declares a gateway of the default account with these settings: the emulator has it from the start, and
     * {@code reset()} creates it again. Checked here as {@code POST /gateways} checks it.
     *
     * @throws dev.aigw.emulator.ManagementApiException if the management API would refuse to create it, with one
     *     error for each invalid field
     * @throws IllegalArgumentException if a gateway with that id is declared already
     */
    public AiGatewayContainer withGateway(String id, GatewaySettings settings) {
        AiGatewayEmulator.builder().gateway(id, settings);
        if (gateways.putIfAbsent(id, settings) != null) {
            throw new IllegalArgumentException("the gateway \"" + id + "\" is declared twice; declare each gateway"
                    + " once");
        }
        return self();
    }

    /**
     * Sets the clock the emulator runs on: {@link ClockMode#SYSTEM} (the standalone default) is real time;
     * {@link ClockMode#AUTO} and {@link ClockMode#MANUAL} are a virtual clock ({@code AIGW_CLOCK=virtual}), switched
     * to manual once the container is up, driven through {@code emulator().clock()}.
     */
    public AiGatewayContainer withClockMode(ClockMode mode) {
        this.clockMode = Objects.requireNonNull(mode, "mode");
        return withEnv("AIGW_CLOCK", mode == ClockMode.SYSTEM ? "system" : "virtual");
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

    /**
     * Gives the emulator the reply rules of a fixture directory on the host (each {@code *.json} file a reply rule or
     * {@code {"rules": [...]}}, read in file-name order): the directory is checked here, copied to
     * {@value #REPLY_FIXTURES_PATH} and named by {@code AIGW_REPLY_FIXTURES}. Its rules stay through {@code reset()}.
     *
     * @throws IllegalArgumentException if the directory or a file in it is not valid, listing every problem with its
     *     file and member
     * @throws IllegalStateException if a directory was given already
     */
    public AiGatewayContainer withReplyFixtures(Path directory) {
        AiGatewayEmulator.builder().replyFixtures(Objects.requireNonNull(directory, "directory"));
        if (replyFixtures != null) {
            throw new IllegalStateException("the reply fixtures are " + replyFixtures + " already; give one directory");
        }
        this.replyFixtures = directory;
        withCopyFileToContainer(MountableFile.forHostPath(directory), REPLY_FIXTURES_PATH);
        return withEnv("AIGW_REPLY_FIXTURES", REPLY_FIXTURES_PATH);
    }

    /**
     * Mounts a recordings directory of the host as a volume at {@value #RECORDINGS_PATH}, named by
     * {@code AIGW_RECORDINGS}, with the recording modes {@code modes} ({@code AIGW_RECORDING_MODE}: {@code replay},
     * {@code record-missing}, {@code openai=record}, ...): providers replay its files, and files the container records
     * appear on the host (docs/recording.md). The files are checked here.
     *
     * @throws IllegalArgumentException if a recording file is malformed (naming the file and the member) or
     *     {@code modes} names no mode
     */
    public AiGatewayContainer withRecordings(Path directory, String modes) {
        Objects.requireNonNull(directory, "directory");
        RecordingSettings settings = RecordingSettings.in(directory).build().withModes(Objects.requireNonNull(modes,
                "modes"));
        AiGatewayEmulator.builder().recordings(RecordingSettings.in(directory)
                .mode(settings.mode()).build()).build().close();
        withFileSystemBind(directory.toAbsolutePath().toString(), RECORDINGS_PATH, BindMode.READ_WRITE);
        withEnv("AIGW_RECORDINGS", RECORDINGS_PATH);
        return withEnv("AIGW_RECORDING_MODE", modes);
    }

    /**
     * Sets whether replies are strict from the start ({@code AIGW_STRICT_REPLIES}): a chat request no reply rule
     * matches gets the provider's 400 error and is a reply problem; {@code emulator().replies().strict(..)} changes
     * it while the container runs.
     */
    public AiGatewayContainer withStrictReplies(boolean strict) {
        return withEnv("AIGW_STRICT_REPLIES", String.valueOf(strict));
    }

    @Override
    protected void configure() {
        withEnv("AIGW_ALLOWED_HOSTS", String.join(",", allowedHosts()));
        String config = configFile();
        if (config != null) {
            withCopyToContainer(Transferable.of(config.getBytes(StandardCharsets.UTF_8), 0644), CONFIG_PATH);
            withEnv("AIGW_CONFIG", CONFIG_PATH);
        }
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        Matcher line = startLine(this, Instant.now().plusSeconds(5));
        accountId = line.group(1);
        apiToken = line.group(2);
        emulator = RemoteEmulator.connect(getBaseUrl(), accountId, apiToken);
        if (clockMode == ClockMode.MANUAL) {
            emulator.clock().setMode(ClockMode.MANUAL);
        }
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
        return emulator().managementUrl();
    }

    /** Returns the data-plane URL of a gateway of the default account: {@code {baseUrl}/v1/{accountId}/{gatewayId}}. */
    public String getGatewayUrl(String gatewayId) {
        return emulator().gatewayUrl(gatewayId);
    }

    /** Returns the base URL an LLM SDK takes for a provider on a gateway: {@code {gatewayUrl}/{provider}}. */
    public String getProviderUrl(String gatewayId, String provider) {
        return emulator().providerUrl(gatewayId, provider);
    }

    /** Returns the default account id, as the running emulator reported it. */
    public String getAccountId() {
        return emulator().accountId();
    }

    /** Returns the token the running emulator reported: the API token, else the first configured or default one. */
    public String getApiToken() {
        return emulator().apiToken();
    }

    /**
     * Returns the emulator in the container, driven over HTTP with the same operations, value types and messages as
     * the in-process {@link AiGatewayEmulator}: gateways, scripts, recorded requests, timelines, logs, the clock and
     * {@code reset()}.
     *
     * @throws IllegalStateException if the container is not started
     */
    public RemoteEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the container is not started; call start() (or use @Container) first");
        }
        return emulator;
    }

    /**
     * Returns the hosts the control API must answer besides loopback, since the emulator binds 0.0.0.0: the Docker
     * host as Testcontainers reaches it ({@link #getHost()}), the container's network aliases (other containers
     * reach it by them), and any the user set in {@code AIGW_ALLOWED_HOSTS}.
     */
    private Set<String> allowedHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        String given = getEnvMap().get("AIGW_ALLOWED_HOSTS");
        if (given != null && !given.isBlank()) {
            hosts.addAll(List.of(given.split(",")));
        }
        hosts.add(getHost());
        hosts.addAll(getNetworkAliases());
        return hosts;
    }

    /** Returns the config file's text: the user's file or text, with the added pieces appended; null if none. */
    private String configFile() {
        String own = configJson != null ? configJson : configFile != null ? read(configFile) : null;
        if (accounts.isEmpty() && tokens.isEmpty() && gateways.isEmpty()) {
            return own;
        }
        ConfigFileWriter config = own == null ? ConfigFileWriter.empty() : ConfigFileWriter.of(own);
        accounts.forEach(config::account);
        tokens.forEach(config::token);
        gateways.forEach(config::gateway);
        return config.toJson();
    }

    private static String read(MountableFile file) {
        try {
            return Files.readString(Path.of(file.getResolvedPath()), StandardCharsets.UTF_8);
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
