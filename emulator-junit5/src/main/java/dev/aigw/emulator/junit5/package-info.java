/**
 * Runs JUnit 5 tests against an in-process AI Gateway emulator: {@link dev.aigw.emulator.junit5.AiGatewayTest} for
 * the declarative form, {@link dev.aigw.emulator.junit5.AiGatewayExtension#builder()} with
 * {@code @RegisterExtension} for the programmatic one.
 */
package dev.aigw.emulator.junit5;
