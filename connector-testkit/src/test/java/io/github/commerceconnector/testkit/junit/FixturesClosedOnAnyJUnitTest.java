package io.github.commerceconnector.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The extension closes its gateway and account at the end of their scope whatever the JUnit version does with its
 * store: example test classes run with JUnit told not to close stored values, as versions before 5.13 do not.
 */
class FixturesClosedOnAnyJUnitTest {

    @Test
    void eachTestsGatewayAndAccountAndTheClasssAccountAreClosedWhenJUnitClosesNothing() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(UsesATestsFixtures.class), selectClass(UsesTheClasssAccount.class))
                .configurationParameter("junit.jupiter.extensions.store.close.autocloseable.enabled", "false")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);

        assertEquals(2, listener.getSummary().getTestsSucceededCount(), () -> failures(listener));
        assertTrue(UsesATestsFixtures.services.isClosed(), "the test's account, closed after the test");
        assertThrows(IOException.class, () -> connect(UsesATestsFixtures.gateway.baseUri()),
                "the test's gateway no longer listens");
        assertTrue(UsesTheClasssAccount.openDuringTheTest, "the class's account outlives each test");
        assertTrue(UsesTheClasssAccount.services.isClosed(), "the class's account, closed after its tests");
        assertTrue(UsesTheClasssAccount.gatewayOpenDuringTheTest, "the test's gateway listened during the test");
        assertThrows(IOException.class, () -> connect(UsesTheClasssAccount.gateway.baseUri()));
    }

    private static void connect(URI uri) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
        }
    }

    private static String failures(SummaryGeneratingListener listener) {
        StringBuilder text = new StringBuilder();
        listener.getSummary().getFailures().forEach(failure -> text.append(failure.getException()).append('\n'));
        return text.toString();
    }

    /** Run only by the launcher above (a static nested class is not run on its own). */
    @CommerceServicesTest
    static class UsesATestsFixtures {
        static FakeCommerceServices services;
        static FakeGateway gateway;

        @Test
        void uses(FakeGateway testGateway, FakeCommerceServices testServices) {
            gateway = testGateway;
            services = testServices;
        }
    }

    /** Run only by the launcher above: an account made for the class, a gateway for the test. */
    @CommerceServicesTest
    static class UsesTheClasssAccount {
        static FakeCommerceServices services;
        static FakeGateway gateway;
        static boolean openDuringTheTest;
        static boolean gatewayOpenDuringTheTest;

        @BeforeAll
        static void keep(FakeCommerceServices classServices) {
            services = classServices;
        }

        @Test
        void uses(FakeGateway testGateway) throws IOException {
            gateway = testGateway;
            openDuringTheTest = !services.isClosed();
            connect(testGateway.baseUri());
            gatewayOpenDuringTheTest = true;
        }
    }
}
