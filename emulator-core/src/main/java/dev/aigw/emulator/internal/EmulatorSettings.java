package dev.aigw.emulator.internal;

import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.GlobalApiKey;
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
        boolean strictReplies) {

    /** The request header that scopes scripts and the journal to one test; never forwarded upstream. */
    public static final String TEST_ID_HEADER = "x-aigw-test-id";

    public EmulatorSettings {
        accountIds = Set.copyOf(accountIds);
        tokens = List.copyOf(tokens);
        globalApiKeys = List.copyOf(globalApiKeys);
        realUpstreams = Map.copyOf(realUpstreams);
        allowedHosts = Set.copyOf(allowedHosts);
        replyRules = List.copyOf(replyRules);
    }
}
