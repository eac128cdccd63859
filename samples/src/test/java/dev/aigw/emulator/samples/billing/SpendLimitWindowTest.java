package dev.aigw.emulator.samples.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.junit5.AiGatewayTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway's spend limit of 10 cents a minute (a fixed window on the virtual clock) and replies that cost 15 cents
 * each (a million gpt-4o-mini input tokens): the second request in the minute is refused with 429 and error 2041,
 * without reaching the provider; one virtual second later the window rolls and requests pass again. The SDK's own
 * retries are off: they would retry the 429.
 */
@Timeout(30)
@AiGatewayTest(startAt = "2026-08-03T10:00:59Z")
class SpendLimitWindowTest {

    @Test
    void theBudgetIsSpentAtTheEndOfAMinuteAndReleasedWhenTheWindowRolls(AiGatewayEmulator emulator) {
        emulator.createGateway("budget", GatewaySettings.builder()
                .spendLimits("""
                        {"enabled": true, "rules": [
                          {"id": "per-minute", "limit": 0.10, "limitType": "cost", "window": 60}]}""")
                .build());
        emulator.replies().add(ReplyRule.builder("a million input tokens")
                .reply(ModelReply.builder().text("Done.").usage(TokenUsage.of(1_000_000, 0)).build())
                .build());
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("budget", "openai"))
                .apiKey("sk-test")
                .maxRetries(0)
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Summarise the quarterly report")
                .build();

        client.chat().completions().create(params);

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOfSatisfying(RateLimitException.class, limited -> {
                    assertThat(limited.statusCode()).isEqualTo(429);
                    // The SDK's body() is the response's "error" member: the gateway's array of {code, message}.
                    JsonNode error = limited.body().convert(JsonNode.class).get(0);
                    assertThat(error.get("code").asInt()).isEqualTo(2041);
                    assertThat(error.get("message").asText()).isEqualTo("Spend limit exceeded: rule 'per-minute'"
                            + " (cost limit 0.1 per 60s, fixed) for openai gpt-4o-mini");
                });
        Timeline refused = emulator.lastTimeline();
        assertThat(refused.attempts()).isEmpty();
        assertThat(refused.refusal().code()).isEqualTo(2041);
        assertThat(emulator.recordedRequests()).hasSize(1);

        emulator.clock().advance(Duration.ofSeconds(1));

        assertThat(client.chat().completions().create(params).choices().get(0).message().content())
                .contains("Done.");
        assertThat(emulator.recordedRequests()).hasSize(2);
    }
}
