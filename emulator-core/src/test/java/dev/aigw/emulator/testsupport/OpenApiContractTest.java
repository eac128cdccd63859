package dev.aigw.emulator.testsupport;

import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.testsupport.OpenApiContract.Verdict;
import org.junit.jupiter.api.Test;

/** Proves the contract checker itself: it passes what the schema allows and fails what it does not. */
class OpenApiContractTest {

    private static final String GATEWAYS = "/client/v4/accounts/0123456789abcdef0123456789abcdef/ai-gateway/gateways";

    /** A private instance, so that these made-up answers do not count in the shared coverage report. */
    private final OpenApiContract contract = new OpenApiContract(
            OpenApiContract.resource("/openapi-ai-gateway.json"), OpenApiContract.resource("/v4-envelope.schema.json"));

    private static ObjectNode gatewayEnvelope() {
        return (ObjectNode) json("""
                {"success": true, "errors": [], "messages": [], "result": {
                  "id": "my-gateway", "authentication": false, "cache_invalidate_on_update": false, "cache_ttl": 0,
                  "collect_logs": true, "created_at": "2026-08-01T10:15:30.123Z", "is_default": false,
                  "logpush": false, "modified_at": "2026-08-01T10:15:30.123Z", "rate_limiting_interval": 0,
                  "rate_limiting_limit": 0, "rate_limiting_technique": "fixed", "workers_ai_billing_mode": "postpaid",
                  "zdr": false}}
                """);
    }

    private static ObjectNode result(ObjectNode envelope) {
        return (ObjectNode) envelope.get("result");
    }

    @Test
    void gatewayWithFieldsThe2024SchemaDoesNotKnowPasses() {
        Verdict verdict = contract.check("GET", GATEWAYS + "/my-gateway", 200, gatewayEnvelope());

        assertThat(verdict).isEqualTo(new Verdict.Validated("aig-config-fetch-gateway", "200"));
    }

    @Test
    void nullInANullableMemberPasses() {
        ObjectNode body = gatewayEnvelope();
        result(body).putNull("cache_ttl").putNull("rate_limiting_interval").putNull("rate_limiting_limit");

        assertThat(contract.check("PUT", GATEWAYS + "/my-gateway", 200, body))
                .isEqualTo(new Verdict.Validated("aig-config-update-gateway", "200"));
    }

    @Test
    void nullInAMemberThatIsNotNullableFails() {
        ObjectNode body = gatewayEnvelope();
        result(body).putNull("collect_logs");

        assertThatThrownBy(() -> contract.check("GET", GATEWAYS + "/my-gateway", 200, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("aig-config-fetch-gateway")
                .hasMessageContaining("collect_logs");
    }

    @Test
    void nullRateLimitingTechniqueFailsBecauseThe2024ResponseSchemaRequiresAValue() {
        ObjectNode body = gatewayEnvelope();
        result(body).putNull("rate_limiting_technique");

        assertThatThrownBy(() -> contract.check("GET", GATEWAYS + "/my-gateway", 200, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("rate_limiting_technique");
    }

    @Test
    void missingRequiredMemberFails() {
        ObjectNode body = gatewayEnvelope();
        result(body).remove("modified_at");

        assertThatThrownBy(() -> contract.check("DELETE", GATEWAYS + "/my-gateway", 200, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("modified_at");
    }

    @Test
    void malformedDateTimeFails() {
        ObjectNode body = gatewayEnvelope();
        result(body).put("created_at", "yesterday");

        assertThatThrownBy(() -> contract.check("POST", GATEWAYS, 200, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("created_at");
    }

    @Test
    void negativeCacheTtlFails() {
        ObjectNode body = gatewayEnvelope();
        result(body).put("cache_ttl", -1);

        assertThatThrownBy(() -> contract.check("GET", GATEWAYS + "/my-gateway", 200, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("cache_ttl");
    }

    @Test
    void listResultMustBeAnArrayOfGateways() {
        JsonNode body = json("""
                {"success": true, "errors": [], "messages": [], "result": [{"id": "Not Valid"}],
                 "result_info": {"page": 1, "per_page": 20, "count": 1, "total_count": 1}}
                """);

        assertThatThrownBy(() -> contract.check("GET", GATEWAYS + "?page=1", 200, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("aig-config-list-gateway");
    }

    @Test
    void validationErrorWithoutPathFailsTheCreateOperationsErrorSchema() {
        JsonNode body = json("""
                {"success": false, "errors": [{"code": 7001, "message": "Input Validation Error"}],
                 "messages": [], "result": {}}
                """);

        assertThatThrownBy(() -> contract.check("POST", GATEWAYS, 400, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("path");
    }

    @Test
    void statusTheOperationDoesNotDeclareIsReportedAndOnlyTheEnvelopeIsChecked() {
        JsonNode body = json("""
                {"success": false, "errors": [{"code": 10000, "message": "Authentication error"}],
                 "messages": [], "result": null}
                """);

        assertThat(contract.check("GET", GATEWAYS + "/my-gateway", 403, body))
                .isEqualTo(new Verdict.NotDeclared("aig-config-fetch-gateway", 403));
    }

    @Test
    void frontDoorErrorIsNotHeldToTheServiceErrorSchema() {
        JsonNode body = json("""
                {"success": false, "errors": [{"code": 9106,
                  "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"}],
                 "messages": [], "result": null}
                """);

        assertThat(contract.check("GET", GATEWAYS, 400, body))
                .isEqualTo(new Verdict.FrontDoor("aig-config-list-gateway", 400, 9106));
    }

    @Test
    void literalPathSegmentWinsOverAParameter() {
        JsonNode body = json("""
                {"success": false, "errors": [{"code": 10000, "message": "Authentication error"}],
                 "messages": [], "result": null}
                """);

        assertThat(contract.check("GET", "/client/v4/accounts/abc/ai-gateway/custom-providers/costs", 403, body))
                .isEqualTo(new Verdict.NotDeclared("aig-config-list-account-provider-cost", 403));
    }

    @Test
    void pathOutsideEveryOperationHasNoOperationButTheEnvelopeIsStillChecked() {
        JsonNode good = json("""
                {"success": false, "errors": [{"code": 7003, "message": "No route for the URI."}],
                 "messages": [], "result": null}
                """);
        JsonNode withoutMessages = json("""
                {"success": false, "errors": [{"code": 7003, "message": "No route for the URI."}], "result": null}
                """);

        assertThat(contract.check("GET", "/client/v4/nothing", 404, good))
                .isEqualTo(new Verdict.NoOperation("GET", 404));
        assertThatThrownBy(() -> contract.check("GET", "/client/v4/nothing", 404, withoutMessages))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("v4 envelope")
                .hasMessageContaining("messages");
    }

    @Test
    void envelopeRejectsAnErrorChainEntryWithoutCode() {
        JsonNode body = json("""
                {"success": false, "errors": [{"code": 6003, "message": "Invalid request headers",
                  "error_chain": [{"message": "Invalid format for Authorization header"}]}],
                 "messages": [], "result": null}
                """);

        assertThatThrownBy(() -> contract.check("GET", GATEWAYS, 400, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("code");
    }
}
