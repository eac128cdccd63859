package dev.aigw.emulator.internal.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The objects of one kind on the gateways of one account (datasets, evaluations), in the JSON of the management
 * API. A refusal is an {@link dev.aigw.emulator.internal.api.ApiException} with the API's status and errors.
 */
public interface GatewayResource {

    /** Returns every object of a gateway, newest first. */
    List<JsonNode> list(String gatewayId);

    /** Returns one object of a gateway. */
    JsonNode get(String gatewayId, String id);

    /** Creates an object from a create body and returns it. */
    JsonNode create(String gatewayId, ObjectNode body);

    /** Deletes an object and returns it as it was. */
    JsonNode delete(String gatewayId, String id);
}
