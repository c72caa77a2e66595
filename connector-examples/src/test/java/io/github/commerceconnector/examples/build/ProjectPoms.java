package io.github.commerceconnector.examples.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The project's POM files, read from the source tree: the reactor's modules, which of them are published
 * (those that do not set {@code maven.deploy.skip}) and what a POM's first-level elements say.
 */
final class ProjectPoms {
    private final Path root;

    ProjectPoms(Path root) {
        this.root = root;
    }

    /** The project read from the working directory's parent (a module's directory during the build). */
    static ProjectPoms fromModuleDirectory() {
        return new ProjectPoms(Path.of("").toAbsolutePath().getParent());
    }

    Path root() {
        return root;
    }

    /** The parent POM. */
    Element parent() {
        return read(root.resolve("pom.xml"));
    }

    /** A module's POM. */
    Element module(String artifactId) {
        return read(root.resolve(artifactId).resolve("pom.xml"));
    }

    /** The reactor's modules, in build order. */
    List<String> modules() {
        return texts(child(parent(), "modules"), "module");
    }

    /** The published modules of the project around the working directory, for parameterized tests. */
    static List<String> publishedModules() {
        return fromModuleDirectory().publishedJarModules();
    }

    /** The modules that are deployed: jar modules that do not set {@code maven.deploy.skip}. */
    List<String> publishedJarModules() {
        List<String> published = new ArrayList<>();
        for (String module : modules()) {
            Element pom = module(module);
            boolean skipped = "true".equals(text(child(pom, "properties"), "maven.deploy.skip"));
            boolean jar = text(pom, "packaging") == null || "jar".equals(text(pom, "packaging"));
            if (jar && !skipped) {
                published.add(module);
            }
        }
        return published;
    }

    /** The text of the first direct child with that name, or null. */
    static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }

    /** The first direct child with that name, or null. */
    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && name.equals(node.getNodeName())) {
                return (Element) node;
            }
        }
        return null;
    }

    /** The texts of every direct child with that name. */
    static List<String> texts(Element parent, String name) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element && name.equals(nodes.item(i).getNodeName())) {
                texts.add(nodes.item(i).getTextContent().trim());
            }
        }
        return texts;
    }

    private static Element read(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(Files.newInputStream(pom));
            return document.getDocumentElement();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }
}
