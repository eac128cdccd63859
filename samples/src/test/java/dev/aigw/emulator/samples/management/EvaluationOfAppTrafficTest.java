package dev.aigw.emulator.samples.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Dataset;
import dev.aigw.emulator.DatasetFilter;
import dev.aigw.emulator.DatasetSettings;
import dev.aigw.emulator.Evaluation;
import dev.aigw.emulator.EvaluationType;
import dev.aigw.emulator.NewEvaluation;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An evaluation of an app's own traffic: two answers through the OpenAI SDK (800 ms and 400 ms on the virtual
 * clock), a thumbs up and a thumbs down given through the Logs API, then a dataset of the model's logs and an
 * evaluation of its speed and feedback.
 */
@Timeout(30)
@AiGatewayTest(gateways = "my-gateway")
class EvaluationOfAppTrafficTest {

    @Test
    void speedAndFeedbackAreComputedFromTheGatewaysLogs(AiGatewayEmulator emulator,
                                                       @Provider("openai") ProviderScript openai) throws Exception {
        openai.enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(800)).build())
                .enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(400)).build());
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .build();
        ChatCompletionCreateParams question = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI).addUserMessage("Summarise my inbox").build();
        String liked = client.chat().completions().withRawResponse().create(question).headers()
                .values("cf-aig-log-id").get(0);
        String disliked = client.chat().completions().withRawResponse().create(question).headers()
                .values("cf-aig-log-id").get(0);
        feedback(emulator, liked, 1);
        feedback(emulator, disliked, -1);

        Dataset miniLogs = emulator.evaluations().createDataset("my-gateway",
                DatasetSettings.of("gpt-4o-mini", DatasetFilter.eq(DatasetFilter.Key.MODEL, "gpt-4o-mini")));
        Evaluation evaluation = emulator.evaluations().create("my-gateway", new NewEvaluation("inbox summaries",
                List.of(miniLogs.id()), List.of(EvaluationType.SPEED, EvaluationType.HUMAN_FEEDBACK)));

        assertThat(evaluation.totalLogs()).isEqualTo(2);
        assertThat(evaluation.result(EvaluationType.SPEED).orElseThrow().result()).isEqualTo("600.00");
        assertThat(evaluation.result(EvaluationType.HUMAN_FEEDBACK).orElseThrow().result()).isEqualTo("50.00");
    }

    /** Gives a log entry a thumbs up (1) or down (-1), as {@code client.aiGateway.logs.edit} does. */
    private static void feedback(AiGatewayEmulator emulator, String logId, int thumbs) throws Exception {
        URI log = URI.create(emulator.managementUrl() + "/accounts/" + emulator.accountId()
                + "/ai-gateway/gateways/my-gateway/logs/" + logId);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(log)
                        .header("Authorization", "Bearer " + emulator.apiToken())
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"feedback\":" + thumbs + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
