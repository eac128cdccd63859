package dev.aigw.emulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.testcontainers.ScriptStep.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** What the module does without Docker: image checks, misuse before start, and the JSON of script steps. */
class ContainerUnitTest {

    @Test
    void refusesAnImageThatIsNotTheEmulator() {
        assertThatThrownBy(() -> new AiGatewayContainer("redis:7"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Failed to verify that image 'redis:7' is a compatible substitute for"
                        + " 'aigw-emulator/aigw-emulator'");
    }

    @Test
    void acceptsACopyDeclaredCompatible() {
        DockerImageName copy = DockerImageName.parse("registry.example.com/tools/aigw:1")
                .asCompatibleSubstituteFor("aigw-emulator/aigw-emulator");

        assertThat(new AiGatewayContainer(copy).getExposedPorts()).containsExactly(8787);
    }

    @Test
    void gettersBeforeStartSayWhatToDo() {
        AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME);

        assertThatThrownBy(container::getApiToken).isInstanceOf(IllegalStateException.class)
                .hasMessage("the container is not started; call start() (or use @Container) first");
        assertThatThrownBy(container::control).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAGatewayThatIsNotAJsonObject() {
        AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME);

        assertThatThrownBy(() -> container.withGateway("[]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a gateway is a JSON object, got: []");
    }

    @Test
    void scriptStepsHaveTheControlApiForm() {
        assertThat(ScriptStep.status(503).times(4).toJson()).isEqualTo("{\"status\":503,\"times\":4}");
        assertThat(ScriptStep.status(429).header("retry-after", "2").body("{\"error\":\"slow down\"}").toJson())
                .isEqualTo("{\"status\":429,\"headers\":{\"retry-after\":\"2\"},\"body\":\"{\\\"error\\\":\\\"slow"
                        + " down\\\"}\"}");
        assertThat(ScriptStep.fault(Fault.BROKEN_STREAM).afterEvents(2).always().toJson())
                .isEqualTo("{\"fault\":\"broken_stream\",\"after_events\":2,\"times\":\"always\"}");
        assertThat(ScriptStep.status(200).latency(Duration.ofSeconds(3)).toJson())
                .isEqualTo("{\"status\":200,\"latency_ms\":3000}");
        assertThat(ScriptStep.json("{\"status\":500,\"every_nth\":3}")).isEqualTo(ScriptStep.json(
                "{\"status\": 500, \"every_nth\": 3}"));
    }

    @Test
    void scriptStepsAreImmutable() {
        ScriptStep once = ScriptStep.status(503);
        once.times(4);

        assertThat(once.toJson()).isEqualTo("{\"status\":503}");
    }

    @Test
    void refusesStepsOutOfRange() {
        assertThatThrownBy(() -> ScriptStep.status(99)).hasMessage("status must be from 100 to 599, got 99");
        assertThatThrownBy(() -> ScriptStep.status(503).times(0)).hasMessage("times must be >= 1, got 0");
        assertThatThrownBy(() -> ScriptStep.json("not json")).hasMessage("a step is a JSON object; this is not"
                + " JSON: not json");
    }

    @Test
    void theControlClientNeedsAnAbsoluteUrl() {
        assertThatThrownBy(() -> EmulatorControl.connect("localhost:8787"))
                .hasMessage("expected an absolute http URL such as http://localhost:8787, got localhost:8787");
    }
}
