package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.internal.provider.UpstreamRequest;

/** Makes the attempts of one step: records each in the journal and asks the provider's upstream. */
public final class AttemptRunner {

    private final EmulatorClock clock;
    private final Journal journal;
    private final Upstreams upstreams;

    public AttemptRunner(EmulatorClock clock, Journal journal, Upstreams upstreams) {
        this.clock = clock;
        this.journal = journal;
        this.upstreams = upstreams;
    }

    /** Runs the step's attempts and returns the last result. */
    public AttemptResult run(ResolvedGateway gateway, ClientRequest client, Step step) {
        UpstreamRequest request = new UpstreamRequest(step.provider().slug(), step.method(), step.target().path(),
                step.query(), step.headers(), step.body(), clock.now());
        journal.record(new RecordedRequest(step.provider().slug(), gateway.accountId(), gateway.gateway().id(), 1,
                step.index(), step.method(), step.url(), step.target().path(), step.query(), step.headers(),
                step.body(), request.now(), client.testId()));
        return upstreams.forProvider(step.provider().slug()).call(request);
    }
}
