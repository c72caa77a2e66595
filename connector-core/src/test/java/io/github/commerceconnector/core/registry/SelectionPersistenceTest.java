package io.github.commerceconnector.core.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The selection survives a restart: saved as JSON in the state directory, atomically, and read back. */
@Timeout(60)
class SelectionPersistenceTest {
    private static final ImsOrganizationId ORG = ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg");

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path stateDirectory;

    private final MutableClock clock = MutableClock.standing();
    private final CredentialStore store = TestClients.store(0);

    @BeforeEach
    void stubRegistry() {
        gateway.stubFor(get("/merchant-registry/v1/registry/projects/" + Registry.PROJECT).willReturn(aResponse()
                .withStatus(200).withBody(Registry.results(Registry.standardProject()))));
    }

    private CommerceServicesClient client(Path directory) {
        return TestClients.builder(gateway.baseUrl(), store, clock, new RecordingSleeper(clock))
                .stateDirectory(directory).build();
    }

    @Test
    void aNewClientOnTheSameStateDirectoryFindsTheSelection() {
        SaasIdentity selected;
        try (CommerceServicesClient first = client(stateDirectory)) {
            first.dataSpaces().select(Registry.PROJECT, Registry.TESTING_SPACE);
            selected = first.dataSpaces().imsOrganization(ORG);
        }
        gateway.resetRequests();

        try (CommerceServicesClient second = client(stateDirectory)) {
            assertEquals(Optional.of(selected), second.dataSpaces().current());
        }
        assertEquals(0, gateway.getAllServeEvents().size(), "reading the selection asks the gateway nothing");
    }

    @Test
    void savesReadableJsonAndLeavesNoTemporaryFile() throws IOException {
        try (CommerceServicesClient client = client(stateDirectory)) {
            client.dataSpaces().select(Registry.PROJECT, Registry.TESTING_SPACE_2);
        }

        JsonNode saved = new ObjectMapper().readTree(stateDirectory.resolve("saas-identity.json").toFile());
        assertEquals(Registry.PROJECT, saved.get("projectId").asText());
        assertEquals(Registry.TESTING_SPACE_2, saved.get("dataSpaceId").asText());
        assertEquals("Testing", saved.get("dataSpaceType").asText());
        assertEquals("Testing 2", saved.get("dataSpaceName").asText());
        try (Stream<Path> files = Files.list(stateDirectory)) {
            assertEquals(1, files.count(), "only the selection file remains");
        }
    }

    @Test
    void aClearedSelectionStaysClearedAfterARestart() {
        try (CommerceServicesClient client = client(stateDirectory)) {
            client.dataSpaces().select(Registry.PROJECT, Registry.TESTING_SPACE);
            client.dataSpaces().clearSelection();
        }

        try (CommerceServicesClient client = client(stateDirectory)) {
            assertTrue(client.dataSpaces().current().isEmpty());
        }
        assertFalse(Files.exists(stateDirectory.resolve("saas-identity.json")));
    }

    @Test
    void createsAMissingStateDirectory() {
        Path nested = stateDirectory.resolve("var/connector");
        try (CommerceServicesClient client = client(nested)) {
            client.dataSpaces().select(Registry.PROJECT, Registry.TESTING_SPACE);
        }

        assertTrue(Files.isRegularFile(nested.resolve("saas-identity.json")));
    }

    @Test
    void withoutAStateDirectoryTheSelectionLivesInMemoryOnly() {
        try (CommerceServicesClient client = TestClients.builder(gateway.baseUrl(), store, clock,
                new RecordingSleeper(clock)).build()) {
            client.dataSpaces().select(Registry.PROJECT, Registry.TESTING_SPACE);
            assertTrue(client.dataSpaces().current().isPresent());
        }

        try (CommerceServicesClient client = TestClients.builder(gateway.baseUrl(), store, clock,
                new RecordingSleeper(clock)).build()) {
            assertTrue(client.dataSpaces().current().isEmpty());
        }
    }

    @Test
    void aSelectionStoreOfYourOwnKeepsTheSelectionInsteadOfTheFile() throws IOException {
        SelectionStore shared = SelectionStore.inMemory();
        SaasIdentity selected;
        try (CommerceServicesClient first = TestClients.builder(gateway.baseUrl(), store, clock,
                new RecordingSleeper(clock)).stateDirectory(stateDirectory).selectionStore(shared).build()) {
            selected = first.dataSpaces().select(Registry.PROJECT, Registry.TESTING_SPACE);
        }

        assertEquals(Optional.of(selected), shared.load());
        try (Stream<Path> files = Files.list(stateDirectory)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().equals("saas-identity.json")));
        }
        try (CommerceServicesClient second = TestClients.builder(gateway.baseUrl(), store, clock,
                new RecordingSleeper(clock)).selectionStore(shared).build()) {
            assertEquals(Optional.of(selected), second.dataSpaces().current());
        }
    }

    @Test
    void aDamagedSelectionFileIsRefusedAtBuildTimeWithWhatToDo() throws IOException {
        Files.writeString(stateDirectory.resolve("saas-identity.json"), "{\"projectId\":", StandardCharsets.UTF_8);

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> client(stateDirectory));

        assertTrue(refused.getMessage().contains("delete the file and select the data space again"),
                refused.getMessage());
    }
}
