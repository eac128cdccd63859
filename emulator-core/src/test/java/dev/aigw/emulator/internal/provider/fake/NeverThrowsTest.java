package dev.aigw.emulator.internal.provider.fake;

import static dev.aigw.emulator.internal.provider.fake.FakeRequests.json;
import static dev.aigw.emulator.internal.provider.fake.FakeRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** A fake that throws is an emulator fault: it is logged at WARN with its cause, and the client gets a 500. */
@Isolated("captures System.err, where the test classpath's SLF4J binding writes")
class NeverThrowsTest {

    @Test
    void aFakeThatThrowsIsLoggedAtWarnWithItsCauseAndAnswersItsProvidersServerError() {
        FakeProvider fake = Fakes.neverThrowing("anthropic", new Throwing(Fakes.anthropic(), false));

        Logged logged = logged(() -> fake.answer(post("anthropic", "/v1/messages", "{}")));

        assertThat(logged.reply().status()).isEqualTo(500);
        assertThat(json(logged.reply()).at("/error/type").asText()).isEqualTo("api_error");
        assertThat(logged.log()).contains("WARN")
                .contains("The fake of provider 'anthropic' failed to answer POST /v1/messages")
                .contains("java.lang.IllegalStateException: a bug in the fake");
    }

    @Test
    void aFakeWhoseErrorsThrowTooAnswersAnOpenAiStyleServerError() {
        FakeProvider fake = Fakes.neverThrowing("anthropic", new Throwing(Fakes.anthropic(), true));

        Logged logged = logged(() -> fake.error(429, post("anthropic", "/v1/messages", "{}")));

        assertThat(logged.reply().status()).isEqualTo(500);
        assertThat(json(logged.reply()).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(logged.log()).contains("failed to make its 429 error").contains("failed to make its 500 error");
    }

    @Test
    void aFakeIsWrappedOnlyOnce() {
        FakeProvider once = Fakes.neverThrowing("openai", Fakes.openAi());

        assertThat(Fakes.neverThrowing("openai", once)).isSameAs(once);
    }

    /** Runs a call with System.err captured: slf4j-simple writes to whatever System.err is at the time. */
    private static Logged logged(Supplier<UpstreamReply> call) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        UpstreamReply reply;
        try {
            reply = call.get();
        } finally {
            System.setErr(original);
        }
        return new Logged(reply, captured.toString(StandardCharsets.UTF_8));
    }

    private record Logged(UpstreamReply reply, String log) {
    }

    /** Throws from {@code answer}, and from {@code error} too when asked to. */
    private record Throwing(FakeProvider real, boolean errorsThrow) implements FakeProvider {

        @Override
        public UpstreamReply answer(UpstreamRequest request, dev.aigw.emulator.internal.reply.ReplySource replies) {
            throw new IllegalStateException("a bug in the fake");
        }

        @Override
        public UpstreamReply error(int status, UpstreamRequest request) {
            if (errorsThrow) {
                throw new IllegalStateException("a bug in the fake's errors");
            }
            return real.error(status, request);
        }
    }
}
