package dev.aigw.emulator.internal.log;

import static dev.aigw.emulator.internal.log.LogEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.gateway.LogLimit.Strategy;
import dev.aigw.emulator.internal.gateway.LogLimit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log store's order, limits (proxy.md 7.3) and changes, without sockets. */
class LogStoreTest {

    private static final GatewayRef GATEWAY = new GatewayRef("acct", "gw", "incarnation-1");
    private static final LogLimit UNLIMITED = new LogLimit(LogLimit.DEFAULT_MAX_ENTRIES, Strategy.STOP_INSERTING);

    private final LogStore store = new LogStore();

    private List<String> ids() {
        return store.list(GATEWAY).stream().map(LogEntry::id).toList();
    }

    @Test
    void entriesAreListedInTheOrderTheyWereWritten() {
        store.append(GATEWAY, entry("b"), UNLIMITED);
        store.append(GATEWAY, entry("a"), UNLIMITED);
        store.append(GATEWAY, entry("c"), UNLIMITED);

        assertThat(ids()).containsExactly("b", "a", "c");
    }

    @Test
    void aFullLogThatStopsInsertingDropsTheNewEntry() {
        LogLimit limit = new LogLimit(3, Strategy.STOP_INSERTING);
        for (String id : List.of("1", "2", "3")) {
            assertThat(store.append(GATEWAY, entry(id), limit)).isTrue();
        }

        assertThat(store.append(GATEWAY, entry("4"), limit)).isFalse();

        assertThat(ids()).containsExactly("1", "2", "3");
    }

    @Test
    void aFullLogThatDeletesTheOldestEvictsOneEntryPerNewOne() {
        LogLimit limit = new LogLimit(3, Strategy.DELETE_OLDEST);
        for (String id : List.of("1", "2", "3", "4", "5")) {
            assertThat(store.append(GATEWAY, entry(id), limit)).isTrue();
        }

        assertThat(ids()).containsExactly("3", "4", "5");
    }

    @Test
    void aLimitLoweredBelowTheStoredCountEvictsDownToItWithDeleteOldest() {
        for (String id : List.of("1", "2", "3", "4")) {
            store.append(GATEWAY, entry(id), UNLIMITED);
        }

        store.append(GATEWAY, entry("5"), new LogLimit(2, Strategy.DELETE_OLDEST));

        assertThat(ids()).containsExactly("4", "5");
    }

    @Test
    void tenThousandEntriesFillTheGatewaysMinimumLimit() {
        LogLimit limit = new LogLimit(10_000, Strategy.STOP_INSERTING);
        for (int i = 0; i < 10_000; i++) {
            assertThat(store.append(GATEWAY, entry("e" + i), limit)).isTrue();
        }

        assertThat(store.append(GATEWAY, entry("late"), limit)).isFalse();
        assertThat(store.append(GATEWAY, entry("late"), new LogLimit(10_000, Strategy.DELETE_OLDEST))).isTrue();
        assertThat(ids()).hasSize(10_000).startsWith("e1").endsWith("late");
    }

    @Test
    void updatesDeletesAndDropsChangeOnlyWhatTheyName() {
        GatewayRef other = new GatewayRef("acct", "other", "incarnation-1");
        store.append(GATEWAY, entry("1"), UNLIMITED);
        store.append(GATEWAY, entry("2"), UNLIMITED);
        store.append(other, entry("1"), UNLIMITED);

        assertThat(store.update(GATEWAY, "1", e -> e.withReview(1.0, 90.0, "{\"k\":\"v\"}"))).isTrue();
        assertThat(store.update(GATEWAY, "missing", e -> e)).isFalse();
        assertThat(store.find(GATEWAY, "1")).get().extracting(LogEntry::feedback, LogEntry::score, LogEntry::metadata)
                .containsExactly(1.0, 90.0, "{\"k\":\"v\"}");
        assertThat(store.find(other, "1")).get().extracting(LogEntry::feedback).isNull();

        assertThat(store.delete(GATEWAY, List.of("2", "missing"))).isEqualTo(1);
        assertThat(ids()).containsExactly("1");

        store.dropGateway(GATEWAY);
        assertThat(store.list(GATEWAY)).isEmpty();
        assertThat(store.list(other)).hasSize(1);
        store.clear();
        assertThat(store.list(other)).isEmpty();
    }

    @Test
    void lookupsByIdFollowEvictionsDeletesAndNewEntries() {
        LogLimit limit = new LogLimit(3, Strategy.DELETE_OLDEST);
        for (String id : List.of("1", "2", "3")) {
            store.append(GATEWAY, entry(id), limit);
        }
        assertThat(store.find(GATEWAY, "1")).isPresent();

        store.append(GATEWAY, entry("4"), limit);
        store.delete(GATEWAY, List.of("2"));

        assertThat(store.find(GATEWAY, "1")).isEmpty();
        assertThat(store.find(GATEWAY, "2")).isEmpty();
        assertThat(store.update(GATEWAY, "1", e -> e.withReview(1.0, null, null))).isFalse();
        assertThat(store.find(GATEWAY, "4")).get().extracting(LogEntry::id).isEqualTo("4");
        assertThat(ids()).containsExactly("3", "4");
    }

    @Test
    void anUpdateKeepsTheEntrysPlaceInTheOrder() {
        for (String id : List.of("1", "2", "3")) {
            store.append(GATEWAY, entry(id), UNLIMITED);
        }

        store.update(GATEWAY, "2", e -> e.withReview(-1.0, null, null));

        assertThat(ids()).containsExactly("1", "2", "3");
        assertThat(store.list(GATEWAY).get(1).feedback()).isEqualTo(-1.0);
    }
}
