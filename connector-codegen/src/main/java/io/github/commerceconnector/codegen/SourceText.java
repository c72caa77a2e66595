package io.github.commerceconnector.codegen;

import java.util.ArrayList;
import java.util.List;

/** Breaks Javadoc text into lines: between words, never inside an inline tag such as {@code {@link ...}}. */
final class SourceText {

    private SourceText() {
    }

    /** Breaks a text into lines of at most {@code width} characters, between words and never inside {@code {@...}}. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : words(text)) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current = new StringBuilder();
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        lines.add(current.toString());
        return lines;
    }

    /** The words of a text, an inline tag such as {@code {@link Feed#PRODUCTS products}} counting as one. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == ' ' && depth == 0) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word = new StringBuilder();
                }
                continue;
            }
            depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
