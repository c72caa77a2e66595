package io.github.commerceconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

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
        for (int i = 0; i < CatalogText.NOUNS.length; i++) {
            assertEquals(CatalogText.NOUNS[i].toLowerCase(Locale.ROOT), CatalogText.NOUNS_LOWER[i]);
        }
        assertEquals(CatalogText.COLORS.length, CatalogText.COLORS_LOWER.length);
        assertEquals("running", CatalogText.ACTIVITIES_LOWER[0]);
    }
}
