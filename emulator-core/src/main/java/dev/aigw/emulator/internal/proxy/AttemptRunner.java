package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.reply.RequestTags;
import dev.aigw.emulator.internal.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the attempts of one step with its retry policy (proxy.md 4): records each in the journal and the
 * timeline, retries failures with no HTTP response, 429 and 5xx, and waits the backoff on the clock.
 *
 * <p>Request timeout rule (proxy.md 4.6): an attempt is time-limited unless retries are configured
 * ({@code N > 1}), it is attempt {@code N}, and nothing can follow it (the last step). So with retries the
 * final attempt waits without limit, as the docs say; with none, the only attempt is limited; on the
 * universal endpoint every attempt of a step with a fallback after it is limited.
 */
public final class AttemptRunner implements StepRunner {

    private final EmulatorClock clock;
    private final Journal journal;
    private final ScriptedAttempts attempts;

    public AttemptRunner(EmulatorClock clock, Journal journal, ScriptedAttempts attempts) {
        this.clock = clock;
        this.journal = journal;
        this.attempts = attempts;
    }

    /** Runs the step's attempts and returns the result that ends it. */
    @Override
    public StepResult run(ResolvedGateway gateway, ClientRequest client, Step step, boolean lastStep,
                          TimelineRecorder timeline) throws InterruptedException {
        RetryPolicy policy = step.retry();
        Duration timeout = step.settings().requestTimeoutMillis().isPresent()
                ? Duration.ofMillis(step.settings().requestTimeoutMillis().getAsLong()) : null;
        int n = policy.maxAttempts();
        Map<String, List<String>> headers = step.provider().withExtraHeaders(step.headers());
        RequestTags tags = tags(gateway, client, step);
        for (int k = 1; ; k++) {
            boolean limited = timeout != null && !(n > 1 && k == n && lastStep);
            Instant start = clock.now();
            UpstreamRequest request = new UpstreamRequest(step.provider().slug(), step.method(), step.target().path(),
                    step.query(), headers, step.body(), start, tags);
            journal.record(new RecordedRequest(step.provider().slug(), gateway.accountId(), gateway.gateway().id(), k,
                    step.index(), step.method(), step.url(), step.target().path(), step.query(),
                    journal.recordable(headers, CredentialSteps.credentialHeader(step).name(), step.credential()),
                    step.body(), start, client.testId(), timeline.logIdFor(step), step.credential()));
            AttemptResult result = attempts.attempt(request, step.target().origin(), gateway.gateway().id(),
                    client.testId(), limited ? timeout : null);
            boolean retry = k < n && isRetryable(result);
            Duration delay = retry ? policy.delayBeforeRetry(k) : Duration.ZERO;
            Integer status = result instanceof AttemptResult.Replied r ? r.reply().status() : null;
            timeline.attempt(step.index(), step.provider().slug(), k, start, clock.now(), result.outcome(), status, delay);
            if (!retry) {
                return StepResult.of(result);
            }
            if (result instanceof AttemptResult.Replied r) {
                ReplyWriter.discard(r.reply());
            }
            clock.sleep(delay);
        }
    }

    private static RequestTags tags(ResolvedGateway gateway, ClientRequest client, Step step) {
        Map<String, String> metadata = new LinkedHashMap<>();
        step.settings().metadata().forEach((k, v) -> metadata.put(k, v.isValueNode() ? v.asText() : v.toString()));
        return new RequestTags(gateway.gateway().id(), client.testId(), metadata);
    }

    @Override
    public String toString() {
        return "retry -> scripted upstream";
    }

    /** Tells whether an attempt is retried: no HTTP response, or 429/5xx (proxy.md 4.4). */
    static boolean isRetryable(AttemptResult result) {
        if (result instanceof AttemptResult.Replied replied) {
            return replied.delivery().breakAfterEvents() < 0 && RetryPolicy.isRetryableStatus(replied.reply().status());
        }
        return true;
    }
}
