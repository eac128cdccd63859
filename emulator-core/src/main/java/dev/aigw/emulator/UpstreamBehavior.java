package dev.aigw.emulator;

/**
 * What a scripted upstream does for one attempt: answer ({@link UpstreamResponse}) or fail
 * ({@link UpstreamFault}).
 */
public sealed interface UpstreamBehavior permits UpstreamResponse, UpstreamFault {
}
