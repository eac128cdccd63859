package dev.aigw.emulator.internal;

import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.GlobalApiKey;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.ReplyRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fixed configuration of one emulator, as its builder assembled it. */
public record EmulatorSettings(
        String host,
        int port,
        String defaultAccountId,
        Set<String> accountIds,
        List<ApiToken> tokens,
        List<GlobalApiKey> globalApiKeys,
        EmulatorClock clock,
        long maxBodyBytes,
        int maxGatewaysPerAccount,
        boolean legacyGatewayFields,
        int ioThreads,
        int workerThreads,
        Map<String, String> realUpstreams,
        int journalLimit,
        boolean hints,
        Duration requestReadTimeout,
        Set<String> allowedHosts,
        List<ReplyRule> replyRules,
        boolean strictReplies,
        boolean forwardCustomProviders,
        RecordingSettings recordings,
        boolean redactCredentials,
        boolean requireSecretsStore) {

    /** The request header that scopes scripts and the journal to one test; never forwarded upstream. */
    public static final String TEST_ID_HEADER = "x-aigw-test-id";

    /** Settings that serve custom providers by the generic fake (no forwarding to their {@code base_url}). */
    public EmulatorSettings(String host, int port, String defaultAccountId, Set<String> accountIds,
                            List<ApiToken> tokens, List<GlobalApiKey> globalApiKeys, EmulatorClock clock,
                            long maxBodyBytes, int maxGatewaysPerAccount, boolean legacyGatewayFields, int ioThreads,
                            int workerThreads, Map<String, String> realUpstreams, int journalLimit, boolean hints,
                            Duration requestReadTimeout, Set<String> allowedHosts, List<ReplyRule> replyRules,
                            boolean strictReplies) {
        this(host, port, defaultAccountId, accountIds, tokens, globalApiKeys, clock, maxBodyBytes,
                maxGatewaysPerAccount, legacyGatewayFields, ioThreads, workerThreads, realUpstreams, journalLimit,
                hints, requestReadTimeout, allowedHosts, replyRules, strictReplies, false);
    }

    /** Settings without recordings, keeping credentials in the journal whole and not requiring a Secrets Store. */
    public EmulatorSettings(String host, int port, String defaultAccountId, Set<String> accountIds,
                            List<ApiToken> tokens, List<GlobalApiKey> globalApiKeys, EmulatorClock clock,
                            long maxBodyBytes, int maxGatewaysPerAccount, boolean legacyGatewayFields, int ioThreads,
                            int workerThreads, Map<String, String> realUpstreams, int journalLimit, boolean hints,
                            Duration requestReadTimeout, Set<String> allowedHosts, List<ReplyRule> replyRules,
                            boolean strictReplies, boolean forwardCustomProviders) {
        this(host, port, defaultAccountId, accountIds, tokens, globalApiKeys, clock, maxBodyBytes,
                maxGatewaysPerAccount, legacyGatewayFields, ioThreads, workerThreads, realUpstreams, journalLimit,
                hints, requestReadTimeout, allowedHosts, replyRules, strictReplies, forwardCustomProviders, null, false,
                false);
    }

    public EmulatorSettings {
        accountIds = Set.copyOf(accountIds);
        tokens = List.copyOf(tokens);
        globalApiKeys = List.copyOf(globalApiKeys);
        realUpstreams = Map.copyOf(realUpstreams);
        allowedHosts = Set.copyOf(allowedHosts);
        replyRules = List.copyOf(replyRules);
    }
}
