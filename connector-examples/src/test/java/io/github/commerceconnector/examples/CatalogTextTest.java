package io.github.commerceconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The generated catalog's text helpers against their plain definitions. */
class CatalogTextTest {

    @Test
    void aSlugIsTheLowerCaseTextWithEachRunOfOtherCharactersAsOneDash() {
        for (String text : new String[] {"Classic Hoodie Black", "Slim-fit Tee (2. edition)", "  A--B  ", "ÉTÉ Jacket",
            "\u0130stanbul \u212Aelvin", "Straße 9", "", "---", "x"}) {
            assertEquals(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), CatalogText.slug(text), text);
        }
    }

    @Test
    void theLowerCaseWordsAreTheWordsInLowerCase() {
        assertLowerCase(CatalogText.NOUNS, CatalogText.NOUNS_LOWER);
        assertLowerCase(CatalogText.COLORS, CatalogText.COLORS_LOWER);
        assertLowerCase(CatalogText.ACTIVITIES, CatalogText.ACTIVITIES_LOWER);
    }

    private static void assertLowerCase(String[] words, String[] lower) {
        assertEquals(words.length, lower.length);
        for (int i = 0; i < words.length; i++) {
            assertEquals(words[i].toLowerCase(Locale.ROOT), lower[i]);
        }
    }
}
