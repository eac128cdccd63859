package dev.aigw.emulator.failures;

import static dev.aigw.emulator.failures.ControlCalls.call;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mistakes in scripts are refused with the member named and a "did you mean", in Java and over HTTP. */
@Timeout(30)
class StrictScriptsTest {

    private static final String KNOWN = String.join(", ", ProviderRegistry.withBuiltIns().slugs());

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void anUnknownProviderIsRefusedInJavaNamingTheClosestSlug() {
        assertThatThrownBy(() -> emulator.script("opnai")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown provider \"opnai\" (did you mean \"openai\"?); known: " + KNOWN);
        assertThatThrownBy(() -> emulator.script("open-ai")).hasMessageStartingWith(
                "unknown provider \"open-ai\" (did you mean \"openai\"?)");
        assertThatThrownBy(() -> emulator.script("nothing-like-it")).hasMessage(
                "unknown provider \"nothing-like-it\"; known: " + KNOWN);
    }

    @Test
    void anUnknownProviderIsRefusedOverHttpWithTheV4EnvelopeAndQueuesNothing() {
        JsonNode appended = assertValidationError(
                call(emulator, "POST", "/scripts/opnai", "{\"steps\":[{\"status\":503}]}"), "provider");
        JsonNode cleared = assertValidationError(call(emulator, "DELETE", "/scripts/opnai", null), "provider");

        assertThat(appended.get("message").textValue()).isEqualTo(
                "Input Validation Error: unknown provider \"opnai\" (did you mean \"openai\"?); known: " + KNOWN);
        assertThat(cleared.get("message").textValue()).isEqualTo(appended.get("message").textValue());
        assertThat(emulator.pendingScripts()).isEmpty();
    }

    @Test
    void anUnknownMemberOfAStepIsRefusedNamingItAndTheClosestMember() {
        JsonNode error = assertValidationError(call(emulator, "POST", "/scripts/openai",
                "{\"steps\":[{\"status\":503,\"time\":2}]}"), "body", "steps", "0", "time");

        assertThat(error.get("message").textValue()).startsWith(
                "Input Validation Error: steps.0.time: unknown member (did you mean \"times\"?); the members are"
                        + " status, headers, body, events, latency_ms,");
        assertThat(emulator.pendingScripts()).isEmpty();
    }

    @Test
    void anUnknownMemberOfTheScriptBodyIsRefusedNamingIt() {
        JsonNode error = assertValidationError(call(emulator, "POST", "/scripts/openai",
                "{\"step\":[{\"status\":503}]}"), "body", "step");

        assertThat(error.get("message").textValue()).isEqualTo("Input Validation Error: step: unknown member"
                + " (did you mean \"steps\"?); the members are steps, gateway_id, test_id");
    }

    @Test
    void anUnknownMemberOfAClockBodyIsRefusedNamingIt() {
        JsonNode mode = assertValidationError(call(emulator, "PUT", "/clock", "{\"mode\":\"manual\",\"mdoe\":1}"),
                "body", "mdoe");
        JsonNode advance = assertValidationError(call(emulator, "POST", "/clock/advance", "{\"milis\":5}"),
                "body", "milis");

        assertThat(mode.get("message").textValue()).isEqualTo(
                "Input Validation Error: mdoe: unknown member (did you mean \"mode\"?); the members are mode");
        assertThat(advance.get("message").textValue()).isEqualTo(
                "Input Validation Error: milis: unknown member (did you mean \"millis\"?); the members are millis");
    }

    @Test
    void anInformationalStatusIsRefusedInJsonAndInJava() {
        JsonNode error = assertValidationError(call(emulator, "POST", "/scripts/openai",
                "{\"steps\":[{\"status\":101}]}"), "body", "steps", "0", "status");

        assertThat(error.get("message").textValue()).isEqualTo("Input Validation Error: steps.0.status: 101 is an"
                + " informational (1xx) status, which HTTP cannot send as a final response; use a status from 200"
                + " to 599");
        assertThatThrownBy(() -> UpstreamResponse.status(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status must be from 200 to 599, got 101 (an informational 1xx status is never a final"
                        + " response)");
        assertThat(emulator.pendingScripts()).isEmpty();
    }

    @Test
    void anUnknownQueryParameterOfAListingIsRefusedRatherThanSelectingEverything() {
        JsonNode requests = assertValidationError(call(emulator, "GET", "/requests?gateway=gw", null),
                "query", "gateway");
        assertValidationError(call(emulator, "GET", "/scripts?test=t1", null), "query", "test");
        assertValidationError(call(emulator, "GET", "/timelines?gatway_id=gw", null), "query", "gatway_id");
        assertValidationError(call(emulator, "DELETE", "/scripts/openai?provider=openai", null), "query", "provider");

        assertThat(requests.get("message").textValue()).isEqualTo("Input Validation Error: unknown query parameter"
                + " \"gateway\" (did you mean \"gateway_id\"?); this call takes provider, gateway_id, test_id");
    }

    @Test
    void anUnknownProviderInAFilterIsRefusedInJavaAndOverHttp() {
        assertValidationError(call(emulator, "GET", "/requests?provider=opnai", null), "provider");
        assertValidationError(call(emulator, "GET", "/scripts?provider=opnai", null), "provider");

        assertThatThrownBy(() -> emulator.recordedRequests("opnai", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(
                        "unknown provider \"opnai\" (did you mean \"openai\"?)");
    }
}
