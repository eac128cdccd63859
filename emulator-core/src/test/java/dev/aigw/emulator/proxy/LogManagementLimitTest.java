package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.testsupport.ApiAssertions;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway's {@code log_management} limit over HTTP (proxy.md 7.3). The setting's minimum is 10,000 entries;
 * the log is filled cheaply through the universal endpoint, where each step tried is an entry: ten requests of
 * 1,000 steps that each fail with the fake provider's 400 ("missing model").
 */
@Timeout(60)
class LogManagementLimitTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().journalLimit(10).build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private void fillToTenThousand(String gateway) {
        StringJoiner steps = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 1000; i++) {
            steps.add("{\"provider\":\"openai\",\"endpoint\":\"chat/completions\",\"query\":{}}");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(client.post("/v1/" + emulator.accountId() + "/" + gateway, steps.toString()).statusCode())
                    .isEqualTo(400);
        }
        assertThat(emulator.logs(gateway)).hasSize(10_000);
    }

    private long totalCount(String gateway) {
        return ManagementApi.of(emulator).get("/gateways/" + gateway + "/logs?per_page=1").json()
                .get("result_info").get("total_count").longValue();
    }

    @Test
    void aFullLogThatStopsInsertingKeepsItsEntriesAndDropsTheNewOne() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .logManagement(10_000).logManagementStrategy(GatewaySettings.LogManagementStrategy.STOP_INSERTING)
                .build());
        fillToTenThousand("gw");
        List<LogEntry> before = emulator.logs("gw");

        HttpResponse<String> late = client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT);

        assertThat(late.statusCode()).isEqualTo(200);
        String lateId = late.headers().firstValue("cf-aig-log-id").orElseThrow();
        assertThat(totalCount("gw")).isEqualTo(10_000);
        assertThat(emulator.logs("gw")).extracting(LogEntry::id)
                .containsExactlyElementsOf(before.stream().map(LogEntry::id).toList()).doesNotContain(lateId);
        ApiAssertions.assertNotFound(ManagementApi.of(emulator).get("/gateways/gw/logs/" + lateId));
    }

    @Test
    void aFullLogThatDeletesTheOldestEvictsOneEntryForEachNewOne() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .logManagement(10_000).logManagementStrategy(GatewaySettings.LogManagementStrategy.DELETE_OLDEST)
                .build());
        fillToTenThousand("gw");
        List<LogEntry> before = emulator.logs("gw");

        HttpResponse<String> late = client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT);

        String lateId = late.headers().firstValue("cf-aig-log-id").orElseThrow();
        List<LogEntry> after = emulator.logs("gw");
        assertThat(totalCount("gw")).isEqualTo(10_000);
        assertThat(after.get(0).id()).isEqualTo(before.get(1).id());
        assertThat(after.get(after.size() - 1).id()).isEqualTo(lateId);
    }

    @Test
    void withoutALimitTheLogKeepsGrowingPastTheMinimum() {
        emulator.createGateway("gw");
        fillToTenThousand("gw");

        client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT);

        assertThat(totalCount("gw")).isEqualTo(10_001);
    }
}
