package io.github.commerceconnector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void parsesTheTwoLegalNamesIgnoringCaseAndSurroundingSpace() {
        assertEquals(Environment.PRODUCTION, Environment.fromName("production"));
        assertEquals(Environment.SANDBOX, Environment.fromName(" SANDBOX\t"));
        assertEquals(Environment.SANDBOX, Environment.fromName("Sandbox"));
    }

    @Test
    void refusesAnyOtherNameListingTheLegalOnes() {
        for (String name : new String[] {"prod", "staging", "", "sand box", "beta"}) {
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> Environment.fromName(name));
            assertTrue(refused.getMessage().contains("'" + name + "'"), refused.getMessage());
            assertTrue(refused.getMessage().contains("use 'production' or 'sandbox'"), refused.getMessage());
        }
    }

    @Test
    void refusesNull() {
        assertThrows(ConfigurationException.class, () -> Environment.fromName(null));
    }

    @Test
    void picksTheGatewayOfEachEnvironment() {
        assertEquals(URI.create("https://commerce.adobe.io/"), Environment.PRODUCTION.defaultEndpoint());
        assertEquals(URI.create("https://commerce-beta.adobe.io/"), Environment.SANDBOX.defaultEndpoint());
    }

    @Test
    void wireNameRoundTripsThroughFromName() {
        for (Environment environment : Environment.values()) {
            assertEquals(environment, Environment.fromName(environment.wireName()));
        }
    }
}
