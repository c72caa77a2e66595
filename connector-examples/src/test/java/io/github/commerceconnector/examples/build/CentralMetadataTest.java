package io.github.commerceconnector.examples.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * What Maven Central requires of every published module's POM: a name and a description of its own, and,
 * inherited from the parent without a path appended, the project URL, a licence, the SCM and developers.
 * Sources and javadoc jars are built for each (no module skips them).
 */
class CentralMetadataTest {
    private static final ProjectPoms POMS = ProjectPoms.fromModuleDirectory();
    private static final String PUBLISHED = "io.github.commerceconnector.examples.build.ProjectPoms#publishedModules";

    @ParameterizedTest
    @MethodSource(PUBLISHED)
    void eachPublishedModuleHasANameAndADescription(String module) {
        Element pom = POMS.module(module);
        assertFalse(isBlank(ProjectPoms.text(pom, "name")), module + " has no <name>");
        assertFalse(isBlank(ProjectPoms.text(pom, "description")), module + " has no <description>");
    }

    @ParameterizedTest
    @MethodSource(PUBLISHED)
    void eachPublishedModuleBuildsSourcesAndJavadocAndInheritsTheMetadata(String module) {
        Element pom = POMS.module(module);
        Element properties = ProjectPoms.child(pom, "properties");
        assertNull(ProjectPoms.text(properties, "maven.source.skip"), module);
        assertNull(ProjectPoms.text(properties, "maven.javadoc.skip"), module);
        for (String inherited : List.of("url", "licenses", "scm", "developers")) {
            assertNull(ProjectPoms.child(pom, inherited), module + " overrides the parent's <" + inherited + ">");
        }
    }

    @Test
    void parentDeclaresUrlLicenceScmAndDevelopers() {
        Element parent = POMS.parent();
        assertNotNull(ProjectPoms.text(parent, "url"));
        assertNotNull(ProjectPoms.text(ProjectPoms.child(ProjectPoms.child(parent, "licenses"), "license"), "name"));
        assertNotNull(ProjectPoms.text(ProjectPoms.child(parent, "scm"), "connection"));
        assertNotNull(ProjectPoms.text(ProjectPoms.child(ProjectPoms.child(parent, "developers"), "developer"), "name"));
    }

    @Test
    void childrenInheritTheUrlsAsTheyAre() {
        Element parent = POMS.parent();
        assertEquals("false", parent.getAttribute("child.project.url.inherit.append.path"));
        Element scm = ProjectPoms.child(parent, "scm");
        for (String part : List.of("connection", "developerConnection", "url")) {
            assertEquals("false", scm.getAttribute("child.scm." + part + ".inherit.append.path"), part);
        }
    }

    @Test
    void buildHasAFixedTimestampForReproducibleJars() {
        assertNotNull(ProjectPoms.text(ProjectPoms.child(POMS.parent(), "properties"), "project.build.outputTimestamp"));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
