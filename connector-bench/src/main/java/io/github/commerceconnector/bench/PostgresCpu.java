package io.github.commerceconnector.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of the embedded PostgreSQL on this machine: the user and system time, as Linux reports it in
 * {@code /proc}, of every process whose program is an embedded PostgreSQL binary (the server and its backends;
 * backends that end between two readings are not counted). Zero where there is no {@code /proc} or no embedded
 * server (a server of yours elsewhere).
 */
final class PostgresCpu {
    private static final Path PROC = Path.of("/proc");
    private static final String BINARIES = "embedded-pg";

    private PostgresCpu() {
    }

    /** The CPU seconds the embedded PostgreSQL processes have used so far. */
    static double seconds() {
        if (!Files.isDirectory(PROC)) {
            return 0;
        }
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                ticks += ticksOf(process);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + PROC, e);
        }
        return ticks / 100.0;
    }

    private static long ticksOf(Path process) {
        try {
            if (!Files.readSymbolicLink(process.resolve("exe")).toString().contains(BINARIES)) {
                return 0;
            }
            return ThreadCpuGauge.ticks(Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII));
        } catch (IOException | UnsupportedOperationException | SecurityException gone) {
            return 0;
        }
    }
}
