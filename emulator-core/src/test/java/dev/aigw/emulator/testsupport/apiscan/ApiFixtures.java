package dev.aigw.emulator.testsupport.apiscan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.internal.EmulatorSettings;
import dev.aigw.emulator.internal.api.ApiException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import org.xnio.OptionMap;

/** Public types that leak what a public API must not show, one way each, for {@link PublicApiScanTest}. */
public final class ApiFixtures {

    private ApiFixtures() {
    }

    /** Takes an internal type, as {@code Builder.seed(Seed)} did. */
    public static final class InternalParameter {
        public void settings(EmulatorSettings settings) {
        }
    }

    /** Returns, holds and bounds Jackson types, deep inside generic types too. */
    public static final class JacksonInSignatures<T extends JsonNode> {
        public List<Map<String, ObjectNode>> nested;

        public ObjectNode body() {
            return null;
        }
    }

    /** Implements an Undertow interface and throws an internal exception. */
    public static final class UndertowSupertype implements HttpHandler {
        @Override
        public void handleRequest(HttpServerExchange exchange) throws ApiException {
        }
    }

    /** Shows XNIO to subclasses only. */
    public static class ProtectedMember {
        protected OptionMap options() {
            return null;
        }
    }

    /** Leaks nothing: what it hides is private, package-private or in a type that is not public. */
    public static final class Clean {
        private ObjectNode hidden;

        public VirtualClock clock() {
            return null;
        }

        ObjectNode packagePrivate() {
            return hidden;
        }

        protected EmulatorSettings protectedInAFinalClass() {
            return null;
        }

        static final class NotPublic {
            public ObjectNode body() {
                return null;
            }
        }
    }
}
