package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.testsupport.PublicApiScan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No public signature of emulator-core shows an internal type, Jackson, Undertow, XNIO, a relocated copy or any
 * other dependency: its users see the JDK and the emulator's own public types only. The scan walks the compiled
 * classes, so a new public type is covered without being listed here.
 */
class PublicApiTest {

    @Test
    void noPublicSignatureShowsATypeUsersMustNotDependOn() throws Exception {
        List<Class<?>> classes = PublicApiScan.classesIn(Path.of("target/classes"), getClass().getClassLoader());

        assertThat(classes).as("the API types scanned").filteredOn(type -> type.getPackageName()
                .equals("dev.aigw.emulator")).contains(AiGatewayEmulator.class, AiGatewayEmulator.Builder.class);
        assertThat(PublicApiScan.offences(classes, List.of())).isEmpty();
    }
}
