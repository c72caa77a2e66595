package io.github.commerceconnector.core.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.TestClients;
import io.github.commerceconnector.core.internal.registry.HttpDataSpaceClient;
import io.github.commerceconnector.core.internal.registry.RegistryListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Data spaces: exact requests, selection rules, the data-space guard and the change listener. */
@Timeout(60)
class DataSpaceClientTest {
    private static final String REGISTRY = "/merchant-registry/v1/registry/";
    private static final String PROJECT_PATH = REGISTRY + "projects/" + Registry.PROJECT;
    private static final String OTHER_PROJECT_PATH = REGISTRY + "projects/" + Registry.OTHER_PROJECT;
    private static final ImsOrganizationId ORG = ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg");

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private final CredentialStore store = TestClients.store(0);
    private final List<CommerceServicesClient> clients = new ArrayList<>();

    @BeforeEach
    void stubRegistry() {
        gateway.stubFor(get(PROJECT_PATH).willReturn(aResponse().withStatus(200)
                .withBody(Registry.results(Registry.standardProject()))));
        gateway.stubFor(get(OTHER_PROJECT_PATH).willReturn(aResponse().withStatus(200)
                .withBody(Registry.results(Registry.otherProject()))));
        gateway.stubFor(get(REGISTRY + "environments/" + Registry.PRODUCTION_SPACE).willReturn(aResponse()
                .withStatus(200).withBody(Registry.standardProject()[1])));
        gateway.stubFor(get(REGISTRY + "environments/" + Registry.TESTING_SPACE).willReturn(aResponse()
                .withStatus(200).withBody(Registry.standardProject()[0])));
        gateway.stubFor(post(urlEqualTo(REGISTRY + "environments/" + Registry.TESTING_SPACE + "/cleanup"))
                .willReturn(aResponse().withStatus(200)));
        gateway.stubFor(post(urlEqualTo(REGISTRY + "environments/" + Registry.PRODUCTION_SPACE + "/cleanup"))
                .willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(CommerceServicesClient::close);
    }

    private DataSpaceClient dataSpaces(Installation installation) {
        return client(TestClients.builder(gateway.baseUrl(), store, clock, new RecordingSleeper(clock))
                .installation(installation));
    }

    private DataSpaceClient client(CommerceServicesClient.Builder builder) {
        CommerceServicesClient client = builder.build();
        clients.add(client);
        return client.dataSpaces();
    }

    private int requests() {
        return gateway.findAll(anyRequestedFor(anyUrl())).size();
    }

    @Test
    void listsTheDataSpacesOfAProjectProductionFirst() {
        List<DataSpace> spaces = dataSpaces(Installation.NON_PRODUCTION).list(Registry.PROJECT);

        gateway.verify(1, getRequestedFor(urlEqualTo(PROJECT_PATH)));
        assertEquals(DataSpaceType.PRODUCTION, spaces.get(0).type());
        assertEquals(3, spaces.size());
    }

    @Test
    void getsOneDataSpace() {
        DataSpace space = dataSpaces(Installation.NON_PRODUCTION).get(Registry.TESTING_SPACE);

        gateway.verify(1, getRequestedFor(urlEqualTo(REGISTRY + "environments/" + Registry.TESTING_SPACE)));
        assertEquals("Testing 1", space.name());
        assertEquals(Registry.PROJECT, space.projectId());
    }

    @Test
    void renamesADataSpace() {
        String path = REGISTRY + "environments/" + Registry.TESTING_SPACE;
        gateway.stubFor(patch(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(
                Registry.record(Registry.PROJECT, "Main store", Registry.TESTING_SPACE, "QA", "Testing"))));

        DataSpace renamed = dataSpaces(Installation.NON_PRODUCTION).rename(Registry.TESTING_SPACE, "QA");

        gateway.verify(1, patchRequestedFor(urlEqualTo(path)).withHeader("x-api-key", equalTo(TestClients.API_KEY))
                .withRequestBody(equalToJson("{\"environmentName\":\"QA\"}")));
        assertEquals("QA", renamed.name());
        assertEquals(Registry.TESTING_SPACE, renamed.id());
    }

    @Test
    void assignsACloudIdWithAnEmptyPut() {
        String path = REGISTRY + "environments/" + Registry.TESTING_SPACE + "/cloudid/cloud-42";
        gateway.stubFor(put(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));

        dataSpaces(Installation.NON_PRODUCTION).assignCloudId(Registry.TESTING_SPACE, "cloud-42");

        gateway.verify(1, putRequestedFor(urlEqualTo(path)).withHeader("x-api-key", equalTo(TestClients.API_KEY)));
        assertEquals(0, gateway.findAll(putRequestedFor(urlEqualTo(path))).get(0).getBody().length);
    }

    @Test
    void selectsADataSpaceOfTheProject() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);

        SaasIdentity identity = dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE);

        assertEquals(new SaasIdentity(Registry.PROJECT, "Main store", Registry.TESTING_SPACE, "Testing 1",
                DataSpaceType.TESTING, null), identity);
        assertEquals(Optional.of(identity), dataSpaces.current());
    }

    @Test
    void refusesADataSpaceOfAnotherProject() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);
        SaasIdentity before = dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE);

        NotFoundException refused = assertThrows(NotFoundException.class,
                () -> dataSpaces.select(Registry.PROJECT, Registry.OTHER_PROJECT_SPACE));

        assertTrue(refused.getMessage().contains("does not belong to the project"), refused.getMessage());
        assertEquals(Optional.of(before), dataSpaces.current(), "a refused select changes nothing");
    }

    @Test
    void rejectsProductionDataSpaceFromNonProductionInstallationBeforeAnyRequest() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);
        dataSpaces.list(Registry.PROJECT);
        gateway.resetRequests();

        DataSpaceGuardException refused = assertThrows(DataSpaceGuardException.class,
                () -> dataSpaces.select(Registry.PROJECT, Registry.PRODUCTION_SPACE));

        assertEquals(0, requests());
        assertEquals(Registry.PRODUCTION_SPACE, refused.dataSpaceId());
        assertTrue(refused.getMessage().contains("allowProductionDataSpace"), refused.getMessage());
        assertTrue(dataSpaces.current().isEmpty());
    }

    @Test
    void rejectsCleanupOfProductionDataSpaceFromNonProductionInstallationBeforeAnyRequest() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);
        dataSpaces.list(Registry.PROJECT);
        gateway.resetRequests();

        assertThrows(DataSpaceGuardException.class, () -> dataSpaces.cleanup(Registry.PRODUCTION_SPACE));

        assertEquals(0, requests());
    }

    @Test
    void readsAnUnseenDataSpaceButNeverWritesBeforeRefusingItsCleanup() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);

        assertThrows(DataSpaceGuardException.class, () -> dataSpaces.cleanup(Registry.PRODUCTION_SPACE));

        gateway.verify(1, getRequestedFor(urlEqualTo(REGISTRY + "environments/" + Registry.PRODUCTION_SPACE)));
        assertEquals(1, requests(), "only the read; no cleanup was sent");
    }

    @Test
    void readsAnUnseenProjectButSavesNothingBeforeRefusingItsProductionDataSpace() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);

        assertThrows(DataSpaceGuardException.class, () -> dataSpaces.select(Registry.PROJECT, Registry.PRODUCTION_SPACE));

        assertEquals(1, requests());
        assertTrue(dataSpaces.current().isEmpty());
    }

    @Test
    void cleansUpATestingDataSpace() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);
        dataSpaces.list(Registry.PROJECT);
        gateway.resetRequests();

        dataSpaces.cleanup(Registry.TESTING_SPACE);

        gateway.verify(1, postRequestedFor(urlEqualTo(REGISTRY + "environments/" + Registry.TESTING_SPACE
                + "/cleanup")).withHeader("x-api-key", equalTo(TestClients.API_KEY)));
        assertEquals(1, requests());
    }

    @Test
    void theOverrideLetsANonProductionInstallationUseProduction() {
        DataSpaceClient dataSpaces = client(TestClients.builder(gateway.baseUrl(), store, clock,
                new RecordingSleeper(clock)).allowProductionDataSpace("one-off migration of the live catalog"));

        SaasIdentity identity = dataSpaces.select(Registry.PROJECT, Registry.PRODUCTION_SPACE);
        dataSpaces.cleanup(Registry.PRODUCTION_SPACE);

        assertEquals(DataSpaceType.PRODUCTION, identity.dataSpaceType());
        gateway.verify(1, postRequestedFor(urlEqualTo(REGISTRY + "environments/" + Registry.PRODUCTION_SPACE
                + "/cleanup")));
    }

    @Test
    void aProductionInstallationMaySelectATestingDataSpace() {
        SaasIdentity identity = dataSpaces(Installation.PRODUCTION).select(Registry.PROJECT, Registry.TESTING_SPACE);

        assertEquals(DataSpaceType.TESTING, identity.dataSpaceType());
    }

    @Test
    void aProductionInstallationMaySelectProduction() {
        SaasIdentity identity = dataSpaces(Installation.PRODUCTION).select(Registry.PROJECT, Registry.PRODUCTION_SPACE);

        assertEquals(Registry.PRODUCTION_SPACE, identity.dataSpaceId());
    }

    @Test
    void selectingAnotherDataSpaceOfTheSameProjectKeepsTheImsLink() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);
        dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE);
        dataSpaces.imsOrganization(ORG);

        SaasIdentity switched = dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE_2);

        assertEquals(Optional.of(ORG), switched.imsOrganization());
    }

    @Test
    void selectingAnotherProjectClearsThePreviousSelectionAndItsImsLink() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);
        dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE);
        dataSpaces.imsOrganization(ORG);

        SaasIdentity other = dataSpaces.select(Registry.OTHER_PROJECT, Registry.OTHER_PROJECT_SPACE);

        assertEquals(new SaasIdentity(Registry.OTHER_PROJECT, "Outlet", Registry.OTHER_PROJECT_SPACE, "Testing 1",
                DataSpaceType.TESTING, null), other);
    }

    @Test
    void linkingAnImsOrganizationNeedsASelection() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);

        assertThrows(IllegalStateException.class, () -> dataSpaces.imsOrganization(ORG));
    }

    @Test
    void removesTheImsLink() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);
        dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE);
        dataSpaces.imsOrganization(ORG);

        assertTrue(dataSpaces.imsOrganization(null).imsOrganization().isEmpty());
        assertTrue(dataSpaces.current().orElseThrow().imsOrganization().isEmpty());
    }

    @Test
    void clearsTheSelection() {
        DataSpaceClient dataSpaces = dataSpaces(Installation.NON_PRODUCTION);
        dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE);

        dataSpaces.clearSelection();

        assertTrue(dataSpaces.current().isEmpty());
    }

    @Test
    void tellsListenersOfSelectionChangesAndCleanups() throws Exception {
        HttpDataSpaceClient dataSpaces = (HttpDataSpaceClient) dataSpaces(Installation.NON_PRODUCTION);
        List<String> events = new ArrayList<>();
        try (AutoCloseable registration = dataSpaces.addListener(new RegistryListener() {
            @Override
            public void selectionChanged(Optional<SaasIdentity> previous, Optional<SaasIdentity> current) {
                events.add(previous.map(SaasIdentity::dataSpaceId).orElse("-") + ">"
                        + current.map(SaasIdentity::dataSpaceId).orElse("-"));
            }

            @Override
            public void dataSpaceCleaned(String dataSpaceId) {
                events.add("cleaned " + dataSpaceId);
            }
        })) {
            dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE);
            dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE_2);
            dataSpaces.cleanup(Registry.TESTING_SPACE);
            dataSpaces.clearSelection();
        }
        dataSpaces.select(Registry.PROJECT, Registry.TESTING_SPACE);

        assertEquals(List.of("->" + Registry.TESTING_SPACE, Registry.TESTING_SPACE + ">" + Registry.TESTING_SPACE_2,
                "cleaned " + Registry.TESTING_SPACE, Registry.TESTING_SPACE_2 + ">-"), events);
    }
}
