package dev.aigw.emulator.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.internal.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Token counts from each provider's usage block, and the cost estimate (proxy.md 7.2, 7.5). */
class UsageAndPricesTest {

    private static Usage json(String body) {
        return Usage.of("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Usage sse(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            body.append(event).append("\n\n");
        }
        return Usage.of("text/event-stream", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void openAiUsageIsPromptAndCompletionTokens() {
        assertThat(json("{\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}}"))
                .isEqualTo(new Usage(12, 7));
    }

    @Test
    void anthropicAndResponsesUsageIsInputAndOutputTokens() {
        assertThat(json("{\"type\":\"message\",\"usage\":{\"input_tokens\":3,\"output_tokens\":4}}"))
                .isEqualTo(new Usage(3, 4));
    }

    @Test
    void workersAiUsageSitsUnderResult() {
        assertThat(json("{\"result\":{\"response\":\"hi\",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":6}},"
                + "\"success\":true}")).isEqualTo(new Usage(5, 6));
    }

    @Test
    void googleUsageIsUsageMetadata() {
        assertThat(json("{\"candidates\":[],\"usageMetadata\":{\"promptTokenCount\":8,\"candidatesTokenCount\":9}}"))
                .isEqualTo(new Usage(8, 9));
    }

    @Test
    void cohereUsageIsItsTokensBlock() {
        assertThat(json("{\"usage\":{\"billed_units\":{\"input_tokens\":1},\"tokens\":{\"input_tokens\":2,"
                + "\"output_tokens\":3}}}")).isEqualTo(new Usage(2, 3));
    }

    @Test
    void aStreamTakesItsCountsFromTheUsageEventsLaterOnesWinning() {
        assertThat(sse("data: {\"choices\":[],\"usage\":null}",
                "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2}}",
                "data: [DONE]")).isEqualTo(new Usage(10, 2));
        assertThat(sse("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":"
                        + "{\"input_tokens\":11,\"output_tokens\":1}}}",
                "event: message_delta\ndata: {\"type\":\"message_delta\",\"usage\":{\"output_tokens\":15}}"))
                .isEqualTo(new Usage(11, 15));
    }

    @Test
    void aStreamWithoutAUsageEventAndBodiesThatAreNotJsonHaveNoCounts() {
        assertThat(sse("data: {\"choices\":[]}", "data: [DONE]")).isEqualTo(Usage.UNKNOWN);
        assertThat(Usage.of("text/plain", "hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(Usage.UNKNOWN);
        assertThat(json("{\"error\":{\"message\":\"no\"}}")).isEqualTo(Usage.UNKNOWN);
        assertThat(json("{broken")).isEqualTo(Usage.UNKNOWN);
        assertThat(Usage.of(null, new byte[] {1})).isEqualTo(Usage.UNKNOWN);
        assertThat(Usage.of("application/json", null)).isEqualTo(Usage.UNKNOWN);
    }

    @Test
    void listPricesComeFromTheLongestMatchingModelPrefix() {
        assertThat(Prices.listPrice("gpt-4o-mini", new Usage(1_000_000, 1_000_000))).isEqualTo(0.75);
        assertThat(Prices.listPrice("gpt-4o-mini-2024-07-18", new Usage(1000, 0))).isEqualTo(0.00015);
        assertThat(Prices.listPrice("gpt-4o", new Usage(1000, 1000))).isEqualTo(0.0125);
        assertThat(Prices.listPrice("my-own-model", new Usage(1000, 1000))).isZero();
        assertThat(Prices.listPrice(null, new Usage(1000, 1000))).isZero();
        assertThat(Prices.listPrice("gpt-4o", Usage.UNKNOWN)).isZero();
    }

    @Test
    void aCustomCostPricesEachTokenAtTheGivenRates() throws Exception {
        assertThat(custom("{\"per_token_in\":0.000001,\"per_token_out\":0.000002}").price(new Usage(100, 50)))
                .isEqualTo(0.0002);
        assertThat(custom("{\"per_token_out\":0.5}").price(new Usage(100, 2))).isEqualTo(1.0);
        assertThat(CustomCost.parse(Json.parse("{\"per_token_in\":\"cheap\"}"))).isEmpty();
    }

    @Test
    void aCustomCostWithAPriceOutOfRangeIsNotACustomCost() throws Exception {
        for (String price : new String[] {"1e999999999", "1e99999999", "1e400", "1e-999999999", "1e-31", "-0.5",
                "1000000.5", "\"1\"", "true", "[1]", "{}"}) {
            assertThat(CustomCost.parse(Json.parse("{\"per_token_in\":" + price + ",\"per_token_out\":1}")))
                    .as(price).isEmpty();
        }
    }

    @Test
    void theDearestCustomCostOfTheLargestUsageIsFinite() throws Exception {
        double cost = custom("{\"per_token_in\":1000000,\"per_token_out\":1e6}")
                .price(new Usage(Integer.MAX_VALUE, Integer.MAX_VALUE));

        assertThat(cost).isFinite().isEqualTo(2.0 * Integer.MAX_VALUE * 1e6);
        assertThat(custom("{\"per_token_in\":1e-30,\"per_token_out\":0}").price(new Usage(1, 1))).isEqualTo(1e-30);
    }

    private static CustomCost custom(String json) throws Exception {
        return CustomCost.parse(Json.parse(json)).orElseThrow();
    }
}
