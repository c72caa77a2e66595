package io.github.commerceconnector.api.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void acceptsAKeyIdAndStripsSurroundingSpace() {
        assertEquals("a1b2c3d4e5f6", ApiKey.of("  a1b2c3d4e5f6\n").value());
    }

    @Test
    void acceptsTheShortestAndLongestLengths() {
        assertEquals(8, ApiKey.of("12345678").value().length());
        assertEquals(256, ApiKey.of("k".repeat(256)).value().length());
    }

    @Test
    void refusesNullEmptyAndBlank() {
        for (String value : new String[] {null, "", "   \t"}) {
            InvalidKeyException refused = assertThrows(InvalidKeyException.class, () -> ApiKey.of(value));
            assertEquals(Problem.INVALID_API_KEY, refused.problem());
            assertTrue(refused.getMessage().contains("empty"), refused.getMessage());
        }
    }

    @Test
    void refusesAPemBlockAndSaysWhereItBelongs() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";

        InvalidKeyException refused = assertThrows(InvalidKeyException.class, () -> ApiKey.of(pem));

        assertTrue(refused.getMessage().contains("private-key field"), refused.getMessage());
        assertFalse(refused.getMessage().contains("MIIEvQIB"), refused.getMessage());
    }

    @Test
    void refusesImplausibleLengthsNamingTheLength() {
        InvalidKeyException tooShort = assertThrows(InvalidKeyException.class, () -> ApiKey.of("1234567"));
        InvalidKeyException tooLong = assertThrows(InvalidKeyException.class, () -> ApiKey.of("k".repeat(257)));

        assertTrue(tooShort.getMessage().contains("7 characters"), tooShort.getMessage());
        assertTrue(tooLong.getMessage().contains("257 characters"), tooLong.getMessage());
    }

    @Test
    void refusesWhitespaceAndNonAsciiNamingThePositionOnly() {
        InvalidKeyException space = assertThrows(InvalidKeyException.class, () -> ApiKey.of("abcd efgh1234"));
        InvalidKeyException accent = assertThrows(InvalidKeyException.class, () -> ApiKey.of("abcdéfgh1234"));

        assertTrue(space.getMessage().contains("position 5"), space.getMessage());
        assertTrue(accent.getMessage().contains("position 5"), accent.getMessage());
        assertFalse(space.getMessage().contains("abcd"), space.getMessage());
    }

    @Test
    void printsOnlyTheLastFourCharacters() {
        ApiKey key = ApiKey.of("secretprefix1a2b");

        assertEquals("ApiKey[****1a2b]", key.toString());
        assertEquals("1a2b", key.lastFour());
    }

    @Test
    void equalKeysAreEqual() {
        assertEquals(ApiKey.of("a1b2c3d4e5f6"), ApiKey.of(" a1b2c3d4e5f6 "));
    }
}
