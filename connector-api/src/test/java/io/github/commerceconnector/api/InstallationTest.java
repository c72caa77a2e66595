package io.github.commerceconnector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.exception.ConfigurationException;
import org.junit.jupiter.api.Test;

class InstallationTest {

    @Test
    void parsesProductionAndNonProductionInEitherSpelling() {
        assertEquals(Installation.PRODUCTION, Installation.fromName("production"));
        assertEquals(Installation.NON_PRODUCTION, Installation.fromName("non-production"));
        assertEquals(Installation.NON_PRODUCTION, Installation.fromName(" NON_PRODUCTION "));
        assertEquals(Installation.NON_PRODUCTION, Installation.fromName("Non-Production"));
    }

    @Test
    void refusesAnyOtherNameListingTheLegalOnes() {
        for (String name : new String[] {"staging", "nonproduction", "prod", "", "test"}) {
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> Installation.fromName(name));
            assertTrue(refused.getMessage().contains("use 'production' or 'non-production'"), refused.getMessage());
        }
    }

    @Test
    void refusesNull() {
        assertThrows(ConfigurationException.class, () -> Installation.fromName(null));
    }

    @Test
    void configNameRoundTripsThroughFromName() {
        for (Installation installation : Installation.values()) {
            assertEquals(installation, Installation.fromName(installation.configName()));
        }
    }
}
