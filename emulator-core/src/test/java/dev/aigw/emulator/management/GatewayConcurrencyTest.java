package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertServiceError;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many clients at once: creates of one id leave exactly one gateway, creates of distinct ids leave all of
 * them, and racing updates never leave a gateway that mixes two bodies.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayConcurrencyTest {

    private static final int THREADS = 64;

    private final VirtualClock clock = VirtualClock.create();
    private AiGatewayEmulator emulator;
    private ManagementApi api;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder().clock(clock).build().start();
        api = ManagementApi.of(emulator);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        emulator.close();
    }

    /** Runs {@code THREADS} calls released together by one start gate; returns the replies in call order. */
    private List<ApiReply> race(IntFunction<ApiReply> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiReply>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            Callable<ApiReply> task = () -> {
                ready.countDown();
                go.await();
                return call.apply(n);
            };
            futures.add(pool.submit(task));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads at the start gate").isTrue();
        go.countDown();
        List<ApiReply> replies = new ArrayList<>();
        for (Future<ApiReply> future : futures) {
            replies.add(future.get(20, TimeUnit.SECONDS));
        }
        return replies;
    }

    private static String bodyWithCacheTtl(String id, int cacheTtl) {
        return GatewayBodies.minimal(id).replace("\"cache_ttl\": 0", "\"cache_ttl\": " + cacheTtl);
    }

    @Test
    void parallelCreatesOfDistinctIdsAllSucceed() throws Exception {
        List<ApiReply> replies = race(n -> api.post("/gateways", GatewayBodies.minimal("gw-" + n)));

        replies.forEach(reply -> assertOk(reply));
        assertThat(api.gatewayIds()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, THREADS).mapToObj(n -> "gw-" + n).toList());
        assertThat(api.get("/gateways").json().get("result_info").get("total_count").intValue()).isEqualTo(THREADS);
    }

    @Test
    void parallelCreatesOfOneIdLeaveExactlyOneGateway() throws Exception {
        List<ApiReply> replies = race(n -> api.post("/gateways", bodyWithCacheTtl("contested", n)));

        List<ApiReply> winners = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        replies.stream().filter(r -> r.status() != 200).forEach(loser ->
                assertThat(assertServiceError(loser, 400, 7001)).isEqualTo(json("""
                        {"code": 7001, "message": "A gateway with this id already exists", "path": ["body", "id"]}
                        """)));
        assertThat(api.gatewayIds()).containsExactly("contested");
        assertThat(api.fetchGateway("contested")).isEqualTo(winners.get(0).result());
    }

    @Test
    void parallelCreatesOfAFewIdsSucceedExactlyOncePerId() throws Exception {
        int ids = 8;

        List<ApiReply> replies = race(n -> api.post("/gateways", bodyWithCacheTtl("shared-" + n % ids, n)));

        Map<String, List<Integer>> statusesById = new HashMap<>();
        for (int n = 0; n < THREADS; n++) {
            statusesById.computeIfAbsent("shared-" + n % ids, k -> new ArrayList<>()).add(replies.get(n).status());
        }
        assertThat(statusesById).hasSize(ids);
        statusesById.forEach((id, statuses) -> {
            Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            assertThat(counts).as("statuses of %s", id).isEqualTo(Map.of(200, 1L, 400, (long) (THREADS / ids - 1)));
        });
        replies.stream().filter(r -> r.status() == 400).forEach(r -> assertServiceError(r, 400, 7001));
        assertThat(api.gatewayIds()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, ids).mapToObj(n -> "shared-" + n).toList());
    }

    @Test
    void parallelUpdatesNeverTearAGateway() throws Exception {
        api.createGateway(GatewayBodies.full("hot"));
        clock.advance(Duration.ofMinutes(1));

        List<ApiReply> replies = race(n -> api.put("/gateways/hot", """
                {"cache_invalidate_on_update": %b, "cache_ttl": %d, "collect_logs": %b,
                 "rate_limiting_interval": %d, "rate_limiting_limit": %d, "retry_delay": %d,
                 "otel": [{"url": "https://otel.example.com/%d", "headers": {"n": "%d"}}]}
                """.formatted(n % 2 == 0, n, n % 2 == 0, n, n, n, n, n)));

        for (ApiReply reply : replies) {
            assertConsistent(assertOk(reply));
        }
        JsonNode last = api.fetchGateway("hot");
        assertConsistent(last);
        assertThat(replies.stream().map(ApiReply::result).toList()).contains(last);
        assertThat(last.get("rate_limiting_technique").asText()).isEqualTo("sliding");
        assertThat(last.get("created_at").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(last.get("modified_at").asText()).isEqualTo("2026-01-01T00:01:00.000Z");
        assertThat(api.gatewayIds()).containsExactly("hot");
    }

    /** Asserts that every member a racing update sets came from the same update. */
    private static void assertConsistent(JsonNode gateway) {
        int n = gateway.get("cache_ttl").intValue();
        assertThat(gateway.get("rate_limiting_interval").intValue()).as("interval of %s", gateway).isEqualTo(n);
        assertThat(gateway.get("rate_limiting_limit").intValue()).as("limit of %s", gateway).isEqualTo(n);
        assertThat(gateway.get("retry_delay").intValue()).as("retry_delay of %s", gateway).isEqualTo(n);
        assertThat(gateway.get("collect_logs").booleanValue()).as("collect_logs of %s", gateway).isEqualTo(n % 2 == 0);
        assertThat(gateway.get("cache_invalidate_on_update").booleanValue()).isEqualTo(n % 2 == 0);
        assertThat(gateway.get("otel")).as("otel of %s", gateway).isEqualTo(json(
                "[{\"url\": \"https://otel.example.com/" + n + "\", \"headers\": {\"n\": \"" + n + "\"}}]"));
    }

    @Test
    void parallelDeletesOfOneGatewaySucceedExactlyOnce() throws Exception {
        JsonNode created = api.createGateway(GatewayBodies.full("doomed"));

        List<ApiReply> replies = race(n -> api.delete("/gateways/doomed"));

        List<ApiReply> winners = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(winners.get(0).result()).isEqualTo(created);
        replies.stream().filter(r -> r.status() != 200).forEach(r -> assertServiceError(r, 404, 7002));
        assertThat(api.gatewayIds()).isEmpty();
    }
}
