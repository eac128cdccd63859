package dev.aigw.emulator.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps emulator-bom in step with the reactor: it pins every published module (a module of the root POM that does
 * not skip deploy) at the project version, nothing else, and has no parent whose dependencyManagement it would pass
 * on to the projects that import it.
 */
class BomTest {

    private final Path root = projectRoot();

    @Test
    void theBomPinsEveryPublishedModuleAtTheProjectVersionAndNothingElse() throws Exception {
        Element parent = read(root.resolve("pom.xml"));
        Element bom = read(root.resolve("emulator-bom/pom.xml"));
        List<String> published = new ArrayList<>();
        for (Element module : children(child(parent, "modules"), "module")) {
            String name = module.getTextContent().strip();
            String pom = Files.readString(root.resolve(name).resolve("pom.xml"));
            if (!name.equals("emulator-bom") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                published.add(name);
            }
        }
        List<Element> pinned = children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency");

        assertThat(child(bom, "parent")).as("emulator-bom's parent").isNull();
        assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
        assertThat(pinned).extracting(dependency -> text(dependency, "artifactId"))
                .containsExactlyInAnyOrderElementsOf(published);
        assertThat(pinned).extracting(dependency -> text(dependency, "groupId")).containsOnly("dev.aigw");
        assertThat(pinned).extracting(dependency -> text(dependency, "version")).containsOnly("${project.version}");
    }

    private static Element read(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }

    private static List<Element> children(Element element, String name) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child && child.getTagName().equals(name)) {
                children.add(child);
            }
        }
        return children;
    }

    /** Returns the first child element of that name, or null. */
    private static Element child(Element element, String name) {
        List<Element> children = children(element, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static String text(Element element, String name) {
        return child(element, name).getTextContent().strip();
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("emulator-bom/pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory holding emulator-bom/pom.xml").isNotNull();
        return dir;
    }
}
