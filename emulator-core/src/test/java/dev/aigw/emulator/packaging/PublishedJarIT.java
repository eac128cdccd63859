package dev.aigw.emulator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The jar users get: every library the core uses is inside it under {@code dev.aigw.emulator.shaded}, and the jar
 * works on its own with the logging API beside it. Runs in the verify phase (emulator-core/pom.xml), after
 * maven-shade-plugin has replaced the jar; the path comes in the system property {@code aigw.publishedJar}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PublishedJarIT {

    private static final String OWN_PACKAGE = "dev/aigw/emulator/";
    private static final String VERSIONED = "META-INF/versions/\\d+/";

    private final Path jar = Path.of(System.getProperty("aigw.publishedJar", "(aigw.publishedJar is not set)"));

    @Test
    void everyClassInTheJarLivesUnderTheEmulatorsPackage() throws IOException {
        TreeSet<String> foreignPackages = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class"))
                    .filter(name -> !name.replaceFirst("^" + VERSIONED, "").startsWith(OWN_PACKAGE))
                    .forEach(name -> foreignPackages.add(name.substring(0, Math.max(0, name.lastIndexOf('/')))));
        }

        assertThat(foreignPackages)
                .as("packages of %s outside dev.aigw.emulator: relocate them (or the Java release they are versioned"
                        + " for) in emulator-core/pom.xml", jar.getFileName())
                .isEmpty();
    }

    @Test
    void nothingIsRelocatedTwice() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.stream().map(ZipEntry::getName)).as("entries of %s", jar.getFileName())
                    .noneMatch(name -> name.contains("shaded/dev/aigw/"));
        }
    }

    @Test
    void serviceFilesNameTheRelocatedTypes() throws IOException {
        TreeSet<String> services = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
                    .forEach(services::add);
        }

        assertThat(services).contains("META-INF/services/dev.aigw.emulator.shaded.org.xnio.XnioProvider")
                .allMatch(name -> name.startsWith("META-INF/services/dev.aigw.emulator."));
    }

    @Test
    void theJarWithOnlyTheLoggingApiBesideItProxiesAChatCompletion() throws Exception {
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL(), slf4jApiJar()},
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, isolated))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("io.undertow.Undertow", false, isolated))
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> emulatorType = Class.forName("dev.aigw.emulator.AiGatewayEmulator", true, isolated);
            Object builder = emulatorType.getMethod("builder").invoke(null);
            Object emulator = builder.getClass().getMethod("build").invoke(builder);
            emulatorType.getMethod("start").invoke(emulator);
            try {
                emulatorType.getMethod("createGateway", String.class).invoke(emulator, "my-gateway");
                String providerUrl = (String) emulatorType.getMethod("providerUrl", String.class, String.class)
                        .invoke(emulator, "my-gateway", "openai");

                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(providerUrl + "/chat/completions"))
                                .header("authorization", "Bearer sk-test")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("Emulated reply from gpt-4o-mini to: Hello");
            } finally {
                emulatorType.getMethod("close").invoke(emulator);
            }
            assertThat(emulatorType.getClassLoader()).isSameAs(isolated);
        }
    }

    @Test
    void theJarsSchemaValidatorWorksWithItsLibrariesRelocated() throws Exception {
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL(), slf4jApiJar()},
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("com.networknt.schema.JsonSchema", false, isolated))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> schemas = Class.forName("dev.aigw.emulator.internal.reply.schema.JsonSchemas", true, isolated);
            String schema = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\","
                    + " \"properties\": {\"at\": {\"type\": \"string\", \"format\": \"date-time\"}},"
                    + " \"required\": [\"at\"]}";

            java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
            java.io.PrintStream realStderr = System.err;
            Object generated;
            Object violations;
            System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                generated = schemas.getMethod("generate", String.class).invoke(null, schema);
                violations = schemas.getMethod("violations", String.class, String.class)
                        .invoke(null, schema, "{\"at\": \"yesterday\"}");
            } finally {
                System.setErr(realStderr);
            }

            assertThat(stderr.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .as("the bundled validator asks SLF4J for loggers; with no backend, SLF4J says nothing").isEmpty();

            assertThat(generated).isEqualTo("{\"at\":\"2025-01-01T00:00:00Z\"}");
            assertThat(violations).asList().singleElement().asString().startsWith("$.at: ").contains("date-time");
        }
    }

    private static URL slf4jApiJar() throws URISyntaxException, IOException {
        Path path = Path.of(LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(Files.isRegularFile(path)).as("slf4j-api as a jar: %s", path).isTrue();
        return path.toUri().toURL();
    }
}
