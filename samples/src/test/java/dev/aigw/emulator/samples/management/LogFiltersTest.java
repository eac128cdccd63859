package dev.aigw.emulator.samples.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.LogQuery;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Logs API's {@code filters}, over HTTP and from Java: three requests are logged (gpt-4o-mini answers, gpt-4o
 * fails once with 500, then answers), and "gpt-4o and not a success" selects the one failure.
 */
@Timeout(30)
@AiGatewayTest(gateways = "my-gateway")
class LogFiltersTest {

    @BeforeEach
    void logThreeRequests(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) throws Exception {
        chat(emulator, "gpt-4o-mini");
        openai.enqueue(UpstreamResponse.status(500));
        chat(emulator, "gpt-4o");
        chat(emulator, "gpt-4o");
    }

    @Test
    void theLogsApiTakesItsFiltersAsAJsonArray(AiGatewayEmulator emulator) throws Exception {
        String filters = """
                [{"key": "model", "operator": "eq", "value": ["gpt-4o"]},
                 {"key": "success", "operator": "eq", "value": [false]}]""";
        URI logs = URI.create(emulator.managementUrl() + "/accounts/" + emulator.accountId()
                + "/ai-gateway/gateways/my-gateway/logs?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(logs).header("Authorization", "Bearer " + emulator.apiToken()).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.at("/result_info/total_count").intValue()).isEqualTo(1);
        assertThat(body.at("/result/0/model").textValue()).isEqualTo("gpt-4o");
        assertThat(body.at("/result/0/success").booleanValue()).isFalse();
    }

    @Test
    void theBracketFormSaysTheSame(AiGatewayEmulator emulator) throws Exception {
        String filters = "filters[0][key]=model&filters[0][operator]=eq&filters[0][value][0]=gpt-4o"
                + "&filters[1][key]=success&filters[1][operator]=eq&filters[1][value][0]=false";
        URI logs = URI.create(emulator.managementUrl() + "/accounts/" + emulator.accountId()
                + "/ai-gateway/gateways/my-gateway/logs?" + filters.replace("[", "%5B").replace("]", "%5D"));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(logs).header("Authorization", "Bearer " + emulator.apiToken()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(new ObjectMapper().readTree(response.body()).at("/result_info/total_count").intValue())
                .isEqualTo(1);
    }

    @Test
    void javaTakesTheSameFilters(AiGatewayEmulator emulator) {
        List<LogEntry> failures = emulator.logs("my-gateway", LogQuery.builder()
                .model("gpt-4o")
                .success(false)
                .build());
        List<LogEntry> answered = emulator.logs("my-gateway", LogQuery.builder()
                .filter("model", "contains", "gpt-4o")           // any key and operator of the Logs API
                .filter("duration", "lt", 60_000)
                .filter("tokens_out", "gt", 0)
                .build());

        assertThat(failures).extracting(LogEntry::statusCode).containsExactly(500);
        assertThat(answered).hasSize(2);
    }

    private static void chat(AiGatewayEmulator emulator, String model) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.providerUrl("my-gateway", "openai") + "/chat/completions"))
                .header("Authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
