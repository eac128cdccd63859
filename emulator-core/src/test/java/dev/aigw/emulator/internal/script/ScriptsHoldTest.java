package dev.aigw.emulator.internal.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.UpstreamResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request that runs on an I/O thread is promised no script until its attempts end; a step queued meanwhile
 * waits for it, so the step goes to the first attempt that starts after it was queued, never to one that cannot
 * wait for it and never skipped.
 */
@Timeout(10)
class ScriptsHoldTest {

    private static final Scripts.Scope OPENAI = new Scripts.Scope("openai", null, null);

    private final Scripts scripts = new Scripts();

    @Test
    void aRequestIsPromisedNoScriptOnlyWhenNothingIsQueuedForItsProviders() {
        scripts.add(OPENAI, UpstreamResponse.status(503), new Scripts.Repeat.Times(1));

        assertThat(scripts.holdUnscripted(List.of("anthropic", "openai"))).isEmpty();
        Optional<Scripts.Unscripted> anthropic = scripts.holdUnscripted(List.of("anthropic"));
        assertThat(anthropic).isPresent();
        anthropic.get().close();
    }

    @Test
    void aStepQueuedWhileAPromiseHoldsIsAddedOnlyOnceTheRequestHasEnded() throws Exception {
        Scripts.Unscripted hold = scripts.holdUnscripted(List.of("openai")).orElseThrow();
        Thread adder = new Thread(() -> scripts.add(OPENAI, UpstreamResponse.status(503), new Scripts.Repeat.Times(1)));
        adder.start();
        awaitState(adder, Thread.State.WAITING);

        assertThat(scripts.next("openai", "gw", null)).as("the held request's attempt").isEmpty();
        assertThat(scripts.holdUnscripted(List.of("openai"))).as("a new request while a step waits to be queued")
                .isEmpty();

        hold.close();
        adder.join(5_000);
        assertThat(adder.isAlive()).isFalse();
        assertThat(scripts.next("openai", "gw", null)).map(b -> ((UpstreamResponse) b).status()).contains(503);
    }

    @Test
    void closingAHoldTwiceReleasesItOnce() {
        Scripts.Unscripted first = scripts.holdUnscripted(List.of("openai")).orElseThrow();
        Scripts.Unscripted second = scripts.holdUnscripted(List.of("openai")).orElseThrow();
        first.close();
        first.close();

        Thread adder = new Thread(() -> scripts.add(OPENAI, UpstreamResponse.status(503), new Scripts.Repeat.Times(1)));
        adder.start();
        awaitState(adder, Thread.State.WAITING);
        second.close();
        assertThat(awaitEnd(adder)).isTrue();
    }

    @Test
    void anInterruptDoesNotCutAWaitingAddShortAndIsKept() throws Exception {
        Scripts.Unscripted hold = scripts.holdUnscripted(List.of("openai")).orElseThrow();
        boolean[] interruptedAfterAdd = new boolean[1];
        Thread adder = new Thread(() -> {
            scripts.add(OPENAI, UpstreamResponse.status(503), new Scripts.Repeat.Times(1));
            interruptedAfterAdd[0] = Thread.currentThread().isInterrupted();
        });
        adder.start();
        awaitState(adder, Thread.State.WAITING);
        adder.interrupt();
        awaitState(adder, Thread.State.WAITING);
        assertThat(scripts.pending(OPENAI)).isZero();

        hold.close();
        assertThat(awaitEnd(adder)).isTrue();
        assertThat(interruptedAfterAdd[0]).isTrue();
        assertThat(scripts.pending(OPENAI)).isOne();
    }

    private static void awaitState(Thread thread, Thread.State state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (thread.getState() != state) {
            assertThat(System.nanoTime()).as("%s reaches %s", thread.getName(), state).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static boolean awaitEnd(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
