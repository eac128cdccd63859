package dev.aigw.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drives an AI Gateway emulator from a test: its URLs, gateways, logs, scripted upstreams, recorded requests,
 * timelines and clock. Two transports implement it with the same value types and the same messages:
 * {@link AiGatewayEmulator} in this JVM, and {@link RemoteEmulator} over the control and management APIs of an
 * emulator running elsewhere (the standalone jar, {@code docker run}, a Testcontainers container).
 *
 * <pre>{@code
 * void retriesFourTimes(Emulator emulator) {
 *     emulator.createGateway("my-gateway");
 *     emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);
 *     // ... call emulator.providerUrl("my-gateway", "openai") with a client ...
 *     assertThat(emulator.lastTimeline().attemptStartsMillis()).hasSize(5);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Over HTTP each call is one or a few blocking requests, and a failure to reach the emulator is an
 * {@link java.io.UncheckedIOException} naming its URL.
 */
public sealed interface Emulator permits AiGatewayEmulator, RemoteEmulator {

    /** Returns the emulator's root URL, e.g. {@code http://127.0.0.1:53211}, without a trailing slash. */
    String baseUrl();

    /** Returns the v4 API base URL a Cloudflare SDK takes, e.g. {@code http://127.0.0.1:53211/client/v4}. */
    default String managementUrl() {
        return baseUrl() + "/client/v4";
    }

    /** Returns the data-plane URL of a gateway: {@code {baseUrl}/v1/{accountId}/{gatewayId}}. */
    default String gatewayUrl(String gatewayId) {
        return baseUrl() + "/v1/" + accountId() + "/" + gatewayId;
    }

    /** Returns the base URL an LLM SDK takes for a provider: {@code {gatewayUrl}/{provider}}. */
    default String providerUrl(String gatewayId, String provider) {
        return gatewayUrl(gatewayId) + "/" + provider;
    }

    /** Returns the account id this emulator's gateways, logs and URLs belong to: the default account. */
    String accountId();

    /** Returns the value of the API token the management API is called with. */
    String apiToken();

    /**
     * Creates a gateway of the default account with {@link GatewaySettings#defaults()}, the settings a gateway
     * created in the dashboard gets, and returns it; the same as {@code POST /gateways} with only those settings.
     *
     * @throws ManagementApiException if the management API would refuse it: an id that is not 1 to 64 lower-case
     *     letters, digits, {@code _} and single {@code -} (400/7001), an id already taken (400/7001), the account's
     *     gateway limit reached (400/7001)
     */
    default Gateway createGateway(String id) {
        return createGateway(id, GatewaySettings.defaults());
    }

    /**
     * Creates a gateway of the default account with these settings and returns it, validated as the management
     * API validates {@code POST /gateways}.
     *
     * @throws ManagementApiException if the management API would refuse it, with one error for each invalid field
     */
    Gateway createGateway(String id, GatewaySettings settings);

    /** Returns the gateway of the default account with that id, or empty when there is none. */
    Optional<Gateway> gateway(String id);

    /** Returns the gateways of the default account as {@code GET /gateways} lists them: newest first, then by id. */
    List<Gateway> gateways();

    /**
     * Replaces every setting of a gateway of the default account with these and returns the gateway; settings not
     * given take their {@link GatewaySettings#defaults()}, so change some with
     * {@code gateway(id).orElseThrow().settings().newBuilder()}. Validated as {@code PUT /gateways/{id}} is; caches
     * and rate-limit windows follow the change as they do after that call.
     *
     * @throws ManagementApiException if the gateway does not exist (404/7002) or a setting is invalid (400/7001,
     *     one error for each invalid field)
     */
    Gateway updateGateway(String id, GatewaySettings settings);

    /**
     * Deletes a gateway of the default account with its logs, cached responses and rate-limit windows, and returns
     * it as it was.
     *
     * @throws ManagementApiException if the gateway does not exist (404/7002)
     */
    Gateway deleteGateway(String id);

    /**
     * Creates a custom provider of the default account and returns it; the same as {@code POST /custom-providers}
     * with these settings. Once enabled, every gateway of the account reaches it as {@code custom-{slug}}.
     *
     * @throws ManagementApiException if the management API would refuse it: a bad member (400/1002, one error for
     *     each, with its path), a slug the account already has (409/1003)
     */
    CustomProvider createCustomProvider(CustomProviderSettings settings);

    /** Returns the custom provider of the default account with that id, or empty when there is none. */
    Optional<CustomProvider> customProvider(String id);

    /** Returns the custom providers of the default account by position (absent last), then name. */
    List<CustomProvider> customProviders();

    /**
     * Sets every member of a custom provider that {@code settings} gives ({@code PATCH /custom-providers/{id}});
     * the optional text members {@code settings} leaves {@code null} keep their values. Returns the provider.
     *
     * @throws ManagementApiException if it does not exist (404/1004), a member is bad (400/1002) or the slug is
     *     taken (409/1003)
     */
    CustomProvider updateCustomProvider(String id, CustomProviderSettings settings);

    /**
     * Deletes a custom provider of the default account, whose requests are refused (400/2008) from then on, and
     * returns it as it was.
     *
     * @throws ManagementApiException if it does not exist (404/1004)
     */
    CustomProvider deleteCustomProvider(String id);

    /**
     * Returns the log entries of a gateway of the default account, oldest first; empty when it has none. The
     * Logs API of the management API serves the same entries.
     */
    default List<LogEntry> logs(String gatewayId) {
        return logs(gatewayId, LogQuery.all());
    }

    /**
     * Returns the log entries of a gateway of the default account that a query selects, oldest first; empty when
     * the gateway has none or does not exist.
     */
    List<LogEntry> logs(String gatewayId, LogQuery query);

    /**
     * Returns the script of a provider's upstream, to queue responses and faults (see {@link ProviderScript}).
     *
     * @throws IllegalArgumentException if {@code provider} names no provider; the message names the closest slugs
     */
    ProviderScript script(String provider);

    /**
     * Returns the script steps still queued, in the order attempts look at them, each with its provider, gateway
     * and test id, and the responses it still gives.
     */
    List<PendingScript> pendingScripts();

    /**
     * Fails if scripted responses were never used, listing them, as a test should when it ends: a step queued with
     * {@link ProviderScript#enqueue} whose attempts never came. Steps that repeat ({@code always}, every nth, with a
     * probability) are never leftovers.
     *
     * @throws AssertionError listing the leftover steps
     */
    default void verifyNoLeftoverScripts() {
        verifyNoLeftovers(pendingScripts(), "");
    }

    /**
     * Fails if scripted responses narrowed to this test id ({@link ProviderScript#forTest}) were never used,
     * listing them: the check of one test among several that share this emulator. Steps of other test ids, and
     * steps not narrowed to a test, are not looked at.
     *
     * @throws AssertionError listing the leftover steps
     */
    default void verifyNoLeftoverScripts(String testId) {
        Objects.requireNonNull(testId, "testId");
        verifyNoLeftovers(pendingScripts().stream().filter(p -> testId.equals(p.testId())).toList(),
                " for test \"" + testId + "\"");
    }

    /**
     * Returns the reply rules: what the fake models answer, matched on the conversation (see {@link ReplyRules}).
     */
    ReplyRules replies();

    /** Returns the datasets, evaluation types and evaluations of the emulator's account, and their availability. */
    Evaluations evaluations();

    /**
     * Returns the recordings of real provider exchanges and each provider's recording mode (see {@link Recordings}).
     */
    Recordings recordings();

    /** Returns the fake content scanner that gateways' Guardrails and DLP settings act on (see {@link ContentScanner}). */
    ContentScanner scanner();

    /**
     * Returns the reply problems seen since the start or the last reset, oldest first: requests no rule matched in
     * strict mode, replies that break the schema the request asked for, schemas the emulator cannot answer.
     */
    List<ReplyProblem> replyProblems();

    /**
     * Fails if any reply problem was seen, listing them, as a test should when it ends.
     *
     * @throws AssertionError listing the problems
     */
    default void verifyReplies() {
        verifyNoReplyProblems(replyProblems(), "");
    }

    /**
     * Fails if a reply problem was seen for requests carrying this test id, listing them.
     *
     * @throws AssertionError listing the problems
     */
    default void verifyReplies(String testId) {
        Objects.requireNonNull(testId, "testId");
        verifyNoReplyProblems(replyProblems().stream().filter(p -> testId.equals(p.testId())).toList(),
                " for test \"" + testId + "\"");
    }

    private static void verifyNoReplyProblems(List<ReplyProblem> problems, String scope) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(problems.size() + " reply problem" + (problems.size() == 1 ? "" : "s")
                + scope + ":");
        for (ReplyProblem p : problems) {
            message.append("\n  - ").append(p.kind()).append(" (").append(p.provider()).append(", gateway ")
                    .append(p.gatewayId()).append("): ").append(p.message());
        }
        throw new AssertionError(message.toString());
    }

    /**
     * Returns the oldest upstream attempt not taken yet; never blocks: a client that got its response
     * always finds its attempts recorded.
     *
     * @throws IllegalStateException if every recorded attempt was taken already
     */
    RecordedRequest takeRequest();

    /**
     * Returns the oldest upstream attempt not taken yet, waiting for one to be recorded (a client running on another
     * thread) for at most {@code realTimeout} of real time, whatever the emulator's clock.
     *
     * @throws IllegalStateException if none was recorded within the timeout
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    RecordedRequest takeRequest(Duration realTimeout) throws InterruptedException;

    /** Returns every recorded upstream attempt, oldest first (taken ones included). */
    List<RecordedRequest> recordedRequests();

    /**
     * Returns the recorded upstream attempts of a provider, a gateway and a test id, oldest first (taken ones
     * included); a {@code null} argument selects every value, e.g. {@code recordedRequests("openai", null, "t1")}.
     *
     * @throws IllegalArgumentException if {@code provider} names no provider
     */
    List<RecordedRequest> recordedRequests(String provider, String gatewayId, String testId);

    /**
     * Stores a provider key on a gateway (BYOK; management API {@code POST .../provider_configs}); the answer never
     * carries the raw key.
     *
     * @throws ManagementApiException as the management API refuses it: 404/7002 for a missing gateway, 400/7001
     *     with the member's path for a bad config or an alias the provider already has
     */
    ProviderConfig createProviderConfig(String gatewayId, NewProviderConfig config);

    /** Returns the provider keys stored on a gateway, newest first ({@code GET .../provider_configs}). */
    List<ProviderConfig> providerConfigs(String gatewayId);

    /**
     * Replaces the key of a stored provider config ({@code PUT .../provider_configs/{id}}); the next request uses
     * the new key.
     *
     * @throws ManagementApiException 404/7002 for a missing gateway or config, 400/7001 for an empty key
     */
    ProviderConfig rotateProviderKey(String gatewayId, String configId, String secret);

    /**
     * Deletes a stored provider config and returns it as it was ({@code DELETE .../provider_configs/{id}});
     * requests naming its alias are refused from then on.
     *
     * @throws ManagementApiException 404/7002 for a missing gateway or config
     */
    ProviderConfig deleteProviderConfig(String gatewayId, String configId);

    /**
     * Registers the value of a Secrets Store secret ({@code PUT /__emulator/secrets/{secret_id}}), the key a
     * provider config created with {@link NewProviderConfig#secretReference} sends upstream; reset forgets it.
     *
     * @throws IllegalArgumentException if the id is not 32 lower-case hex characters or the value is empty
     */
    void putSecret(String secretId, String value);

    /** Returns the timelines of the latest requests that reached the attempt stage, oldest first. */
    List<Timeline> timelines();

    /** Returns the accounts' Unified Billing credits, top-ups and ledgers (see {@link Billing}). */
    Billing billing();

    /**
     * Returns the timeline of the latest request.
     *
     * @throws IllegalStateException if no request has reached an upstream yet
     */
    default Timeline lastTimeline() {
        List<Timeline> all = timelines();
        if (all.isEmpty()) {
            throw new IllegalStateException("no request has reached the attempt stage yet");
        }
        return all.get(all.size() - 1);
    }

    /**
     * Returns the control of the emulator's time: read it, switch auto/manual, advance it, and wait until requests
     * are parked on it; on the system clock it only reads.
     */
    ClockControl clock();

    /**
     * Sets how dynamic routes' percentage elements pick (default seed 0, {@link PercentageMode#SEEDED}); the
     * counters behind the picks stay until {@link #reset()}. Same as {@code PUT /__emulator/routing}.
     */
    void routing(long seed, PercentageMode mode);

    /** Returns the dynamic routes of this emulator's gateways: create, versions, deployments, list, get, delete. */
    Routes routes();

    /**
     * Empties gateways, logs, caches, rate-limit windows, scripts and every other runtime state, then creates the
     * gateways declared up front (on the builder, or in the standalone emulator's config file) again, as new;
     * accounts, tokens and the clock stay.
     */
    void reset();

    private static void verifyNoLeftovers(List<PendingScript> pending, String whose) {
        List<PendingScript> leftovers = pending.stream().filter(p -> !p.repeats()).toList();
        if (leftovers.isEmpty()) {
            return;
        }
        int responses = leftovers.stream().mapToInt(PendingScript::remaining).sum();
        StringBuilder message = new StringBuilder().append(responses).append(" scripted response")
                .append(responses == 1 ? " was" : "s were").append(" never used").append(whose).append(':');
        leftovers.forEach(p -> message.append("\n  ").append(p));
        message.append("\nno attempt came for them: send the requests they were meant for, queue fewer, or clear()"
                + " the script; a step meant to stay is queued with always(), everyNth() or withProbability()");
        throw new AssertionError(message.toString());
    }
}
