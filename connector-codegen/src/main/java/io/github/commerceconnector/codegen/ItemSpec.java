package io.github.commerceconnector.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the schema does not say about the typed items, from {@code items.json}: the Java class of each record,
 * the Javadoc of every field, Java names and types where the schema's would read badly, adder names, identities,
 * factories and either/or rules.
 *
 * @param packageName the package of the generated classes
 * @param classes     the top-level classes, each with its nested classes
 */
record ItemSpec(String packageName, List<ClassSpec> classes) {

    /**
     * One generated class.
     *
     * @param name        its Java simple name
     * @param record      the exporter record it carries
     * @param feed        the {@code Feed} constant of a top-level item; {@code null} for a nested value
     * @param identity    the identity fields of a top-level item
     * @param doc         its Javadoc, as lines
     * @param example     an example for its Javadoc, as lines; may be empty
     * @param fields      its fields, in the order of the generated code
     * @param factories   its static factories
     * @param exactlyOne  pairs of fields of which exactly one must be set
     * @param nested      the classes of the records it nests
     */
    record ClassSpec(String name, String record, String feed, List<String> identity, List<String> doc,
            List<String> example, List<FieldSpec> fields, List<FactorySpec> factories, List<List<String>> exactlyOne,
            List<ClassSpec> nested) {

        /** Whether it is a feed item (not a nested value). */
        boolean topLevel() {
            return feed != null;
        }
    }

    /**
     * One field.
     *
     * @param name     the JSON name
     * @param javaName the Java name of its getter and setter
     * @param kind     {@code Instant} (a timestamp in a {@code String}), {@code Flag} (a {@code Boolean} sent as
     *                 {@code Int} 0/1) or {@code null} for the schema type's default
     * @param adder    the name of the method that adds one element to a repeated field
     * @param doc      its Javadoc: a phrase such as "the stock keeping unit"
     */
    record FieldSpec(String name, String javaName, String kind, String adder, String doc) {
    }

    /**
     * A static factory.
     *
     * @param name   its method name
     * @param params the fields it takes, in order (a repeated last one becomes varargs)
     * @param doc    its Javadoc
     */
    record FactorySpec(String name, List<String> params, String doc) {
    }

    /** Reads the spec file. */
    static ItemSpec read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<ClassSpec> classes = new ArrayList<>();
        for (JsonNode node : root.get("classes")) {
            classes.add(classSpec(node));
        }
        return new ItemSpec(root.get("package").asText(), classes);
    }

    private static ClassSpec classSpec(JsonNode node) {
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode field : node.get("fields")) {
            String name = field.get("name").asText();
            fields.add(new FieldSpec(name, field.path("javaName").asText(name), text(field, "java"),
                    field.path("adder").asText(defaultAdder(name)), field.get("doc").asText()));
        }
        List<FactorySpec> factories = new ArrayList<>();
        for (JsonNode factory : node.path("factories")) {
            factories.add(new FactorySpec(factory.get("name").asText(), strings(factory.get("params")),
                    factory.get("doc").asText()));
        }
        List<List<String>> exactlyOne = new ArrayList<>();
        for (JsonNode rule : node.path("rules")) {
            exactlyOne.add(strings(rule.get("exactlyOne")));
        }
        List<ClassSpec> nested = new ArrayList<>();
        for (JsonNode inner : node.path("nested")) {
            nested.add(classSpec(inner));
        }
        return new ClassSpec(node.get("name").asText(), node.get("record").asText(), text(node, "feed"),
                strings(node.path("identity")), strings(node.get("doc")), strings(node.path("example")), fields,
                factories, exactlyOne, nested);
    }

    /** {@code addImage} for {@code images}: "add" and the name without a plural "s". */
    static String defaultAdder(String name) {
        String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        return "add" + Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}
