package dev.aigw.emulator.internal.server;

import io.undertow.Undertow;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.threads.JBossExecutors;
import org.xnio.Xnio;

/**
 * Keeps the server's libraries from printing their INFO lines ("XNIO version ...", "XNIO NIO Implementation
 * Version ...") on stderr. Undertow, XNIO and JBoss Threads log through JBoss Logging, which writes to
 * java.util.logging unless the application has JBoss LogManager, Log4j 2 or Logback, and java.util.logging's
 * default configuration prints INFO and above on stderr. So the java.util.logging loggers of these three libraries,
 * and only theirs, log from WARNING up, unless the application's logging configuration sets their level itself.
 * With Logback present JBoss Logging writes to SLF4J instead, and the application's configuration decides.
 */
public final class LibraryLogs {

    // Every name here comes from a class of the library rather than from a string literal: the published jar
    // relocates these libraries (to dev.aigw.emulator.shaded.*), which renames their packages and so their loggers
    // and properties, and a class's package name is right before and after relocation, while a literal is rewritten
    // only if it happens to look like a name the relocation covers.

    /** The system property that tells JBoss Logging, as the server's libraries have it, which backend to use. */
    public static final String PROVIDER_PROPERTY = org.jboss.logging.Logger.class.getPackageName() + ".provider";

    /** The loggers quieted, held so that their level stays: java.util.logging keeps its loggers only weakly. */
    private static List<Logger> quieted;

    private LibraryLogs() {
    }

    /** Returns the names of the libraries' loggers, which are their packages' names: the parents of all of theirs. */
    public static List<String> names() {
        return List.of(Undertow.class.getPackageName(), Xnio.class.getPackageName(),
                JBossExecutors.class.getPackageName());
    }

    /** Quiets the libraries' loggers, once per JVM; call before the libraries are first used. */
    public static synchronized void quiet() {
        if (quieted != null) {
            return;
        }
        List<Logger> loggers = new ArrayList<>();
        for (String name : names()) {
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
            loggers.add(logger);
        }
        quieted = loggers;
    }
}
