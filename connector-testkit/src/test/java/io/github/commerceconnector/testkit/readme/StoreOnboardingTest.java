package io.github.commerceconnector.testkit.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.NetworkFault;
import io.github.commerceconnector.testkit.junit.CommerceServicesTest;
import org.junit.jupiter.api.Test;

// The README's "Testing your code with the testkit" example, verbatim between the markers.
// README:begin testing with the testkit
/** Your code, written against the CommerceServices interface. */
class StoreOnboarding {
    private final CommerceServices services;

    StoreOnboarding(CommerceServices services) {
        this.services = services;
    }

    /** Finds or creates the store's project and selects its first testing data space. */
    SaasIdentity connect(String projectName) {
        SaasProject project = services.projects().list().stream()
                .filter(p -> p.name().equals(projectName)).findFirst()
                .orElseGet(() -> services.projects().create(projectName));
        return services.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());
    }
}

@CommerceServicesTest   // a fresh fake account (Adobe Commerce, non-production installation) per test
class StoreOnboardingTest {

    @Test
    void selectsTheFirstTestingDataSpace(FakeCommerceServices services) {
        SaasIdentity selected = new StoreOnboarding(services).connect("My store");

        assertEquals(DataSpaceType.TESTING, selected.dataSpaceType());
        assertEquals("Testing 1", selected.dataSpaceName());
    }

    @Test
    void doesNotCreateTwiceAfterAnAmbiguousFailure(FakeCommerceServices services) {
        services.failures().when(call -> call.is(FakeOperation.CREATE_PROJECT)).times(1)
                .respond(Fault.network(NetworkFault.DROP_AFTER_REQUEST));   // created, but the reply is lost
        StoreOnboarding onboarding = new StoreOnboarding(services);

        assertThrows(ConnectorClientException.class, () -> onboarding.connect("My store"));
        onboarding.connect("My store");                                       // finds it instead

        assertEquals(1, services.projects().list().size());
    }
}
// README:end
