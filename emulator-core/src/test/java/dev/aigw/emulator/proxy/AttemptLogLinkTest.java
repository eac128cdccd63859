package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamResponse;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every recorded upstream attempt names the log entry of its step, so a test (or the dashboard) goes from an entry to
 * the attempts behind it exactly, however many requests arrived at the same virtual instant.
 */
@Timeout(30)
class AttemptLogLinkTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void eachAttemptCarriesTheLogIdTheClientGot() {
        emulator.createGateway("gw");
        HttpResponse<String> first = client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT);
        HttpResponse<String> second = client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT);

        List<RecordedRequest> attempts = emulator.recordedRequests();

        assertThat(attempts).extracting(RecordedRequest::at).as("the same virtual instant").containsOnly(attempts
                .get(0).at());
        assertThat(attempts).extracting(RecordedRequest::logId).containsExactly(
                first.headers().firstValue("cf-aig-log-id").orElseThrow(),
                second.headers().firstValue("cf-aig-log-id").orElseThrow());
        assertThat(emulator.logs("gw")).extracting(LogEntry::id)
                .containsExactlyInAnyOrderElementsOf(attempts.stream().map(RecordedRequest::logId).toList());
    }

    @Test
    void aFallbackStepsAttemptCarriesItsOwnStepsLogId() {
        emulator.createGateway("gw");
        emulator.script("openai").enqueue(UpstreamResponse.status(503));
        String step = "{\"provider\":\"%s\",\"endpoint\":\"chat/completions\",\"headers\":{\"Authorization\":\"Bearer k\","
                + "\"Content-Type\":\"application/json\"},\"query\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}}";

        HttpResponse<String> response = client.post("/v1/" + emulator.accountId() + "/gw",
                "[" + step.formatted("openai") + "," + step.formatted("groq") + "]");

        assertThat(response.headers().firstValue("cf-aig-step")).contains("1");
        List<RecordedRequest> attempts = emulator.recordedRequests();
        Map<Integer, LogEntry> entries = emulator.logs("gw").stream()
                .collect(Collectors.toMap(LogEntry::step, Function.identity()));
        assertThat(attempts).extracting(RecordedRequest::step).containsExactly(0, 1);
        assertThat(attempts.get(0).logId()).isEqualTo(entries.get(0).id());
        assertThat(attempts.get(1).logId()).isEqualTo(entries.get(1).id())
                .isEqualTo(response.headers().firstValue("cf-aig-log-id").orElseThrow());
    }
}
