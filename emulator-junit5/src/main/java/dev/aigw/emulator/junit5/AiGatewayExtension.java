package dev.aigw.emulator.junit5;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.Emulator;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.VirtualClock;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts an AI Gateway emulator for tests, resets it before each test, closes it when JUnit is done with it, and
 * injects it (as {@link AiGatewayEmulator} or {@link Emulator}, its clock as {@link ClockControl},
 * {@link VirtualClock} or {@link EmulatorClock}, or a {@code @Provider("openai") ProviderScript}) into constructors,
 * lifecycle methods and test methods.
 *
 * <p>Two entry points, as with WireMock: {@link AiGatewayTest @AiGatewayTest} for the common options, and this
 * class's {@link #builder()} with {@code @RegisterExtension} for every option of
 * {@link AiGatewayEmulator.Builder}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder()
 *         .configure(emulator -> emulator.maxBodyBytes(64 * 1024))
 *         .build();
 * }</pre>
 *
 * <p>A registered extension holds one emulator at a time: on a static field, one per class; on an instance field,
 * one per test instance (per test with JUnit's default lifecycle). It is thread-safe and keeps no static state, so
 * test classes may run in parallel. A test that runs concurrently with others needs an emulator of its own:
 * {@code @AiGatewayTest} gives it one, an instance field of a {@code PER_METHOD} class has one, and a static field
 * refuses with a message saying so.
 *
 * <p>A test that ends with scripted responses never used fails, listing them, as WireMock fails a test on unmatched
 * requests; {@code @AiGatewayTest(failOnLeftoverScripts = false)} or {@link Builder#failOnLeftoverScripts(boolean)}
 * turn that off. A test that ends with reply problems ({@link AiGatewayEmulator#verifyReplies()}) fails too, unless
 * {@code failOnReplyProblems = false} or {@link Builder#failOnReplyProblems(boolean)} says not to.
 */
public final class AiGatewayExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

    private static final Set<Class<?>> INJECTABLE =
            Set.of(AiGatewayEmulator.class, Emulator.class, ClockControl.class, VirtualClock.class, EmulatorClock.class,
                    ProviderScript.class);

    private final EmulatorSource source;

    /** Creates the extension that {@link AiGatewayTest} registers; JUnit calls this constructor. */
    AiGatewayExtension() {
        this.source = new DeclaredEmulators();
    }

    private AiGatewayExtension(Recipe recipe) {
        this.source = new RegisteredEmulator(recipe);
    }

    /** Returns a builder for an extension to register with {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the emulator this registered extension is running, for use inside tests and lifecycle methods.
     *
     * @throws IllegalStateException before the first test of the class, after JUnit closed the emulator, or on the
     *     extension that {@code @AiGatewayTest} registers (inject a parameter there instead)
     */
    public AiGatewayEmulator emulator() {
        if (source instanceof RegisteredEmulator registered) {
            return registered.emulator();
        }
        throw new IllegalStateException("the extension that @AiGatewayTest registers has one emulator per test class"
                + " (or per concurrent test); declare an AiGatewayEmulator parameter to receive the right one");
    }

    /** Checks the options before a class's tests run; a static registration starts its emulator here. */
    @Override
    public void beforeAll(ExtensionContext context) {
        source.beforeAll(context);
    }

    /** Empties the emulator the test will see and puts its virtual clock back in its first mode. */
    @Override
    public void beforeEach(ExtensionContext context) {
        source.beforeEach(context).prepareForTest();
    }

    /**
     * Fails a test that passed so far but left scripted responses unused on its emulator, listing them (see
     * {@link AiGatewayEmulator#verifyNoLeftoverScripts()}), or met reply problems (see
     * {@link AiGatewayEmulator#verifyReplies()}); a test that already failed keeps its own failure.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            source.emulatorFor(context).verifyAfterTest();
        }
    }

    /** Tells JUnit which parameter types this extension injects. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return INJECTABLE.contains(parameterContext.getParameter().getType());
    }

    /** Returns the emulator, its clock or a provider's script for a parameter. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        Class<?> type = parameter.getType();
        if (type == ProviderScript.class && !parameterContext.isAnnotated(Provider.class)) {
            throw new ParameterResolutionException("cannot tell whose script to inject into "
                    + describe(parameterContext)
                    + ": annotate the parameter with the provider, e.g. @Provider(\"openai\") ProviderScript openai");
        }
        AiGatewayEmulator emulator = source.emulatorFor(extensionContext).emulator();
        if (type == AiGatewayEmulator.class || type == Emulator.class) {
            return emulator;
        }
        if (type == ClockControl.class) {
            return emulator.clock();
        }
        if (type == EmulatorClock.class) {
            return emulator.emulatorClock();
        }
        if (type == VirtualClock.class) {
            if (emulator.emulatorClock() instanceof VirtualClock virtual) {
                return virtual;
            }
            throw new ParameterResolutionException("cannot inject a VirtualClock into " + describe(parameterContext)
                    + ": the emulator runs on the system clock (ClockMode.SYSTEM); declare an EmulatorClock"
                    + " parameter instead, or choose ClockMode.AUTO or ClockMode.MANUAL");
        }
        return emulator.script(parameterContext.findAnnotation(Provider.class).orElseThrow().value());
    }

    /** Asks JUnit for the test's own context when resolving constructor parameters, so concurrent tests differ. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    private static String describe(ParameterContext parameterContext) {
        return "the parameter [" + parameterContext.getParameter() + "] of ["
                + parameterContext.getDeclaringExecutable() + "]";
    }

    @Override
    public String toString() {
        return "AiGatewayExtension[" + (source instanceof RegisteredEmulator ? "registered" : "@AiGatewayTest") + "]";
    }

    /** Configures an {@link AiGatewayExtension}; every option has the in-process emulator's default. */
    public static final class Builder {

        private int port;
        private String accountId = AiGatewayEmulator.DEFAULT_ACCOUNT_ID;
        private ClockMode clock = ClockMode.AUTO;
        private Instant startAt;
        private boolean failOnLeftoverScripts = true;
        private boolean failOnReplyProblems = true;
        private final List<String> gateways = new ArrayList<>();
        private final List<Consumer<AiGatewayEmulator.Builder>> customizers = new ArrayList<>();

        private Builder() {
        }

        /** Sets the port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            AiGatewayEmulator.builder().port(port);
            this.port = port;
            return this;
        }

        /** Sets the default account id. */
        public Builder accountId(String accountId) {
            AiGatewayEmulator.builder().accountId(accountId);
            this.accountId = accountId;
            return this;
        }

        /** Sets the clock the emulator runs on; {@link ClockMode#AUTO} by default. */
        public Builder clock(ClockMode clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the virtual clock's first instant; {@link VirtualClock#DEFAULT_START} by default. */
        public Builder startingAt(Instant startAt) {
            this.startAt = Objects.requireNonNull(startAt, "startAt");
            return this;
        }

        /**
         * Sets whether a test that ends with scripted responses never used fails, listing them; {@code true} by
         * default. Steps that repeat ({@code always}, every nth, with a probability) are never leftovers.
         */
        public Builder failOnLeftoverScripts(boolean fail) {
            this.failOnLeftoverScripts = fail;
            return this;
        }

        /**
         * Sets whether a test that ends with reply problems ({@link AiGatewayEmulator#replyProblems()}) fails, listing
         * them; {@code true} by default.
         */
        public Builder failOnReplyProblems(boolean fail) {
            this.failOnReplyProblems = fail;
            return this;
        }

        /**
         * Declares gateways the emulator has from the start, with {@link dev.aigw.emulator.GatewaySettings#defaults()},
         * created again by the reset before each test; for other settings, use
         * {@code configure(b -> b.gateway(id, settings))}.
         *
         * @throws IllegalArgumentException if the management API would refuse an id, or an id is declared twice
         */
        public Builder gateways(String... ids) {
            List<String> all = new ArrayList<>(gateways);
            all.addAll(List.of(ids));
            Recipe.declaring(all.toArray(String[]::new));
            gateways.clear();
            gateways.addAll(all);
            return this;
        }

        /**
         * Adds the reply rules of a fixture directory (each {@code *.json} file a reply rule or
         * {@code {"rules": [...]}}, read in file-name order); they stay through the reset before each test.
         *
         * @throws IllegalArgumentException if the directory or a file in it is not valid, listing every problem
         */
        public Builder replyFixtures(Path directory) {
            customizers.add(Recipe.replyFixtures(Objects.requireNonNull(directory, "directory")));
            return this;
        }

        /**
         * Sets whether replies are strict: a chat request no reply rule matches gets the provider's 400 error and
         * fails the test at its end; {@code false} by default.
         */
        public Builder strictReplies(boolean strict) {
            customizers.add(b -> b.strictReplies(strict));
            return this;
        }

        /**
         * Keeps exchanges with real providers as files and replays them offline (see {@link RecordingSettings} and
         * docs/recording.md); a request no recording matches fails the test at its end, as a reply problem.
         */
        public Builder recordings(RecordingSettings recordings) {
            Objects.requireNonNull(recordings, "recordings");
            customizers.add(b -> b.recordings(recordings));
            return this;
        }

        /**
         * Adds a change to the emulator's own builder, applied after this builder's options each time the extension
         * builds an emulator, e.g. {@code configure(b -> b.maxBodyBytes(64 * 1024).upstream("openai", url))}.
         */
        public Builder configure(Consumer<AiGatewayEmulator.Builder> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * Builds the extension.
         *
         * @throws IllegalArgumentException if a start instant is set with {@link ClockMode#SYSTEM}
         */
        public AiGatewayExtension build() {
            List<Consumer<AiGatewayEmulator.Builder>> changes = new ArrayList<>();
            changes.add(Recipe.declaring(gateways.toArray(String[]::new)));
            changes.addAll(customizers);
            return new AiGatewayExtension(new Recipe(port, accountId, clock, startAt, changes, failOnLeftoverScripts,
                    failOnReplyProblems));
        }
    }
}
