package dev.aigw.emulator;

import dev.aigw.emulator.internal.log.LogFilter;
import java.util.List;

/** Opens a {@link LogQuery} to tests outside its package: the filters it runs. */
public final class LogQueries {

    private LogQueries() {
    }

    /** Returns the filters a query runs, in order. */
    public static List<LogFilter> filters(LogQuery query) {
        return query.toInternal().filters();
    }
}
