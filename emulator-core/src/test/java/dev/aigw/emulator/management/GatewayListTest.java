package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertPage;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /gateways}: order, pagination, {@code result_info} and search (management-api.md G1, Q9, Q10). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayListTest {

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-08-01T10:00:00Z"));
    private AiGatewayEmulator emulator;
    private ManagementApi api;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder().clock(clock).build().start();
        api = ManagementApi.of(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Creates bravo at 10:00, alpha at 10:01, then delta and charlie both at 10:02. */
    private void createFourAtThreeInstants() {
        api.createGateway(GatewayBodies.minimal("bravo"));
        clock.advance(Duration.ofMinutes(1));
        api.createGateway(GatewayBodies.minimal("alpha"));
        clock.advance(Duration.ofMinutes(1));
        api.createGateway(GatewayBodies.minimal("delta"));
        api.createGateway(GatewayBodies.minimal("charlie"));
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.forEach(g -> ids.add(g.get("id").asText()));
        return ids;
    }

    @Test
    void listOfAnAccountWithoutGatewaysIsAnEmptyFirstPage() {
        ApiReply reply = api.get("/gateways");

        assertPage(reply, 1, 20, 0, 0);
        assertThat(reply.json()).isEqualTo(json("""
                {"success": true, "errors": [], "messages": [], "result": [],
                 "result_info": {"page": 1, "per_page": 20, "count": 0, "total_count": 0}}
                """));
    }

    @Test
    void listOrdersNewestFirstThenIdAscendingForTheSameInstant() {
        createFourAtThreeInstants();

        JsonNode result = assertPage(api.get("/gateways"), 1, 20, 4, 4);

        assertThat(ids(result)).containsExactly("charlie", "delta", "alpha", "bravo");
        assertThat(result.get(0).get("created_at").asText()).isEqualTo("2026-08-01T10:02:00.000Z");
        assertThat(result.get(3).get("created_at").asText()).isEqualTo("2026-08-01T10:00:00.000Z");
    }

    @Test
    void listItemsAreTheSameObjectsAsGetAnswers() {
        api.createGateway(GatewayBodies.full("full-gateway"));

        JsonNode result = assertPage(api.get("/gateways"), 1, 20, 1, 1);

        assertThat(result.get(0)).isEqualTo(api.fetchGateway("full-gateway"));
    }

    @Test
    void pageAndPerPageSliceTheOrderedList() {
        createFourAtThreeInstants();

        JsonNode first = assertPage(api.get("/gateways?page=1&per_page=3"), 1, 3, 3, 4);
        JsonNode second = assertPage(api.get("/gateways?page=2&per_page=3"), 2, 3, 1, 4);

        assertThat(ids(first)).containsExactly("charlie", "delta", "alpha");
        assertThat(ids(second)).containsExactly("bravo");
    }

    @Test
    void perPageOfOneAndOfOneHundredAreAccepted() {
        createFourAtThreeInstants();

        assertThat(ids(assertPage(api.get("/gateways?per_page=1&page=4"), 4, 1, 1, 4))).containsExactly("bravo");
        assertThat(ids(assertPage(api.get("/gateways?per_page=100"), 1, 100, 4, 4))).hasSize(4);
    }

    @Test
    void pagePastTheEndIsEmptyAndSuccessful() {
        createFourAtThreeInstants();

        ApiReply reply = api.get("/gateways?page=3&per_page=2");

        assertThat(assertPage(reply, 3, 2, 0, 4)).isEmpty();
        assertThat(assertPage(api.get("/gateways?page=2147483647&per_page=100"), 2147483647, 100, 0, 4)).isEmpty();
    }

    @Test
    void searchIsACaseInsensitiveSubstringOfTheId() {
        api.createGateway(GatewayBodies.minimal("prod-chat"));
        clock.advance(Duration.ofSeconds(1));
        api.createGateway(GatewayBodies.minimal("staging-chat"));
        clock.advance(Duration.ofSeconds(1));
        api.createGateway(GatewayBodies.minimal("prod-embeddings"));

        assertThat(ids(assertPage(api.get("/gateways?search=CHAT"), 1, 20, 2, 2)))
                .containsExactly("staging-chat", "prod-chat");
        assertThat(ids(assertPage(api.get("/gateways?search=od-"), 1, 20, 2, 2)))
                .containsExactly("prod-embeddings", "prod-chat");
        assertThat(ids(assertPage(api.get("/gateways?search=Staging-Chat"), 1, 20, 1, 1)))
                .containsExactly("staging-chat");
        assertPage(api.get("/gateways?search=nothing-like-it"), 1, 20, 0, 0);
    }

    @Test
    void searchCombinesWithPagination() {
        for (int i = 0; i < 5; i++) {
            api.createGateway(GatewayBodies.minimal("team-" + i));
            api.createGateway(GatewayBodies.minimal("other-" + i));
            clock.advance(Duration.ofSeconds(1));
        }

        JsonNode second = assertPage(api.get("/gateways?search=TEAM&per_page=2&page=2"), 2, 2, 2, 5);

        assertThat(ids(second)).containsExactly("team-2", "team-1");
    }

    @Test
    void updateDoesNotMoveAGatewayInTheList() {
        createFourAtThreeInstants();
        clock.advance(Duration.ofHours(1));

        assertOk(api.put("/gateways/bravo", """
                {"cache_invalidate_on_update": false, "cache_ttl": 5, "collect_logs": false,
                 "rate_limiting_interval": 0, "rate_limiting_limit": 0}
                """));

        assertThat(api.gatewayIds()).containsExactly("charlie", "delta", "alpha", "bravo");
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        createFourAtThreeInstants();

        JsonNode result = assertPage(api.get("/gateways?order_by=id&direction=asc&id=alpha&foo=bar"), 1, 20, 4, 4);

        assertThat(ids(result)).containsExactly("charlie", "delta", "alpha", "bravo");
    }
}
