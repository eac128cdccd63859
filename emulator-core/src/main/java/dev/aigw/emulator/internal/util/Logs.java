package dev.aigw.emulator.internal.util;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Hands out the emulator's loggers: SLF4J's when the application has an SLF4J backend (slf4j-simple, Logback, ...),
 * and a logger that does nothing when it has none. Without a backend, SLF4J's own {@code LoggerFactory} prints a
 * three-line "No SLF4J providers were found" notice on stderr the first time it is asked for a logger; a test
 * library must print nothing, so the emulator only asks once it knows there is a backend to log to. Every logger of
 * emulator-core comes from here.
 */
public final class Logs {

    private static final boolean BACKEND = backendPresent(LoggerFactory.class.getClassLoader());
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
    private static boolean libraryLoggingReady;

    private Logs() {
    }

    /** Returns the logger named after {@code owner}, or a no-op logger when there is no SLF4J backend. */
    public static Logger getLogger(Class<?> owner) {
        return BACKEND ? LoggerFactory.getLogger(owner) : NOPLogger.NOP_LOGGER;
    }

    /** Returns the logger of that name, or a no-op logger when there is no SLF4J backend. */
    public static Logger getLogger(String name) {
        return BACKEND ? LoggerFactory.getLogger(name) : NOPLogger.NOP_LOGGER;
    }

    /**
     * Lets a bundled library that asks {@code LoggerFactory} for its loggers directly (the JSON Schema validator) do
     * so without SLF4J's "No SLF4J providers" notice: with no backend, SLF4J is initialised here once, with its own
     * notices lowered to errors for that moment only. Call before the library's classes are first used.
     */
    public static synchronized void prepareForLibraryLoggers() {
        if (BACKEND || libraryLoggingReady) {
            return;
        }
        String given = System.getProperty(SLF4J_VERBOSITY);
        if (given == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            if (given == null) {
                System.clearProperty(SLF4J_VERBOSITY);
            }
        }
        libraryLoggingReady = true;
    }

    /** Tells whether the application has an SLF4J backend, which the emulator's logs go to. */
    public static boolean hasBackend() {
        return BACKEND;
    }

    /**
     * Looks for a backend where {@code LoggerFactory} would, without initialising it: a provider named by the
     * {@code slf4j.provider} property, or one registered as a service with the class loader that loaded SLF4J.
     * Only the providers' classes are looked up, none is instantiated.
     */
    static boolean backendPresent(ClassLoader slf4jLoader) {
        if (System.getProperty("slf4j.provider") != null) {
            return true;
        }
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, slf4jLoader).stream().findAny().isPresent();
        } catch (ServiceConfigurationError e) {
            // A provider is registered but broken: asking LoggerFactory makes SLF4J report it, as it would anyway.
            LoggerFactory.getLogger(Logs.class).debug("An SLF4J provider could not be looked up", e);
            return true;
        }
    }
}
