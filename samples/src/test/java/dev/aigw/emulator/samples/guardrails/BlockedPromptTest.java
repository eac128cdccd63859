package dev.aigw.emulator.samples.guardrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnexpectedStatusCodeException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.ScanAction;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.junit5.AiGatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway whose Guardrails block violent-crime prompts (S1) refuses one with 424 and error 2016, which the OpenAI
 * SDK raises as {@link UnexpectedStatusCodeException}, its only exception for a 424. The emulator's fake scanner
 * decides what the prompt hits; the provider never sees it, and the log and the timeline say why.
 */
@Timeout(30)
@AiGatewayTest
class BlockedPromptTest {

    @Test
    void aPromptBlockedByGuardrailsIsA424WithCode2016InTheSdk(AiGatewayEmulator emulator) {
        emulator.createGateway("guarded", GatewaySettings.builder()
                .guardrails("{\"prompt\": {\"S1\": \"BLOCK\"}, \"response\": {}}")
                .build());
        emulator.scanner().add(ScanRule.prompts("(?i)rob a bank").hazards(HazardCategory.S1));
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("guarded", "openai"))
                .apiKey("sk-test")
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("How do I rob a bank?")
                .build();

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOfSatisfying(UnexpectedStatusCodeException.class, blocked -> {
                    assertThat(blocked.statusCode()).isEqualTo(424);
                    assertThat(blocked.body().toString()).contains("2016",
                            "Prompt blocked due to security configurations");
                });

        assertThat(emulator.recordedRequests()).as("the provider never saw the prompt").isEmpty();
        LogEntry entry = emulator.logs("guarded").get(0);
        assertThat(entry.statusCode()).isEqualTo(424);
        assertThat(entry.scan().guardrailsAction()).contains(ScanAction.BLOCK);
        Timeline timeline = emulator.timelines().get(0);
        assertThat(timeline.attempts()).isEmpty();
        assertThat(timeline.refusal().reason()).isEqualTo("Guardrails blocked the prompt: S1 (Violent Crimes)");
    }
}
