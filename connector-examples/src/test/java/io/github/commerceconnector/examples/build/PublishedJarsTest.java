package io.github.commerceconnector.examples.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each published module's artifact, as the build resolved it for this module (its jar in a full
 * {@code mvn verify}, its class folder in a partial build), holds classes of its own root package only;
 * a jar also carries that package as its {@code Automatic-Module-Name} and the build's fixed timestamp.
 */
class PublishedJarsTest {
    private static final ProjectPoms POMS = ProjectPoms.fromModuleDirectory();
    private static final String PUBLISHED = "io.github.commerceconnector.examples.build.ProjectPoms#publishedModules";

    @ParameterizedTest
    @MethodSource(PUBLISHED)
    void holdsNoClassOutsideItsOwnPackages(String module) throws IOException {
        String root = rootPackage(module);
        Path artifact = artifactOf(module, root);
        List<String> classes = classesIn(artifact);
        assertFalse(classes.isEmpty(), () -> artifact + " holds no class");
        List<String> strangers = classes.stream()
                .filter(name -> !name.startsWith(root.replace('.', '/') + "/"))
                .collect(Collectors.toList());
        assertEquals(List.of(), strangers, () -> artifact + " holds classes outside " + root);
    }

    @ParameterizedTest
    @MethodSource(PUBLISHED)
    void jarNamesItsRootPackageAsModuleNameAndIsReproducible(String module) throws IOException {
        String root = rootPackage(module);
        Path artifact = artifactOf(module, root);
        if (Files.isDirectory(artifact)) {
            assertTrue(artifact.endsWith(Path.of(module, "target", "classes")), artifact::toString);
            return;
        }
        Instant fixed = Instant.parse(ProjectPoms.text(ProjectPoms.child(POMS.parent(), "properties"),
                "project.build.outputTimestamp"));
        try (JarFile jar = new JarFile(artifact.toFile())) {
            assertEquals(root, jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
            for (JarEntry entry : Collections.list(jar.entries())) {
                assertEquals(fixed, entry.getLastModifiedTime().toInstant(), entry::getName);
            }
        }
    }

    /** The root package, which each module names as its {@code automatic.module.name}. */
    private static String rootPackage(String module) {
        String name = ProjectPoms.text(ProjectPoms.child(POMS.module(module), "properties"), "automatic.module.name");
        assertNotNull(name, () -> module + "/pom.xml sets no automatic.module.name");
        return name;
    }

    /** The jar or class folder on this test's class path that holds the module's root package. */
    private static Path artifactOf(String module, String root) throws IOException {
        List<Path> found = new ArrayList<>();
        for (URL url : Collections.list(PublishedJarsTest.class.getClassLoader().getResources(root.replace('.', '/')))) {
            found.add(codeSource(url, root));
        }
        List<Path> ofModule = found.stream().filter(path -> path.toString().contains(module)).collect(Collectors.toList());
        assertEquals(1, ofModule.size(), () -> "expected one artifact of " + module + " on the class path: " + found);
        return ofModule.get(0);
    }

    private static Path codeSource(URL url, String root) {
        try {
            String text = url.toString();
            if (text.startsWith("jar:")) {
                return Path.of(new URL(text.substring(4, text.indexOf("!/"))).toURI());
            }
            Path folder = Path.of(url.toURI());
            for (int i = 0; i < root.split("\\.").length; i++) {
                folder = folder.getParent();
            }
            return folder;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + url, e);
        }
    }

    private static List<String> classesIn(Path artifact) throws IOException {
        if (Files.isDirectory(artifact)) {
            try (Stream<Path> files = Files.walk(artifact)) {
                return files.filter(path -> path.toString().endsWith(".class"))
                        .map(path -> artifact.relativize(path).toString().replace('\\', '/'))
                        .collect(Collectors.toList());
            }
        }
        try (JarFile jar = new JarFile(artifact.toFile())) {
            return jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class"))
                    .collect(Collectors.toList());
        }
    }
}
