package io.github.commerceconnector.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataSpaceTypeTest {

    @Test
    void parsesTheRegistrysSpellingIgnoringCase() {
        assertEquals(DataSpaceType.PRODUCTION, DataSpaceType.fromWireName("Production"));
        assertEquals(DataSpaceType.TESTING, DataSpaceType.fromWireName(" testing "));
    }

    @Test
    void refusesOtherValuesNamingTheLegalOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataSpaceType.fromWireName("Staging"));
        assertThrows(IllegalArgumentException.class, () -> DataSpaceType.fromWireName(null));

        assertTrue(refused.getMessage().contains("expected Production or Testing"), refused.getMessage());
    }
}
