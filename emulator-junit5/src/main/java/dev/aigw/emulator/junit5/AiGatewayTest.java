package dev.aigw.emulator.junit5;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an in-process AI Gateway emulator: one emulator per class, reset before each
 * test, closed after the class, injected into constructors, lifecycle methods and test methods as
 * {@link AiGatewayEmulator} or {@link dev.aigw.emulator.Emulator}, its clock as
 * {@link dev.aigw.emulator.ClockControl}, {@link dev.aigw.emulator.VirtualClock} or
 * {@link dev.aigw.emulator.EmulatorClock}, or {@code @Provider("openai") ProviderScript}.
 *
 * <pre>{@code
 * @AiGatewayTest(gateways = "my-gateway")
 * class ChatTest {
 *     @Test
 *     void answers(AiGatewayEmulator emulator) {
 *         String baseUrl = emulator.providerUrl("my-gateway", "openai");
 *     }
 * }
 * }</pre>
 *
 * <p>A {@code @Nested} class shares the emulator of its enclosing class unless it carries its own
 * {@code @AiGatewayTest}. A test that runs {@linkplain org.junit.jupiter.api.parallel.ExecutionMode#CONCURRENT
 * concurrently} gets an emulator of its own, built from the same options. For options beyond these attributes,
 * register the extension programmatically with {@link AiGatewayExtension#builder()}. A test that ends with scripted
 * responses never used fails, listing them, unless {@link #failOnLeftoverScripts()} is {@code false}; so does a test
 * that ends with reply problems (a request no rule matched in strict mode, a reply that breaks the requested schema),
 * unless {@link #failOnReplyProblems()} is {@code false}.
 */
@Documented
@Inherited
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AiGatewayExtension.class)
public @interface AiGatewayTest {

    /** Returns the port to listen on; 0 (the default) picks a free one. */
    int port() default 0;

    /** Returns the default account id; the emulator's {@link AiGatewayEmulator#DEFAULT_ACCOUNT_ID} by default. */
    String accountId() default AiGatewayEmulator.DEFAULT_ACCOUNT_ID;

    /** Returns the clock the emulator runs on; {@link ClockMode#AUTO} by default. */
    ClockMode clock() default ClockMode.AUTO;

    /**
     * Returns the virtual clock's first instant in ISO-8601, e.g. {@code 2026-04-01T08:00:00Z}; empty (the
     * default) means {@link dev.aigw.emulator.VirtualClock#DEFAULT_START}.
     */
    String startAt() default "";

    /**
     * Returns whether the gateway's own errors carry the {@link AiGatewayEmulator#HINT_HEADER} that says what to do;
     * {@code true} by default, {@code false} for tests that compare response headers with the real gateway's.
     */
    boolean hints() default true;

    /**
     * Returns whether a test that ends with scripted responses never used fails, listing them, as WireMock fails a
     * test on unmatched requests; {@code true} by default. Steps that repeat ({@code always}, every nth, with a
     * probability) are never leftovers, and a test that already failed is not failed again.
     */
    boolean failOnLeftoverScripts() default true;

    /**
     * Returns whether a test that ends with reply problems ({@link dev.aigw.emulator.Emulator#replyProblems()}: a
     * request no rule matched in strict mode, a reply that breaks the requested schema, a schema the emulator cannot
     * answer) fails, listing them; {@code true} by default, {@code false} for a test that expects such a 400.
     */
    boolean failOnReplyProblems() default true;

    /**
     * Returns the ids of the gateways the emulator has from the start, each with the settings a gateway created in
     * the dashboard gets ({@link dev.aigw.emulator.GatewaySettings#defaults()}); the reset before each test creates
     * them again, so every test finds them as declared. None by default.
     */
    String[] gateways() default {};

    /**
     * Returns a directory of reply fixture files (each {@code *.json} file a reply rule or {@code {"rules": [...]}},
     * read in file-name order), relative to the working directory, e.g. {@code src/test/resources/replies}; its rules
     * stay through the reset before each test. Empty (the default) for none.
     */
    String replyFixtures() default "";

    /**
     * Returns whether replies are strict: a chat request no reply rule matches gets the provider's 400 error; in
     * either mode, a test that ends with reply problems ({@link dev.aigw.emulator.Emulator#replyProblems()}) fails,
     * listing them. {@code false} by default.
     */
    boolean strictReplies() default false;

    /**
     * Returns providers pointed at real servers, each {@code slug=baseUrl}, e.g.
     * {@code "openai=https://api.openai.com"}: what recordings are made from. Empty (the default) for none.
     */
    String[] upstreams() default {};

    /**
     * Returns a recordings directory relative to the working directory, e.g. {@code src/test/resources/recordings}:
     * providers with a real upstream replay its files (docs/recording.md), and a request no recording matches fails
     * the test at its end. Empty (the default) for none.
     */
    String recordings() default "";

    /**
     * Returns the recording modes: {@code record}, {@code replay}, {@code record-missing} or {@code off} for every
     * provider with a real upstream, and/or {@code slug=mode}, comma-separated, e.g. {@code "openai=replay"}; empty
     * (the default) replays. {@code -Daigw.recording.mode} or {@code AIGW_RECORDING_MODE} overrides it.
     */
    String recordingMode() default "";
}
