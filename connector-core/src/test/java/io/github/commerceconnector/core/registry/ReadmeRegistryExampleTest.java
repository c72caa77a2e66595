package io.github.commerceconnector.core.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.TestClients;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The README's "list projects and select a data space" example, compiled and run exactly as printed there. */
@Timeout(60)
class ReadmeRegistryExampleTest {

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    void listProjectsAndSelectADataSpace(@TempDir Path stateDirectory) {
        gateway.stubFor(get("/merchant-registry/v1/registry").willReturn(aResponse().withStatus(200)
                .withBody(Registry.results(Registry.standardProject()))));
        gateway.stubFor(get("/merchant-registry/v1/registry/projects/" + Registry.PROJECT).willReturn(aResponse()
                .withStatus(200).withBody(Registry.results(Registry.standardProject()))));
        MutableClock clock = MutableClock.standing();
        try (CommerceServices services = TestClients.builder(gateway.baseUrl(), TestClients.store(0), clock,
                new RecordingSleeper(clock)).stateDirectory(stateDirectory).build()) {

            // README:begin list projects and select a data space
            List<SaasProject> projects = services.projects().list();
            SaasProject project = projects.get(0);                     // or find yours by name or id
            DataSpace testing = project.testingDataSpaces().get(0);    // staging writes to a testing data space
            SaasIdentity selection = services.dataSpaces().select(project.id(), testing.id());
            // README:end

            assertEquals(Registry.TESTING_SPACE, selection.dataSpaceId());
            assertEquals(DataSpaceType.TESTING, selection.dataSpaceType());
            assertEquals(Optional.of(selection), services.dataSpaces().current());
        }
    }
}
