package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.ScanTarget;
import dev.aigw.emulator.internal.gateway.DlpSettings;
import dev.aigw.emulator.internal.gateway.GuardrailSettings;
import dev.aigw.emulator.internal.gateway.StoredSettings;
import dev.aigw.emulator.internal.guard.ContentChecks;
import dev.aigw.emulator.internal.guard.Verdict;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.util.Logs;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Runs a step through the gateway's Guardrails and DLP checks ({@link ContentChecks}): the prompt before any
 * attempt, the final successful response after the attempts (so a block is never retried). A response that is
 * checked is first read whole: a stream is buffered to its end on the emulator's clock and then sent in one piece
 * (proxy.md 10). What the checks find goes to the request's log; a block ends the request with
 * {@link ContentBlocked}. Sits under the cache: a cache hit is not checked again, and a blocked response is not
 * stored.
 */
public final class ScreeningSteps implements StepRunner {

    private static final Logger LOG = Logs.getLogger(ScreeningSteps.class);

    private final ContentChecks checks;
    private final EmulatorClock clock;
    private final StepRunner next;

    public ScreeningSteps(ContentChecks checks, EmulatorClock clock, StepRunner next) {
        this.checks = checks;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public StepResult run(ResolvedGateway gateway, ClientRequest client, Step step, boolean lastStep,
                          TimelineRecorder timeline) throws InterruptedException {
        StoredSettings settings = gateway.gateway().settings();
        GuardrailSettings guardrails = settings.guardrails().orElse(null);
        DlpSettings dlp = settings.dlp().orElse(null);
        boolean textGeneration = step.endpoint() == null || !step.endpoint().endsWith("embeddings");
        ScanOutcome prompt = ScanOutcome.NONE;
        if (ContentChecks.applies(guardrails, dlp, ScanTarget.PROMPT, textGeneration)) {
            Verdict verdict = checks.check(guardrails, dlp, ScanTarget.PROMPT, client.testId(), step.body(),
                    textGeneration);
            prompt = verdict.outcome();
            timeline.scanned(step, prompt);
            refuseIfBlocked(step, verdict, timeline);
        }
        StepResult result = next.run(gateway, client, step, lastStep, timeline);
        if (!ContentChecks.applies(guardrails, dlp, ScanTarget.RESPONSE, textGeneration)
                || !(result.result() instanceof AttemptResult.Replied replied) || !replied.reply().isSuccess()
                || replied.delivery().breakAfterEvents() >= 0) {
            return result;
        }
        UpstreamReply whole = whole(replied);
        byte[] body = ((UpstreamReply.Full) whole.body()).bytes();
        Verdict verdict = checks.check(guardrails, dlp, ScanTarget.RESPONSE, client.testId(), body,
                textGeneration);
        timeline.scanned(step, prompt.plus(verdict.outcome()));
        refuseIfBlocked(step, verdict, timeline);
        return new StepResult(new AttemptResult.Replied(whole, replied.delivery()), result.cacheStatus());
    }

    private void refuseIfBlocked(Step step, Verdict verdict, TimelineRecorder timeline) {
        if (verdict.blocked().isPresent()) {
            timeline.refused(step, verdict.block().status(), verdict.block().error().code(), verdict.reason(), clock.now());
            throw new ContentBlocked(step, verdict.block());
        }
    }

    /** Reads the reply's body to its end: a stream's events arrive on the clock's time, as the client would get them. */
    private UpstreamReply whole(AttemptResult.Replied replied) throws InterruptedException {
        UpstreamReply reply = replied.reply();
        byte[] bytes;
        if (reply.body() instanceof UpstreamReply.Full) {
            return reply;
        } else if (reply.body() instanceof UpstreamReply.Stream stream) {
            int events = stream.events().size();
            Duration streaming = events == 0 ? Duration.ZERO : replied.delivery().firstEventDelay()
                    .plus(replied.delivery().eventInterval().multipliedBy(events - 1L));
            // An unpaced stream runs on the I/O thread (Placement), which must not wait, not even for a zero sleep.
            if (!streaming.isZero()) {
                clock.sleep(streaming);
            }
            bytes = stream.bytes();
        } else {
            try (InputStream in = ((UpstreamReply.Piped) reply.body()).in()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                LOG.debug("The upstream broke off mid-body: the client gets an empty body, checked as such", e);
                bytes = new byte[0];
            }
        }
        return new UpstreamReply(reply.status(), reply.headers(), new UpstreamReply.Full(bytes));
    }

    @Override
    public String toString() {
        return "screening -> " + next;
    }
}
