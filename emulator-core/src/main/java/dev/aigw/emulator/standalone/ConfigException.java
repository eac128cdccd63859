package dev.aigw.emulator.standalone;

/** Stops start-up: a setting is invalid; the message names it (option, variable or JSON path) and what is allowed. */
final class ConfigException extends RuntimeException {

    ConfigException(String message) {
        this(message, null);
    }

    ConfigException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
