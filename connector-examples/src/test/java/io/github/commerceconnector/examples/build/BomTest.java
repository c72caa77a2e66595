package io.github.commerceconnector.examples.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The BOM pins every published module at the project's version, brings nothing else, and is what the
 * README's coordinates show first.
 */
class BomTest {
    private final ProjectPoms poms = ProjectPoms.fromModuleDirectory();

    @Test
    void bomIsPartOfTheBuild() {
        assertTrue(poms.modules().contains("connector-bom"), "the parent's <modules> must list connector-bom");
    }

    @Test
    void bomPinsExactlyThePublishedModules() {
        List<String> published = poms.publishedJarModules();
        assertTrue(published.containsAll(List.of("connector-api", "connector-core", "connector-testkit")), published::toString);
        assertEquals(new TreeSet<>(published), new TreeSet<>(pinnedArtifacts()));
    }

    @Test
    void bomPinsThemAtItsOwnVersionWhichIsTheParentsVersion() {
        Element bom = poms.module("connector-bom");
        assertEquals(ProjectPoms.text(poms.parent(), "version"), ProjectPoms.text(bom, "version"));
        for (Element dependency : pinned()) {
            assertEquals("io.github.commerceconnector", ProjectPoms.text(dependency, "groupId"));
            assertEquals("${project.version}", ProjectPoms.text(dependency, "version"));
        }
    }

    @Test
    void bomHasNoParentSoItImportsNoOtherVersion() {
        assertNull(ProjectPoms.child(poms.module("connector-bom"), "parent"));
    }

    @Test
    void readmeCoordinatesShowTheBomFirst() throws IOException {
        String readme = Files.readString(poms.root().resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Maven coordinates");
        assertTrue(section >= 0, "README.md has no '## Maven coordinates' section");
        int firstArtifact = readme.indexOf("<artifactId>", section);
        assertEquals("<artifactId>connector-bom</artifactId>",
                readme.substring(firstArtifact, readme.indexOf('\n', firstArtifact)).trim());
    }

    private List<String> pinnedArtifacts() {
        List<String> artifacts = new ArrayList<>();
        for (Element dependency : pinned()) {
            artifacts.add(ProjectPoms.text(dependency, "artifactId"));
        }
        return artifacts;
    }

    private List<Element> pinned() {
        Element management = ProjectPoms.child(poms.module("connector-bom"), "dependencyManagement");
        Element dependencies = ProjectPoms.child(management, "dependencies");
        List<Element> pinned = new ArrayList<>();
        for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && "dependency".equals(node.getNodeName())) {
                pinned.add((Element) node);
            }
        }
        return pinned;
    }
}
