package dev.aigw.emulator.testsupport;

import dev.aigw.emulator.GatewaySettings;
import java.time.Duration;

/** Request bodies of gateway creates and updates that tests share, and the same settings built in Java. */
public final class GatewayBodies {

    /** A PEM RSA public key, as long as a real one is. */
    public static final String LOGPUSH_PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\\n"
            + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\\n"
            + "-----END PUBLIC KEY-----";

    private GatewayBodies() {
    }

    /** Returns the minimal create body of management-api.md G2 (what the SDK examples send). */
    public static String minimal(String id) {
        return """
                {"id": "%s", "cache_invalidate_on_update": true, "cache_ttl": 0, "collect_logs": true,
                 "rate_limiting_interval": 0, "rate_limiting_limit": 0}
                """.formatted(id);
    }

    /** Returns the minimal create body plus extra members, given as JSON text such as {@code "authentication":true}. */
    public static String minimalWith(String id, String extraMembers) {
        String minimal = minimal(id).strip();
        return extraMembers.isEmpty() ? minimal
                : minimal.substring(0, minimal.length() - 1) + ", " + extraMembers + "}";
    }

    /** Returns the settings of {@link #full}, built with the Java API. */
    public static GatewaySettings fullSettings() {
        return GatewaySettings.builder()
                .cacheInvalidateOnUpdate(true)
                .cacheTtl(Duration.ofHours(1))
                .collectLogs(false)
                .rateLimitingInterval(Duration.ofMinutes(1))
                .rateLimitingLimit(100)
                .rateLimitingTechnique(GatewaySettings.RateLimitingTechnique.SLIDING)
                .authentication(true)
                .logManagement(100_000)
                .logManagementStrategy(GatewaySettings.LogManagementStrategy.DELETE_OLDEST)
                .logpush(true)
                .logpushPublicKey(LOGPUSH_PUBLIC_KEY.replace("\\n", "\n"))
                .retryMaxAttempts(3)
                .retryDelay(Duration.ofMillis(500))
                .retryBackoff(GatewaySettings.Backoff.EXPONENTIAL)
                .workersAiBillingMode(GatewaySettings.WorkersAiBillingMode.UNIFIED)
                .zdr(true)
                .byokOnly(true)
                .storeId("023e105f4ecef8ad9ca31a8372d0c353")
                .dlp("""
                        {"enabled": true, "policies": [{"id": "policy-1", "action": "BLOCK",
                         "check": ["REQUEST", "RESPONSE"], "enabled": true, "profiles": ["profile-a"]}]}
                        """)
                .guardrails("{\"prompt\": {\"P1\": \"BLOCK\", \"S1\": \"FLAG\"}, \"response\": {\"S13\": \"FLAG\"}}")
                .otel("""
                        [{"url": "https://otel.example.com/v1/traces", "headers": {"x-team": "ai"},
                          "authorization": "Bearer otel-secret", "content_type": "protobuf"}]
                        """)
                .spendLimits("""
                        {"enabled": true, "rules": [{"id": "42c0089f", "limit": 25.5, "limitType": "cost",
                         "window": 86400, "enabled": true, "technique": "fixed",
                         "model": {"mode": "filter", "values": ["gpt-4o"]},
                         "provider": {"mode": "filter", "values": ["openai"]},
                         "metadata": {"team": {"mode": "partition"}, "env": {"mode": "filter", "values": ["prod"]}}}]}
                        """)
                .stripe("""
                        {"authorization": "sk_test_123", "usage_events": [{"payload": "{\\"event\\":\\"tokens\\"}"}]}
                        """)
                .logClassification(true)
                .build();
    }

    /** Returns a create body that sets every writable field of management-api.md 3.1 to a non-default value. */
    public static String full(String id) {
        return """
                {
                  "id": "%s",
                  "cache_invalidate_on_update": true,
                  "cache_ttl": 3600,
                  "collect_logs": false,
                  "rate_limiting_interval": 60,
                  "rate_limiting_limit": 100,
                  "rate_limiting_technique": "sliding",
                  "authentication": true,
                  "byok_only": true,
                  "log_management": 100000,
                  "log_management_strategy": "DELETE_OLDEST",
                  "logpush": true,
                  "logpush_public_key": "%s",
                  "retry_max_attempts": 3,
                  "retry_delay": 500,
                  "retry_backoff": "exponential",
                  "workers_ai_billing_mode": "unified",
                  "zdr": true,
                  "store_id": "023e105f4ecef8ad9ca31a8372d0c353",
                  "dlp": {"enabled": true, "policies": [{"id": "policy-1", "action": "BLOCK",
                          "check": ["REQUEST", "RESPONSE"], "enabled": true, "profiles": ["profile-a"]}]},
                  "guardrails": {"prompt": {"P1": "BLOCK", "S1": "FLAG"}, "response": {"S13": "FLAG"}},
                  "otel": [{"url": "https://otel.example.com/v1/traces", "headers": {"x-team": "ai"},
                            "authorization": "Bearer otel-secret", "content_type": "protobuf"}],
                  "spend_limits": {"enabled": true, "rules": [{"id": "42c0089f", "limit": 25.5, "limitType": "cost",
                          "window": 86400, "enabled": true, "technique": "fixed",
                          "model": {"mode": "filter", "values": ["gpt-4o"]},
                          "provider": {"mode": "filter", "values": ["openai"]},
                          "metadata": {"team": {"mode": "partition"}, "env": {"mode": "filter", "values": ["prod"]}}}]},
                  "stripe": {"authorization": "sk_test_123",
                             "usage_events": [{"payload": "{\\"event\\":\\"tokens\\"}"}]},
                  "log_classification": true
                }
                """.formatted(id, LOGPUSH_PUBLIC_KEY);
    }
}
