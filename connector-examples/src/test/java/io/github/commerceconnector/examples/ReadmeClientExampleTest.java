package io.github.commerceconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's client examples, compiled and run exactly as printed there, against the fake gateway. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadmeClientExampleTest {

    @Test
    void buildAClientListProjectsSelectADataSpaceAndAskReadiness(@TempDir Path stateDirectory) {
        try (FakeGateway gateway = FakeGateway.builder().environment(Environment.SANDBOX).start()) {
            gateway.services().addProject("My store");
            CredentialStore store = CredentialStores.inMemory();
            store.put(TestKeys.credentialsFor(gateway));
            URI endpoint = gateway.baseUri();

            // README:begin build a client
            CommerceServices services = CommerceServicesClient.builder()
                    .environment(Environment.SANDBOX)            // picks the key pair and the gateway
                    .credentials(store)                          // any CredentialStore
                    .installation(Installation.NON_PRODUCTION)   // the data-space guard
                    .stateDirectory(stateDirectory)              // selection and sync state; optional
                    .endpoint(endpoint)                          // optional: defaults to the environment's gateway
                    .build();                                    // thread-safe; close() it when done
            // README:end
            try (services) {
                // README:begin list projects and select a data space
                List<SaasProject> projects = services.projects().list();
                SaasProject project = projects.get(0);                     // or find yours by name or id
                DataSpace testing = project.testingDataSpaces().get(0);    // staging writes to a testing data space
                SaasIdentity selection = services.dataSpaces().select(project.id(), testing.id());
                // README:end

                // README:begin ask whether a service can work
                Readiness readiness = services.readiness(CommerceService.PRODUCT_RECOMMENDATIONS);
                for (Readiness.Check check : readiness.failures()) {
                    System.out.println(check.name() + ": " + check.detail() + " -> " + check.nextStep());
                }
                // README:end

                assertEquals(Optional.of(selection), services.dataSpaces().current());
                assertEquals("Testing 1", selection.dataSpaceName());
                assertFalse(readiness.isReady(), "sandbox keys and an unsynced catalog cannot be ready");
                assertTrue(readiness.failures().stream().allMatch(check -> !check.nextStep().isBlank()),
                        readiness.toString());
            }
        }
    }
}
