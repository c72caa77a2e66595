package io.github.commerceconnector.core.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.RsaKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code readiness(service)}: every check, its next step, and that asking changes nothing. */
@Timeout(60)
class ReadinessTest {
    private static final String PROJECT = "proj-1";
    private static final String TESTING = "22222222-2222-2222-2222-222222222222";
    private static final String REGISTRY = "/merchant-registry/v1/registry/";

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path stateDirectory;

    private final MutableClock clock = MutableClock.standing();

    private static String record(String featureSet) {
        return "{\"projectId\":\"" + PROJECT + "\",\"projectName\":\"Main store\",\"environmentId\":\"" + TESTING
                + "\",\"environmentName\":\"Testing 1\",\"environmentType\":\"Testing\",\"featureSet\":\""
                + featureSet + "\"}";
    }

    @BeforeEach
    void stubGateway() {
        gateway.stubFor(get("/merchant-registry/v1/ping").willReturn(aResponse().withStatus(200)));
        gateway.stubFor(get(REGISTRY + "projects/" + PROJECT).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\":200,\"results\":[" + record("Product Recommendations, Premium Search") + "]}")));
        gateway.stubFor(get(REGISTRY + "environments/" + TESTING).willReturn(aResponse().withStatus(200)
                .withBody(record("Product Recommendations, Premium Search"))));
        gateway.stubFor(post(urlPathMatching("/feeds/.*")).willReturn(aResponse().withStatus(200)));
    }

    private CommerceServicesClient client(Environment environment, Edition edition) {
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(ServiceCredentials.of(environment, "api-key-for-readiness", RsaKeys.pkcs8Pem(0)));
        CommerceServicesClient client = CommerceServicesClient.builder().environment(environment)
                .credentials(credentials).installation(Installation.NON_PRODUCTION).edition(edition)
                .endpoint(URI.create(gateway.baseUrl() + "/")).httpVersion(HttpClient.Version.HTTP_1_1)
                .stateDirectory(stateDirectory).clock(clock).sleeper(new RecordingSleeper(clock)).build();
        client.dataSpaces().select(PROJECT, TESTING);
        return client;
    }

    private static List<String> failed(Readiness readiness) {
        return readiness.failures().stream().map(Readiness.Check::name).toList();
    }

    @Test
    void productRecommendationsIsReadyOnceTheProductsAreSynced() {
        try (CommerceServicesClient client = client(Environment.PRODUCTION, Edition.ADOBE_COMMERCE)) {
            Readiness before = client.readiness(CommerceService.PRODUCT_RECOMMENDATIONS);
            assertEquals(List.of("catalog"), failed(before));
            assertTrue(before.failures().get(0).nextStep().contains("catalog().sync(Feed.PRODUCTS"),
                    before.failures().get(0).nextStep());
            assertEquals(0, gateway.findAll(postRequestedFor(anyUrl())).size(), "asking changes nothing");

            client.catalog().sync(Feed.PRODUCTS, CatalogGateway.generated(10, n -> CatalogGateway.product(n, 1)));
            Readiness after = client.readiness(CommerceService.PRODUCT_RECOMMENDATIONS);
            assertTrue(after.isReady(), after.toString());
            assertEquals(List.of("edition", "keys", "data space", "feature set", "data-space guard", "catalog"),
                    after.checks().stream().map(Readiness.Check::name).toList());
        }
    }

    @Test
    void liveSearchNeedsNoCatalogCheckAndMatchesItsRegistryName() {
        try (CommerceServicesClient client = client(Environment.PRODUCTION, Edition.ADOBE_COMMERCE)) {
            Readiness readiness = client.readiness(CommerceService.LIVE_SEARCH);
            assertTrue(readiness.isReady(), readiness.toString());
            assertFalse(readiness.checks().stream().anyMatch(check -> check.name().equals("catalog")));
        }
    }

    @Test
    void sandboxKeysAWrongEditionAndAMissingFeatureAreEachExplained() {
        try (CommerceServicesClient client = client(Environment.SANDBOX, Edition.MAGENTO_OPEN_SOURCE)) {
            Readiness recommendations = client.readiness(CommerceService.PRODUCT_RECOMMENDATIONS);
            assertEquals(List.of("edition", "production keys", "catalog"), failed(recommendations));
            assertTrue(recommendations.failures().get(1).nextStep().contains("Environment.PRODUCTION"));
            Readiness payments = client.readiness(CommerceService.PAYMENT_SERVICES);
            assertEquals(List.of("feature set"), failed(payments));
            assertTrue(payments.failures().get(0).nextStep().contains("Enable Payment Services"));
        }
    }

    @Test
    void refusedKeysAndNoSelectionAreFailuresNotExceptions() {
        gateway.stubFor(get("/merchant-registry/v1/ping").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"JWT is invalid\"}")));
        try (CommerceServicesClient client = client(Environment.PRODUCTION, Edition.ADOBE_COMMERCE)) {
            client.dataSpaces().clearSelection();
            Readiness readiness = client.readiness(CommerceService.PRODUCT_RECOMMENDATIONS);
            assertEquals(List.of("keys", "data space"), failed(readiness));
            assertTrue(readiness.failures().get(1).nextStep().contains("select"));
        }
    }
}
