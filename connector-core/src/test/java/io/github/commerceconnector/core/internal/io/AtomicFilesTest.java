package io.github.commerceconnector.core.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic replacement leaves the new content and nothing else; a failed write keeps the old content. */
class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("state.json");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertEquals("new", Files.readString(target));
        assertEquals(List.of("state.json"), names());
    }

    @Test
    void aFailedWriteKeepsTheOldContent() throws IOException {
        Path target = directory.resolve("state.json");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
        Path missingDirectory = directory.resolve("missing/state.json");

        assertThrows(IOException.class, () -> AtomicFiles.write(missingDirectory, new byte[] {1}));

        assertEquals("old", Files.readString(target));
        assertEquals(List.of("state.json"), names());
    }

    @Test
    void deletesAndSaysWhetherThereWasAFile() throws IOException {
        Path target = directory.resolve("state.json");
        AtomicFiles.write(target, new byte[] {1});

        assertTrue(AtomicFiles.delete(target));
        assertFalse(AtomicFiles.delete(target));
        assertFalse(Files.exists(target));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
