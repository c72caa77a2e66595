package io.github.commerceconnector.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates the typed feed items of connector-api from the exporter's schema (the copy the testkit carries, so
 * that the fake gateway's schema mode and the items read the same file) and {@code items.json}. Run from the
 * project root or any folder below it: {@code connector-codegen/generate.sh}.
 */
public final class ItemGenerator {
    /** The exporter's schema, relative to the project root. */
    static final String SCHEMA =
            "connector-testkit/src/main/resources/io/github/commerceconnector/testkit/exporter-schema.json";
    /** The records this SDK assumes for the feeds whose exporter records are not public. */
    static final String ASSUMED =
            "connector-testkit/src/main/resources/io/github/commerceconnector/testkit/assumed-schema.json";
    /** The generator's own input, relative to the project root. */
    static final String SPEC = "connector-codegen/items.json";
    /** Where the sources go, relative to the project root. */
    static final String OUTPUT = "connector-api/src/main/java";

    private ItemGenerator() {
    }

    /**
     * Writes every generated source under connector-api.
     *
     * @param args none
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path root = projectRoot(Path.of("").toAbsolutePath());
        for (Map.Entry<Path, String> source : generate(root).entrySet()) {
            Path file = root.resolve(source.getKey());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + source.getKey());
        }
    }

    /**
     * The generated sources, by path relative to the project root.
     *
     * @throws IllegalArgumentException when items.json and the schema disagree (naming the record and field)
     */
    static Map<Path, String> generate(Path root) throws IOException {
        ExporterSchema schema = ExporterSchema.read(root.resolve(SCHEMA), root.resolve(ASSUMED));
        ItemSpec spec = ItemSpec.read(root.resolve(SPEC));
        return generate(schema, spec);
    }

    /** The generated sources of a spec over a schema, by path relative to the project root. */
    static Map<Path, String> generate(ExporterSchema schema, ItemSpec spec) {
        Map<Path, String> sources = new LinkedHashMap<>();
        Path folder = Path.of(OUTPUT, spec.packageName().replace('.', '/'));
        for (ItemSpec.ClassSpec top : spec.classes()) {
            ItemModel model = ItemModel.resolve(top, schema);
            sources.put(folder.resolve(top.name() + ".java"), ItemClassWriter.write(spec.packageName(), model));
        }
        return sources;
    }

    /** The nearest folder at or above {@code start} that holds the generator's spec. */
    static Path projectRoot(Path start) {
        for (Path at = start; at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve(SPEC))) {
                return at;
            }
        }
        throw new IllegalStateException("No " + SPEC + " at or above " + start + ": run from the project");
    }
}
