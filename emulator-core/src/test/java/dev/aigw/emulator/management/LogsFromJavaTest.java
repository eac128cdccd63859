package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.LogQuery;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.proxy.ProxyClient;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Log entries read from Java with the Logs API's filters, over four requests one second apart: (1) openai
 * gpt-4o-mini, 200, cached; (2) openai gpt-4o, a scripted 500; (3) anthropic claude-sonnet-4-5, 200, 700 ms
 * upstream latency; (4) the first again, a cache hit. Results are named by those numbers, oldest first.
 */
@Timeout(30)
class LogsFromJavaTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final String CHAT =
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private final VirtualClock clock = VirtualClock.startingAt(T0);
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).gateway("gw").build().start();
    private final ProxyClient proxy = new ProxyClient(emulator);
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void traffic() {
        ids.add(proxy("openai/chat/completions", CHAT, "cf-aig-cache-ttl", "300"));
        clock.advance(Duration.ofSeconds(1));
        emulator.script("openai").enqueue(UpstreamResponse.status(500));
        ids.add(proxy("openai/chat/completions", CHAT.replace("gpt-4o-mini", "gpt-4o")));
        clock.advance(Duration.ofSeconds(1));
        emulator.script("anthropic").enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(700)).build());
        ids.add(proxy("anthropic/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
        clock.advance(Duration.ofSeconds(1));
        ids.add(proxy("openai/chat/completions", CHAT, "cf-aig-cache-ttl", "300"));
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private String proxy(String path, String body, String... headers) {
        return proxy.post(proxy.path("gw", path), body, headers).headers().firstValue("cf-aig-log-id").orElseThrow();
    }

    /** Returns the numbers (1 to 4) of the entries a query selects, in the order returned. */
    private List<Integer> select(LogQuery query) {
        return emulator.logs("gw", query).stream().map(e -> ids.indexOf(e.id()) + 1).toList();
    }

    /** Returns the numbers of the entries the Logs API selects over HTTP with one filter, oldest first. */
    private List<Integer> selectOverHttp(String filter) {
        JsonNode result = assertOk(ManagementApi.of(emulator).get("/gateways/gw/logs?order_by_direction=asc&filters="
                + URLEncoder.encode("[" + filter + "]", StandardCharsets.UTF_8)));
        List<Integer> numbers = new ArrayList<>();
        result.forEach(e -> numbers.add(ids.indexOf(e.get("id").textValue()) + 1));
        return numbers;
    }

    @Test
    void theTypedFiltersSelectByProviderModelSuccessAndCache() {
        assertThat(select(LogQuery.builder().provider("openai").build())).containsExactly(1, 2, 4);
        assertThat(select(LogQuery.builder().provider("openai").success(false).build())).containsExactly(2);
        assertThat(select(LogQuery.builder().model("gpt-4o-mini").build())).containsExactly(1, 4);
        assertThat(select(LogQuery.builder().cached(true).build())).containsExactly(4);
        assertThat(select(LogQuery.builder().success(true).cached(false).build())).containsExactly(1, 3);
    }

    @Test
    void everyFilterOfTheLogsApiSelectsWhatItSelectsOverHttp() {
        assertThat(select(LogQuery.builder().filter("duration", "gt", 500).build()))
                .isEqualTo(selectOverHttp("{\"key\":\"duration\",\"operator\":\"gt\",\"value\":[500]}"))
                .containsExactly(3);
        assertThat(select(LogQuery.builder().filter("provider", "eq", "anthropic", "workers-ai").build()))
                .isEqualTo(selectOverHttp("{\"key\":\"provider\",\"operator\":\"eq\",\"value\":[\"anthropic\","
                        + "\"workers-ai\"]}"))
                .containsExactly(3);
        assertThat(select(LogQuery.builder().filter("model", "contains", "4O").build()))
                .isEqualTo(selectOverHttp("{\"key\":\"model\",\"operator\":\"contains\",\"value\":[\"4O\"]}"))
                .containsExactly(1, 2, 4);
        assertThat(select(LogQuery.builder().filter("tokens_in", "eq", (Object) null).build()))
                .isEqualTo(selectOverHttp("{\"key\":\"tokens_in\",\"operator\":\"eq\",\"value\":[null]}"))
                .containsExactly(2);
        assertThat(select(LogQuery.builder().filter("cost", "gt", 0.0).build()))
                .isEqualTo(selectOverHttp("{\"key\":\"cost\",\"operator\":\"gt\",\"value\":[0.0]}"));
    }

    @Test
    void instantsFilterTheCreationTime() {
        assertThat(select(LogQuery.builder().filter("created_at", "gt", T0.plusSeconds(1)).build()))
                .containsExactly(3, 4);
        assertThat(select(LogQuery.builder().filter("created_at", "lt", T0.plusSeconds(1)).build()))
                .containsExactly(1);
    }

    @Test
    void searchFindsASubstringOfIdProviderModelOrPathIgnoringCase() {
        assertThat(select(LogQuery.builder().search("ANTHROPIC").build())).containsExactly(3);
        assertThat(select(LogQuery.builder().search(ids.get(1).substring(10)).build())).containsExactly(2);
    }

    @Test
    void everyEntryComesBackOldestFirstWithoutAQuery() {
        assertThat(select(LogQuery.all())).containsExactly(1, 2, 3, 4);
        assertThat(emulator.logs("gw")).extracting(LogEntry::id).isEqualTo(ids);
        assertThat(emulator.logs("nobody", LogQuery.builder().provider("openai").build())).isEmpty();
    }

    @Test
    void aFilterTheLogsApiWouldRefuseIsRefusedWithItsMessage() {
        ApiReply overHttp = ManagementApi.of(emulator).get("/gateways/gw/logs?filters=" + URLEncoder.encode(
                "[{\"key\":\"duration\",\"operator\":\"contains\",\"value\":[1]}]", StandardCharsets.UTF_8));

        ManagementApiException e = catchThrowableOfType(ManagementApiException.class,
                () -> LogQuery.builder().filter("duration", "contains", 1));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).containsExactly(new ManagementApiException.ApiError(7001,
                overHttp.errors().get(0).get("message").textValue(), List.of("query", "filters")));
        assertThat(e).hasMessage("Input Validation Error: filters[0].operator: expected one of \"eq\", \"neq\","
                + " \"lt\", \"gt\" for \"duration\" (a number), got \"contains\"");
    }

    @Test
    void filtersTheLogsApiDoesNotKnowOrWithoutValuesAreRefused() {
        assertThatThrownBy(() -> LogQuery.builder().provider("openai").filter("colour", "eq", "red"))
                .isInstanceOf(ManagementApiException.class)
                .hasMessageStartingWith("Input Validation Error: filters[1].key: expected one of \"id\", \"created_at\"");
        assertThatThrownBy(() -> LogQuery.builder().filter("model", "eq"))
                .isInstanceOf(ManagementApiException.class)
                .hasMessage("Input Validation Error: filters[0].value: expected an array of at least one value");
        assertThatThrownBy(() -> LogQuery.builder().filter("success", "eq", "maybe"))
                .isInstanceOf(ManagementApiException.class)
                .hasMessage("Input Validation Error: filters[0].value: expected a boolean for \"success\", got \"maybe\"");
    }

    @Test
    void filterValuesOfOtherTypesAreRefusedNamingTheTypesItTakes() {
        assertThatThrownBy(() -> LogQuery.builder().filter("duration", "gt", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a log filter value is a String, a Number, a Boolean, an Instant or null, got a"
                        + " java.time.Duration: PT1S");
        assertThatThrownBy(() -> LogQuery.builder().filter("cost", "gt", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a log filter value must be a finite number, got NaN");
        assertThatThrownBy(() -> LogQuery.builder().provider(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("provider");
    }
}
