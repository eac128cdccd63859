package dev.aigw.emulator.internal.proxy;

/**
 * Turns a step's upstream reply into what the client gets ({@link Step#translation()}: the identity, but on the
 * compat endpoint, where the provider's native answer becomes OpenAI's shape). Sits under the cache, so that
 * the cache stores and serves exactly what the client got.
 */
public final class TranslatingSteps implements StepRunner {

    private final StepRunner next;

    public TranslatingSteps(StepRunner next) {
        this.next = next;
    }

    @Override
    public StepResult run(ResolvedGateway gateway, ClientRequest client, Step step, boolean lastStep,
                          TimelineRecorder timeline) throws InterruptedException {
        StepResult result = next.run(gateway, client, step, lastStep, timeline);
        if (result.result() instanceof AttemptResult.Replied replied) {
            return new StepResult(new AttemptResult.Replied(step.translation().apply(replied.reply()),
                    replied.delivery()), result.cacheStatus());
        }
        return result;
    }

    @Override
    public String toString() {
        return "translation -> " + next;
    }
}
