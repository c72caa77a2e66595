package io.github.commerceconnector.core.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.commerceconnector.api.exception.ConflictException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.TestClients;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Projects over the merchant registry: exact requests, mapping of the flat records, and a create that never doubles. */
@Timeout(60)
class SaasProjectClientTest {
    private static final String LIST = "/merchant-registry/v1/registry";
    private static final String INITIALIZE = "/merchant-registry/v1/registry/initialize";
    private static final String PROJECT_PATH = "/merchant-registry/v1/registry/projects/" + Registry.PROJECT;

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private CommerceServicesClient services;

    @BeforeEach
    void startClient() {
        services = TestClients.builder(gateway.baseUrl(), TestClients.store(0), clock,
                sleeper).build();
    }

    @AfterEach
    void closeClient() {
        services.close();
    }

    /** What every registry request carries besides its own body. */
    private static RequestPatternBuilder signed(RequestPatternBuilder request) {
        return request.withHeader("x-api-key", equalTo(TestClients.API_KEY))
                .withHeader("magento-api-key", equalTo(TestClients.API_KEY))
                .withHeader("x-gw-signature", matching("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                .withHeader("User-Agent", matching("commerce-services-connector-java/.+"));
    }

    @Test
    void listsProjectsWithTheirDataSpacesProductionFirst() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200).withBody(
                Registry.results(Registry.otherProject()[0], Registry.standardProject()[0],
                        Registry.standardProject()[1], Registry.standardProject()[2]))));

        List<SaasProject> projects = services.projects().list();

        gateway.verify(1, signed(getRequestedFor(urlEqualTo(LIST))));
        assertEquals(List.of(Registry.OTHER_PROJECT, Registry.PROJECT), projects.stream().map(SaasProject::id).toList());
        SaasProject main = projects.get(1);
        assertEquals("Main store", main.name());
        assertEquals(List.of(Registry.PRODUCTION_SPACE, Registry.TESTING_SPACE, Registry.TESTING_SPACE_2),
                main.dataSpaces().stream().map(DataSpace::id).toList());
        assertEquals(DataSpaceType.PRODUCTION, main.dataSpaces().get(0).type());
        assertEquals(2, main.testingDataSpaces().size());
    }

    @Test
    void keepsEveryKnownFieldAndIgnoresUnknownOnes() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200).withBody("{\"results\":[{"
                + "\"projectId\":\"p-9\",\"projectName\":\"Full\",\"environmentId\":\"e-9\","
                + "\"environmentName\":\"Testing 2\",\"environmentType\":\"Testing\",\"mageId\":\"MAGE-1\","
                + "\"imsOrganizationId\":\"8e6307bf5d775fa00a495ef9@AdobeOrg\",\"featureSet\":\"Premium Search\","
                + "\"cloudId\":\"cloud-7\",\"createdAt\":\"2024-03-04T05:06:07Z\","
                + "\"updatedAt\":\"2024-03-05 08:09:10\",\"somethingNew\":{\"nested\":[1,2]}}],"
                + "\"paging\":{\"next\":null}}")));

        DataSpace space = services.projects().list().get(0).dataSpaces().get(0);

        assertEquals(new DataSpace("e-9", "p-9", "Testing 2", DataSpaceType.TESTING, "MAGE-1",
                ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg"), "Premium Search", "cloud-7",
                Instant.parse("2024-03-04T05:06:07Z"), Instant.parse("2024-03-05T08:09:10Z")), space);
    }

    @Test
    void treatsAMissingTypeAsProductionSoTheGuardErrsSafe() {
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200).withBody(
                "{\"results\":[{\"projectId\":\"p\",\"projectName\":\"n\",\"environmentId\":\"e\"}]}")));

        DataSpace space = services.projects().list().get(0).dataSpaces().get(0);

        assertEquals(DataSpaceType.PRODUCTION, space.type());
        assertNull(space.createdAt());
    }

    @Test
    void getsOneProject() {
        gateway.stubFor(get(PROJECT_PATH).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\":200," + Registry.results(Registry.standardProject()).substring(1))));

        SaasProject project = services.projects().get(Registry.PROJECT);

        gateway.verify(1, signed(getRequestedFor(urlEqualTo(PROJECT_PATH))));
        assertEquals(3, project.dataSpaces().size());
        assertTrue(project.productionDataSpace().isPresent());
    }

    @Test
    void anUnknownProjectIsNotFound() {
        gateway.stubFor(get("/merchant-registry/v1/registry/projects/nope").willReturn(aResponse().withStatus(404)
                .withBody("{\"status\":404,\"statusText\":\"Not Found\",\"message\":\"Merchant registry not found\"}")));

        assertThrows(NotFoundException.class, () -> services.projects().get("nope"));
    }

    @Test
    void encodesIdsInThePath() {
        gateway.stubFor(get("/merchant-registry/v1/registry/projects/a%2Fb%20c").willReturn(aResponse().withStatus(200)
                .withBody(Registry.results(Registry.record("a/b c", "Odd", "e", "Production", "Production")))));

        assertEquals("a/b c", services.projects().get("a/b c").id());
    }

    @Test
    void createsAProjectWithItsName() {
        gateway.stubFor(post(INITIALIZE).willReturn(aResponse().withStatus(200).withBody(Registry.results(
                Registry.record("p-new", "Spring shop", "e-1", "Production", "Production"),
                Registry.record("p-new", "Spring shop", "e-2", "Testing 1", "Testing")))));

        SaasProject created = services.projects().create("  Spring shop ");

        gateway.verify(1, signed(postRequestedFor(urlEqualTo(INITIALIZE)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"projectName\":\"Spring shop\"}")));
        assertEquals("p-new", created.id());
        assertEquals(2, created.dataSpaces().size());
    }

    @Test
    void aCreateBeyondTheAllowanceIsAConflict() {
        gateway.stubFor(post(INITIALIZE).willReturn(aResponse().withStatus(409).withBody(
                "{\"status\":409,\"statusText\":\"Conflict\",\"message\":\"Project name already in use\","
                        + "\"requestId\":\"c-1\"}")));

        ConflictException conflict = assertThrows(ConflictException.class, () -> services.projects().create("Taken"));

        assertEquals("c-1", conflict.requestId().orElseThrow());
        gateway.verify(1, postRequestedFor(urlEqualTo(INITIALIZE)));
    }

    @Test
    void rejectsABlankName() {
        assertThrows(IllegalArgumentException.class, () -> services.projects().create(" "));
        assertEquals(0, gateway.getAllServeEvents().size());
    }

    @Test
    void aCreateWhoseReplyWasLostIsFoundInsteadOfSentTwice() {
        gateway.stubFor(post(INITIALIZE).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200).withBody(Registry.results(
                Registry.record("p-new", "Spring shop", "e-1", "Production", "Production")))));

        SaasProject created = services.projects().create("Spring shop");

        assertEquals("p-new", created.id());
        gateway.verify(1, postRequestedFor(urlEqualTo(INITIALIZE)));
        gateway.verify(1, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void aCreateThatDidNotHappenIsSentAgainAfterLooking() {
        gateway.stubFor(post(INITIALIZE).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        gateway.stubFor(post(INITIALIZE).inScenario("create").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody(Registry.results(
                        Registry.record("p-new", "Spring shop", "e-1", "Production", "Production")))));
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200).withBody(
                Registry.results(Registry.otherProject()))));

        SaasProject created = services.projects().create("Spring shop");

        assertEquals("p-new", created.id());
        gateway.verify(2, postRequestedFor(urlEqualTo(INITIALIZE)));
        gateway.verify(1, getRequestedFor(urlEqualTo(LIST)));
        assertEquals(1, sleeper.waits().size());
    }

    @Test
    void aCreateThatKeepsFailingAmbiguouslyLooksBeforeEveryRepeatThenGivesUp() {
        gateway.stubFor(post(INITIALIZE).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        gateway.stubFor(get(LIST).willReturn(aResponse().withStatus(200).withBody(Registry.results())));

        ConnectorClientException failure = assertThrows(ConnectorClientException.class,
                () -> services.projects().create("Spring shop"));

        assertTrue(failure.isRetryable());
        gateway.verify(4, postRequestedFor(urlEqualTo(INITIALIZE)));
        gateway.verify(3, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void renamesAProject() {
        gateway.stubFor(patch(urlEqualTo(PROJECT_PATH)).willReturn(aResponse().withStatus(200).withBody(
                Registry.results(Registry.record(Registry.PROJECT, "Renamed", Registry.PRODUCTION_SPACE, "Production",
                        "Production")))));

        SaasProject renamed = services.projects().rename(Registry.PROJECT, "Renamed");

        gateway.verify(1, signed(patchRequestedFor(urlEqualTo(PROJECT_PATH)))
                .withRequestBody(equalToJson("{\"projectName\":\"Renamed\"}")));
        assertEquals(Registry.PROJECT, renamed.id());
        assertEquals("Renamed", renamed.name());
    }
}
