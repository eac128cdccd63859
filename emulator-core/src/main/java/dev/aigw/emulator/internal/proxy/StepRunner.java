package dev.aigw.emulator.internal.proxy;

/**
 * Produces what one step of a plan ends with. The proxy's step runners are decorators, assembled in
 * {@link dev.aigw.emulator.internal.server.HandlerChain}: cache, then translation, then the attempts.
 */
public interface StepRunner {

    /**
     * Runs the step and returns its result; blocks for retry waits and upstream latency on the emulator's clock.
     *
     * @param lastStep whether no step can follow this one
     * @param timeline collects the request's attempts
     */
    StepResult run(ResolvedGateway gateway, ClientRequest client, Step step, boolean lastStep,
                   TimelineRecorder timeline) throws InterruptedException;
}
