package dev.aigw.emulator.internal.evaluation;

import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The datasets and evaluations of every gateway, keyed by gateway incarnation (so a gateway deleted and created
 * again starts with none), and the setting {@code evaluations.available} (management-api-2.md 5). Thread-safe.
 */
public final class EvaluationStore {

    /** The message of the 403 a write answers while datasets and evaluations are unavailable (5). */
    public static final String UNAVAILABLE = "Evaluations are deprecated and unavailable to new accounts";

    private final Shelf<StoredDataset> datasets = new Shelf<>(StoredDataset::id, StoredDataset::createdAt,
            (a, b) -> a.name().equals(b.name()));
    private final Shelf<StoredEvaluation> evaluations = new Shelf<>(StoredEvaluation::id,
            StoredEvaluation::createdAt, (a, b) -> false);
    private volatile boolean available = true;

    /** Returns the refusal of a write while unavailable: 403 with code 10000 (management-api-2.md 5). */
    public static ApiException unavailableError() {
        return ApiException.frontDoor(403, ApiError.of(10000, UNAVAILABLE));
    }

    /** Refuses a write while datasets and evaluations are unavailable. */
    public void requireAvailable() {
        if (!available) {
            throw unavailableError();
        }
    }

    /** Tells whether datasets and evaluations are served (default); off, writes are refused and reads empty. */
    public boolean available() {
        return available;
    }

    /** Turns datasets and evaluations on or off, as the setting {@code evaluations.available}. */
    public void available(boolean on) {
        available = on;
    }

    /** Returns a gateway's datasets, newest first. */
    public List<StoredDataset> datasets(GatewayRef gateway) {
        return datasets.list(gateway);
    }

    /** Returns one dataset of a gateway. */
    public Optional<StoredDataset> dataset(GatewayRef gateway, String id) {
        return datasets.get(gateway, id);
    }

    /** Adds a dataset unless another of the gateway has its name; returns whether it was added. */
    public boolean addDataset(GatewayRef gateway, StoredDataset dataset) {
        return datasets.put(gateway, dataset.id(), before -> dataset).isPresent();
    }

    /**
     * Replaces a dataset with what {@code change} makes of it, unless another dataset of the gateway has the new
     * name; returns the new dataset, or empty when the name is taken.
     */
    public Optional<StoredDataset> replaceDataset(GatewayRef gateway, String id, UnaryOperator<StoredDataset> change) {
        return datasets.put(gateway, id, change);
    }

    /** Removes a dataset; returns it, or empty when there was none. */
    public Optional<StoredDataset> deleteDataset(GatewayRef gateway, String id) {
        return datasets.remove(gateway, id);
    }

    /** Returns a gateway's evaluations, newest first. */
    public List<StoredEvaluation> evaluations(GatewayRef gateway) {
        return evaluations.list(gateway);
    }

    /** Returns one evaluation of a gateway. */
    public Optional<StoredEvaluation> evaluation(GatewayRef gateway, String id) {
        return evaluations.get(gateway, id);
    }

    /** Adds an evaluation. */
    public void addEvaluation(GatewayRef gateway, StoredEvaluation evaluation) {
        evaluations.put(gateway, evaluation.id(), before -> evaluation);
    }

    /** Removes an evaluation with its results; returns it, or empty when there was none. */
    public Optional<StoredEvaluation> deleteEvaluation(GatewayRef gateway, String id) {
        return evaluations.remove(gateway, id);
    }

    /** Forgets every dataset and evaluation and makes them available again. */
    public void clear() {
        datasets.clear();
        evaluations.clear();
        available = true;
    }

    /** One kind of object, per gateway, by id, listed newest first (ties: the later added first). Thread-safe. */
    private static final class Shelf<T> {

        private final Map<GatewayRef, Map<String, T>> byGateway = new HashMap<>();
        private final Function<T, String> id;
        private final Function<T, Instant> createdAt;
        private final BiPredicate<T, T> clash;

        Shelf(Function<T, String> id, Function<T, Instant> createdAt, BiPredicate<T, T> clash) {
            this.id = id;
            this.createdAt = createdAt;
            this.clash = clash;
        }

        synchronized List<T> list(GatewayRef gateway) {
            List<T> list = new ArrayList<>(byGateway.getOrDefault(gateway, Map.of()).values());
            Collections.reverse(list);
            list.sort(Comparator.comparing(createdAt).reversed());
            return list;
        }

        synchronized Optional<T> get(GatewayRef gateway, String key) {
            return Optional.ofNullable(byGateway.getOrDefault(gateway, Map.of()).get(key));
        }

        /**
         * Stores what {@code change} makes of the object under {@code key} (null when new), unless another object
         * of the gateway clashes with it (a dataset of the same name); returns it, or empty on a clash.
         */
        synchronized Optional<T> put(GatewayRef gateway, String key, UnaryOperator<T> change) {
            Map<String, T> own = byGateway.computeIfAbsent(gateway, g -> new LinkedHashMap<>());
            T changed = change.apply(own.get(key));
            if (own.values().stream().anyMatch(other -> !id.apply(other).equals(key) && clash.test(changed, other))) {
                return Optional.empty();
            }
            own.put(key, changed);
            return Optional.of(changed);
        }

        synchronized Optional<T> remove(GatewayRef gateway, String key) {
            Map<String, T> own = byGateway.get(gateway);
            return Optional.ofNullable(own == null ? null : own.remove(key));
        }

        synchronized void clear() {
            byGateway.clear();
        }
    }
}
