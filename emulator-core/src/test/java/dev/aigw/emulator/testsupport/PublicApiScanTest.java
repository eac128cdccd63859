package dev.aigw.emulator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.testsupport.apiscan.ApiFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public API scan finds each way a type can leak, names the member, and leaves what is not API alone. */
class PublicApiScanTest {

    private static final String FIXTURES = ApiFixtures.class.getName();

    @Test
    void anInternalParameterTypeIsNamedWithItsMethod() {
        assertThat(PublicApiScan.offences(List.of(ApiFixtures.InternalParameter.class), List.of())).containsExactly(
                FIXTURES + "$InternalParameter.settings(EmulatorSettings) parameters:"
                        + " dev.aigw.emulator.internal.EmulatorSettings (an internal type)");
    }

    @Test
    void jacksonTypesAreFoundInFieldsReturnsBoundsAndTypeArguments() {
        assertThat(PublicApiScan.offences(List.of(ApiFixtures.JacksonInSignatures.class), List.of())).containsExactly(
                FIXTURES + "$JacksonInSignatures type parameters: com.fasterxml.jackson.databind.JsonNode (a Jackson type)",
                FIXTURES + "$JacksonInSignatures.body() return type:"
                        + " com.fasterxml.jackson.databind.node.ObjectNode (a Jackson type)",
                FIXTURES + "$JacksonInSignatures.nested: com.fasterxml.jackson.databind.node.ObjectNode (a Jackson type)");
    }

    @Test
    void supertypesThrownTypesAndProtectedMembersCount() {
        assertThat(PublicApiScan.offences(List.of(ApiFixtures.UndertowSupertype.class, ApiFixtures.ProtectedMember.class),
                List.of())).containsExactly(
                FIXTURES + "$ProtectedMember.options() return type: org.xnio.OptionMap (an XNIO type)",
                FIXTURES + "$UndertowSupertype interfaces: io.undertow.server.HttpHandler (an Undertow type)",
                FIXTURES + "$UndertowSupertype.handleRequest(HttpServerExchange) parameters:"
                        + " io.undertow.server.HttpServerExchange (an Undertow type)",
                FIXTURES + "$UndertowSupertype.handleRequest(HttpServerExchange) throws:"
                        + " dev.aigw.emulator.internal.api.ApiException (an internal type)");
    }

    @Test
    void aPackageTheModuleDeclaresPartOfItsApiIsAllowed() {
        assertThat(PublicApiScan.offences(List.of(ApiFixtures.ProtectedMember.class), List.of("org.xnio."))).isEmpty();
    }

    @Test
    void privatePackagePrivateAndNonPublicTypesAreNotApi() throws Exception {
        assertThat(PublicApiScan.offences(List.of(ApiFixtures.Clean.class, notPublic()), List.of())).isEmpty();
    }

    @Test
    void theScanFindsTheClassesOfADirectoryItself() throws Exception {
        List<Class<?>> classes = PublicApiScan.classesIn(Path.of("target/test-classes"), getClass().getClassLoader());

        assertThat(classes).contains(ApiFixtures.class, notPublic(), PublicApiScanTest.class);
        assertThat(PublicApiScan.offences(classes, List.of()))
                .anyMatch(offence -> offence.startsWith(FIXTURES + "$InternalParameter.settings"));
    }

    private static Class<?> notPublic() throws ClassNotFoundException {
        return Class.forName(FIXTURES + "$Clean$NotPublic");
    }
}
