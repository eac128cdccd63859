package dev.aigw.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RequestThreadsTest {

    @Test
    void shutDownAndJoinReturnsOnlyOnceEveryThreadStartedByConcurrentSubmittersHasEnded() throws Exception {
        for (int round = 0; round < 50; round++) {
            RequestThreads pool = new RequestThreads("request-threads-test", 8);
            Set<Thread> ran = ConcurrentHashMap.newKeySet();
            CountDownLatch go = new CountDownLatch(1);
            Thread[] submitters = new Thread[8];
            for (int i = 0; i < submitters.length; i++) {
                submitters[i] = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    pool.execute(() -> ran.add(Thread.currentThread()));
                });
                submitters[i].start();
            }
            go.countDown();
            for (Thread submitter : submitters) {
                submitter.join();
            }

            boolean interrupted = pool.shutDownAndJoin();

            assertThat(interrupted).isFalse();
            assertThat(ran).isNotEmpty().noneMatch(Thread::isAlive);
        }
    }

    @Test
    void anInterruptDoesNotCutTheWaitShortAndIsReported() throws Exception {
        RequestThreads pool = new RequestThreads("request-threads-test", 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        pool.execute(() -> {
            ran.add(Thread.currentThread());
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        running.await();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                // released below either way
            }
            release.countDown();
        });
        releaser.start();

        Thread.currentThread().interrupt();
        boolean interrupted = pool.shutDownAndJoin();

        assertThat(interrupted).isTrue();
        assertThat(Thread.interrupted()).isFalse();
        assertThat(release.getCount()).isZero();
        assertThat(ran).noneMatch(Thread::isAlive);
    }
}
