package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The Java-side operations of a gateway sub-resource whose endpoints list, get, create and delete objects. */
interface GatewayObjects<T> {

    List<T> list(String accountId, String gatewayId);

    T get(String accountId, String gatewayId, String id);

    T create(String accountId, String gatewayId, ObjectNode body);

    T delete(String accountId, String gatewayId, String id);
}
