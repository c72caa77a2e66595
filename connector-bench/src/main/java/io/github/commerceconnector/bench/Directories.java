package io.github.commerceconnector.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary state directories of the scenarios and benchmarks. */
public final class Directories {

    private Directories() {
    }

    /** A new temporary directory. */
    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory", e);
        }
    }

    /** The bytes of the files under a directory. */
    public static long size(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            long bytes = 0;
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(path);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not measure " + root, e);
        }
    }

    /** Deletes a directory and everything under it. */
    public static void deleteTree(Path root) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
        for (Path path : paths) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + path, e);
            }
        }
    }
}
