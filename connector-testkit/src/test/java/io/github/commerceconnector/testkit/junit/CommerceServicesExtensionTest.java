package io.github.commerceconnector.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

@CommerceServicesTest(edition = Edition.MAGENTO_OPEN_SOURCE, installation = Installation.PRODUCTION)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(30)
class CommerceServicesExtensionTest {
    private static FakeCommerceServices firstServices;
    private static FakeGateway firstGateway;

    @Test
    @Order(1)
    void givesAFakeConfiguredByTheAnnotation(FakeCommerceServices services, FakeGateway gateway) {
        firstServices = services;
        firstGateway = gateway;
        services.projects().create("Luma");

        assertEquals(Edition.MAGENTO_OPEN_SOURCE, services.edition());
        assertEquals(Installation.PRODUCTION, services.installation());
        assertEquals(Environment.SANDBOX, services.environment());
        assertSame(services, gateway.services());
        assertTrue(gateway.isRunning());
    }

    @Test
    @Order(2)
    void givesEachTestAFreshAccountAndClosesThePreviousOne(FakeCommerceServices services) {
        assertNotSame(firstServices, services);
        assertEquals(List.of(), services.projects().list());
        assertTrue(firstServices.isClosed());
        assertFalse(firstGateway.isRunning());
    }

    @Test
    @Order(3)
    void givesCredentialsRegisteredWithTheAccountAndStoredInIt(FakeCommerceServices services,
            ServiceCredentials credentials, TestKeyPair keys) {
        assertEquals(credentials.apiKey(), services.credentials().require(Environment.SANDBOX).apiKey());
        assertTrue(services.credentials().validate(Environment.SANDBOX).valid());
        assertEquals(keys.pkcs8Pem(), credentials.privateKey().reveal());
    }

    @Test
    @Order(4)
    void givesTheAccountClock(FakeCommerceServices services, TestClock clock) {
        assertSame(services.clock(), clock);
    }

    @Test
    @Order(5)
    @CommerceServicesTest(edition = Edition.ADOBE_COMMERCE, gatewayRateLimit = 0)
    void aMethodAnnotationOverridesTheClassOne(FakeCommerceServices services) {
        assertEquals(Edition.ADOBE_COMMERCE, services.edition());
        assertEquals(Installation.NON_PRODUCTION, services.installation());
    }

    @Nested
    class InANestedClass {
        @Test
        void theEnclosingAnnotationApplies(FakeCommerceServices services) {
            assertEquals(Edition.MAGENTO_OPEN_SOURCE, services.edition());
        }
    }
}
