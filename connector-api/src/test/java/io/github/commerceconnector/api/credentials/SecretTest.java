package io.github.commerceconnector.api.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void neverPrintsItsValue() {
        Secret secret = Secret.of("s3cr3t-value");

        assertEquals("Secret[<redacted>]", secret.toString());
        assertEquals("Secret[<redacted>]", String.valueOf(secret));
    }

    @Test
    void revealsItsValueOnRequest() {
        assertEquals("s3cr3t-value", Secret.of("s3cr3t-value").reveal());
    }

    @Test
    void comparesByValue() {
        assertEquals(Secret.of("same"), Secret.of("same"));
        assertEquals(Secret.of("same").hashCode(), Secret.of("other").hashCode());
        assertNotEquals(Secret.of("same"), Secret.of("other"));
        assertNotEquals(Secret.of("same"), "same");
    }

    @Test
    void tellsBlanknessAndLengthWithoutTheValue() {
        assertTrue(Secret.of("  \n").isBlank());
        assertFalse(Secret.of("x").isBlank());
        assertEquals(5, Secret.of("abcde").length());
    }

    @Test
    void refusesNullNamingTheParameterOnly() {
        NullPointerException refused = assertThrows(NullPointerException.class, () -> Secret.of(null));

        assertEquals("secret value", refused.getMessage());
    }
}
