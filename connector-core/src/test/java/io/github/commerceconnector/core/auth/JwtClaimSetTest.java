package io.github.commerceconnector.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixed JWT claims: the PHP connector's defaults, and what a replacement may hold. */
class JwtClaimSetTest {

    @Test
    void theDefaultsAreThePhpConnectorsClaims() {
        Map<String, Object> claims = JwtClaimSet.defaults().asMap();

        assertEquals(7, claims.size());
        assertEquals("8E6307BF5D775FA00A495EF9@AdobeOrg", claims.get("iss"));
        assertEquals(Boolean.TRUE, claims.get("https://ims-na1.adobelogin.com/s/event_receiver_api"));
    }

    @Test
    void refusesTheClaimsTheSignerSets() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> JwtClaimSet.of(Map.of("exp", 1L)));

        assertTrue(refused.getMessage().contains("set by the signer"), refused.getMessage());
        assertThrows(ConfigurationException.class, () -> JwtClaimSet.of(Map.of("iat", 1L)));
    }

    @Test
    void refusesValuesJsonCannotCarryPlainly() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("when", new Object());

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> JwtClaimSet.of(claims));

        assertTrue(refused.getMessage().contains("'when'"), refused.getMessage());
    }

    @Test
    void refusesAMissingSetAndBlankNames() {
        assertThrows(ConfigurationException.class, () -> JwtClaimSet.of(null));
        assertThrows(ConfigurationException.class, () -> JwtClaimSet.of(Map.of(" ", "x")));
    }

    @Test
    void keepsStringsBooleansNumbersAndStringLists() {
        JwtClaimSet set = JwtClaimSet.of(Map.of("a", "x", "b", true, "c", 3L, "d", List.of("p", "q")));

        assertEquals(List.of("p", "q"), set.asMap().get("d"));
        assertEquals(set, JwtClaimSet.of(Map.of("a", "x", "b", true, "c", 3L, "d", List.of("p", "q"))));
        assertTrue(set.toString().contains("a") && !set.toString().contains("x"), set.toString());
    }
}
