package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.proxy.ProxyClient;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A PATCH of a log entry with a number out of range is a 400/7001 at that member, and the entry is unchanged. */
@Timeout(30)
class LogPatchNumbersTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
    private final ManagementApi api = ManagementApi.of(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"feedback|1e999999999", "feedback|1e-999999999", "feedback|-1e400",
            "feedback|\"NaN\"", "feedback|2", "score|1e400", "score|1e-999999999", "score|-0.5", "score|[50]"})
    void aPatchWithAHostileNumberIsRefusedAtThatMember(String member, String value) {
        emulator.createGateway("gw");
        ProxyClient client = new ProxyClient(emulator);
        String id = client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT)
                .headers().firstValue("cf-aig-log-id").orElseThrow();
        JsonNode before = assertOk(api.get("/gateways/gw/logs/" + id));

        assertValidationError(api.send("PATCH", "/gateways/gw/logs/" + id,
                HttpRequest.BodyPublishers.ofString("{\"" + member + "\":" + value + "}")), "body", member);

        assertThat(assertOk(api.get("/gateways/gw/logs/" + id))).isEqualTo(before);
        assertThat(emulator.logs("gw")).extracting(LogEntry::feedback).containsOnlyNulls();
    }
}
