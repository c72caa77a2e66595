package io.github.commerceconnector.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImsOrganizationIdTest {

    @Test
    void acceptsTwentyFourHexCharactersFollowedByAdobeOrg() {
        assertEquals("8E6307BF5D775FA00A495EF9@AdobeOrg", ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg").value());
    }

    @Test
    void storesTheHexPartInUpperCaseAndStripsSpace() {
        ImsOrganizationId id = ImsOrganizationId.of("  8e6307bf5d775fa00a495ef9@AdobeOrg\n");

        assertEquals("8E6307BF5D775FA00A495EF9@AdobeOrg", id.value());
        assertEquals(ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg"), id);
        assertEquals("8E6307BF5D775FA00A495EF9@AdobeOrg", id.toString());
    }

    @Test
    void refusesMalformedIdsShowingTheExpectedForm() {
        for (String value : new String[] {"8E6307BF5D775FA00A495EF@AdobeOrg", "8E6307BF5D775FA00A495EF99@AdobeOrg",
                "8E6307BF5D775FA00A495EFG@AdobeOrg", "8E6307BF5D775FA00A495EF9", "8E6307BF5D775FA00A495EF9@adobeorg",
                "8E6307BF5D775FA00A495EF9@techacct.adobe.com", "8E6307BF 5D775FA00A495EF9@AdobeOrg"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ImsOrganizationId.of(value), value);
            assertTrue(refused.getMessage().contains("24 hexadecimal characters followed by @AdobeOrg"),
                    refused.getMessage());
        }
    }

    @Test
    void refusesNullAndBlank() {
        assertThrows(IllegalArgumentException.class, () -> ImsOrganizationId.of(null));
        assertThrows(IllegalArgumentException.class, () -> ImsOrganizationId.of(" "));
    }
}
