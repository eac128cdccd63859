package dev.aigw.emulator.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.api.JsonShape;

/**
 * One writable member of the gateway object (management-api.md 3.1).
 *
 * @param name the JSON member name
 * @param shape what a non-null value must look like
 * @param nullable whether {@code null} is accepted
 * @param required whether create and update bodies must carry it
 * @param defaultValue the value a new gateway gets when the body omits it; {@code null} for fields that
 *     appear in responses only once set. A nullable field with a default stores {@code null} as that
 *     default, so responses always carry one of its values.
 */
public record GatewayField(String name, JsonShape shape, boolean nullable, boolean required, JsonNode defaultValue) {

    /** Tells whether responses always carry this field. */
    public boolean always() {
        return required || defaultValue != null;
    }
}
