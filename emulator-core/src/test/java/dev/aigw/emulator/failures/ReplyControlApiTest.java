package dev.aigw.emulator.failures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.proxy.ProxyClient;
import dev.aigw.emulator.testsupport.ApiReply;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reply rules, strict mode and reply problems are driven over the control API as through the Java API, in the JSON
 * form of the docs; every bad call is a 400/7001 naming the member or parameter, and changes nothing.
 */
@Timeout(30)
class ReplyControlApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEATHER = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"What is the weather in Paris?\"}]}";

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .clock(VirtualClock.startingAt(Instant.parse("2026-04-01T08:00:00Z"))).build().start();
    private final ProxyClient proxy = new ProxyClient(emulator);

    @BeforeEach
    void gateway() {
        emulator.createGateway("gw");
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private ApiReply call(String method, String path, String body) {
        return ControlCalls.call(emulator, method, path, body);
    }

    private JsonNode chat(String body, String... headers) throws Exception {
        HttpResponse<String> response = proxy.post(proxy.path("gw", "openai/chat/completions"), body, headers);
        return ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(response.body())).put("status",
                response.statusCode());
    }

    @Test
    void rulesAddedOverHttpAnswerThroughTheProxyAndAreListedInTheOrderTheyAreLookedAt() throws Exception {
        ApiReply added = call("POST", "/replies", """
                {"rules": [{"name": "weather", "match": {"last_user_message": {"contains": "weather"}},
                            "reply": {"text": "It is sunny in Paris."}},
                           {"name": "fallback", "replies": [{"text": "first"}, {"text": "then"}]}]}""");
        call("POST", "/replies?test_id=t-1", "{\"name\": \"mine\", \"reply\": {\"text\": \"only for t-1\"}}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("added").intValue()).isEqualTo(2);
        JsonNode listed = call("GET", "/replies", null).json();
        assertThat(listed.get("strict").booleanValue()).isFalse();
        assertThat(listed.get("rules")).extracting(r -> r.get("name").textValue())
                .containsExactly("mine", "weather", "fallback");
        assertThat(listed.at("/rules/0/match/test_id").textValue()).isEqualTo("t-1");
        assertThat(call("GET", "/replies?test_id=t-1", null).json().get("rules")).hasSize(1);
        assertThat(emulator.replies().list()).extracting(ReplyRule::name).containsExactly("mine", "weather", "fallback");

        assertThat(chat(WEATHER).at("/choices/0/message/content").textValue()).isEqualTo("It is sunny in Paris.");
        assertThat(chat(WEATHER, AiGatewayEmulator.TEST_ID_HEADER, "t-1").at("/choices/0/message/content").textValue())
                .isEqualTo("only for t-1");
        assertThat(chat(ProxyClient.CHAT.replace("gpt-4o-mini", "gpt-4o")).at("/choices/0/message/content")
                .textValue()).isEqualTo("first");
    }

    @Test
    void deleteRemovesOneTestsRulesOrAllRulesAddedAtRunTime() {
        emulator.replies().add(ReplyRule.builder("shared").reply(ModelReply.text("x")).build());
        emulator.replies().forTest("t-1").add(ReplyRule.builder("mine").reply(ModelReply.text("y")).build());
        emulator.replies().forTest("t-2").add(ReplyRule.builder("theirs").reply(ModelReply.text("z")).build());

        JsonNode left = call("DELETE", "/replies?test_id=t-1", null).json();

        assertThat(left.get("rules")).isEmpty();
        assertThat(emulator.replies().list()).extracting(ReplyRule::name).containsExactly("theirs", "shared");
        assertThat(call("DELETE", "/replies", null).status()).isEqualTo(200);
        assertThat(emulator.replies().list()).isEmpty();
    }

    @Test
    void strictModeIsSwitchedOverHttpAndAnUnmatchedRequestIsAProblemListedByTestId() throws Exception {
        emulator.replies().add(ReplyRule.builder("greeting").lastUserMessageContains("hello")
                .reply(ModelReply.text("Hi!")).build());

        assertThat(call("PUT", "/replies/strict", "{\"strict\": true}").json().get("strict").booleanValue()).isTrue();
        assertThat(emulator.replies().isStrict()).isTrue();
        JsonNode refused = chat(WEATHER, AiGatewayEmulator.TEST_ID_HEADER, "t-1");

        assertThat(refused.get("status").intValue()).isEqualTo(400);
        assertThat(refused.at("/error/message").textValue()).contains("no reply rule matches").contains("'greeting'");
        JsonNode problems = call("GET", "/reply-problems", null).json().get("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.at("/0/kind").textValue()).isEqualTo("unmatched");
        assertThat(problems.at("/0/test_id").textValue()).isEqualTo("t-1");
        assertThat(problems.at("/0/at").textValue()).isEqualTo("2026-04-01T08:00:00.000Z");
        assertThat(call("GET", "/reply-problems?test_id=t-1", null).json().get("problems")).hasSize(1);
        assertThat(call("GET", "/reply-problems?test_id=t-2", null).json().get("problems")).isEmpty();
        assertThat(emulator.replyProblems()).extracting(ReplyProblem::kind).containsExactly(ReplyProblem.Kind.UNMATCHED);

        assertThat(call("PUT", "/replies/strict", "{\"strict\": false}").json().get("strict").booleanValue()).isFalse();
        assertThat(chat(WEATHER).get("status").intValue()).isEqualTo(200);
    }

    @Test
    void resetForgetsRulesAddedOverHttpAndTheProblems() {
        call("POST", "/replies", "{\"name\": \"r\", \"reply\": {\"text\": \"x\"}}");
        call("PUT", "/replies/strict", "{\"strict\": true}");

        call("POST", "/reset", null);

        JsonNode listed = call("GET", "/replies", null).json();
        assertThat(listed.get("rules")).isEmpty();
        assertThat(listed.get("strict").booleanValue()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            POST   | /replies                  | {"name":"r","reply":{"text":"x"},"mach":{}}    | mach: unknown member (did you mean "match"?)
            POST   | /replies                  | {"rules":[{"name":"r","reply":{"text":"x"},"match":{"turn":1e99}}]} | rules.0.match.turn: expected an integer
            POST   | /replies                  | {"rules":[]}                                   | rules: expected a non-empty array of reply rules
            POST   | /replies                  | {"rules":[{"name":"r","reply":{"text":"x"}}],"test_id":"a","tes_id":1} | tes_id: unknown member (did you mean "test_id"?)
            POST   | /replies?test_id=b        | {"rules":[{"name":"r","reply":{"text":"x"}}],"test_id":"a"} | test_id: "a" differs from the test id "b" given with the call
            POST   | /replies?test=a           | {"name":"r","reply":{"text":"x"}}              | unknown query parameter "test" (did you mean "test_id"?)
            POST   | /replies?test_id=         | {"name":"r","reply":{"text":"x"}}              | test_id: expected 1 to 256 characters
            POST   | /replies                  | {oops                                          | the body is not valid JSON
            POST   | /replies                  |                                                | the body must be a JSON object, got an empty body
            POST   | /replies                  | [{"name":"r"}]                                 | the body must be a JSON object, got array
            POST   | /replies                  | {"name":"r","reply":{"text":"x"},"match":{"provider":"opnai"}} | match.provider
            PUT    | /replies/strict           | {"strict":"yes"}                               | strict: expected a boolean, got "yes"
            PUT    | /replies/strict           | {"strikt":true}                                | strikt: unknown member (did you mean "strict"?)
            PUT    | /replies/strict           | {}                                             | strict is required
            GET    | /replies?tst_id=a         |                                                | unknown query parameter "tst_id" (did you mean "test_id"?)
            DELETE | /replies?provider=openai  |                                                | unknown query parameter "provider"
            GET    | /reply-problems?kind=x    |                                                | unknown query parameter "kind"
            """)
    void aBadCallIsRefusedNamingTheMemberAndChangesNothing(String method, String path, String body, String message) {
        ApiReply reply = call(method, path, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.errors().get(0).get("code").intValue()).isEqualTo(7001);
        assertThat(reply.errors().get(0).get("message").textValue()).contains(message);
        assertThat(emulator.replies().list()).isEmpty();
        assertThat(emulator.replies().isStrict()).isFalse();
    }
}
