package io.github.commerceconnector.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every {@code java} code block in README.md must appear, line for line, in a
 * region marked {@code // README:begin} ... {@code // README:end} of a compiled test source, so a README
 * example cannot rot without breaking the build.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern MARKED_REGION =
            Pattern.compile("// README:begin[^\\n]*\\n(.*?)\\n[ \\t]*// README:end", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeIsCompiledCode() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> regions = compiledRegions(root);
        Matcher blocks = JAVA_BLOCK.matcher(readme);
        int count = 0;
        while (blocks.find()) {
            count++;
            String block = normalize(blocks.group(1));
            assertTrue(regions.contains(block), () -> "This README java block is not in any '// README:begin' region "
                    + "of a test source; copy it from the compiled snippet instead:\n" + block);
        }
        assertFalse(count == 0, "README.md has no java block to check");
    }

    private static List<String> compiledRegions(Path root) throws IOException {
        List<String> regions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files
                    .filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/test/java/"))::iterator) {
                Matcher region = MARKED_REGION.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (region.find()) {
                    regions.add(normalize(region.group(1)));
                }
            }
        }
        return regions;
    }

    /** Strips the common indentation and trailing blanks so an indented method body matches a README block. */
    static String normalize(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r", "").split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
