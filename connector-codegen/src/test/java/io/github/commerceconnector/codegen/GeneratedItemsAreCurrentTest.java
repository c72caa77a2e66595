package io.github.commerceconnector.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed items committed in connector-api are exactly what the generator writes from the committed schema and
 * items.json: a schema change shows up as a change of items.json and of the generated sources, never one
 * without the other.
 */
class GeneratedItemsAreCurrentTest {

    @Test
    void theCommittedTypedItemsAreWhatTheGeneratorWrites() throws Exception {
        Path root = ItemGenerator.projectRoot(Path.of("").toAbsolutePath());
        Map<Path, String> generated = ItemGenerator.generate(root);

        assertEquals(12, generated.size(), "one source per typed feed item");
        for (Map.Entry<Path, String> source : generated.entrySet()) {
            Path file = root.resolve(source.getKey());
            assertTrue(Files.isRegularFile(file), file + " is missing: run connector-codegen/generate.sh");
            assertEquals(source.getValue(), Files.readString(file, StandardCharsets.UTF_8),
                    file + " differs from what the generator writes: run connector-codegen/generate.sh and commit");
        }
    }
}
