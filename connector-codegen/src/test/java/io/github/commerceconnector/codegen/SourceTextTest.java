package io.github.commerceconnector.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTextTest {

    @Test
    void breaksBetweenWordsButNeverInsideAnInlineTag() {
        List<String> lines = SourceText.wrap("in the {@link Feed#RATING_METADATA ratingMetadata} feed", 20);

        assertEquals(List.of("in the", "{@link Feed#RATING_METADATA ratingMetadata}", "feed"), lines);
    }
}
