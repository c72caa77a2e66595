package io.github.commerceconnector.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample application, configured by properties only, syncs its products to the testkit's fake gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CatalogSyncApplicationTest {
    private static final FakeGateway GATEWAY = FakeGateway.builder().noRateLimit().start();
    private static final ServiceCredentials KEYS = TestKeys.credentialsFor(GATEWAY);
    private static final SaasProject PROJECT = GATEWAY.services().addProject("Shop");
    private static final String DATA_SPACE = PROJECT.testingDataSpaces().get(0).id();

    @Autowired
    private ProductSync productSync;
    @Autowired
    private DataSpaceClient dataSpaces;
    @Autowired
    private HealthIndicator commerceConnectorHealthIndicator;

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry properties) {
        properties.add("commerce.connector.environment", () -> "sandbox");
        properties.add("commerce.connector.installation", () -> "non-production");
        properties.add("commerce.connector.endpoint", GATEWAY::baseUri);
        properties.add("commerce.connector.keys.api-key", () -> KEYS.apiKey().value());
        properties.add("commerce.connector.keys.private-key", () -> KEYS.privateKey().reveal());
        properties.add("commerce.connector.sync.requests-per-second", () -> "0");
        properties.add("commerce.connector.health.service", () -> "catalog-service");
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.close();
    }

    @Test
    void syncsItsProductsToTheGatewayAndReportsHealthy() {
        GATEWAY.services().featureSet(DATA_SPACE, "Catalog Service");
        dataSpaces.select(PROJECT.id(), DATA_SPACE);

        SyncReport report = productSync.syncProducts(IntStream.range(0, 40).mapToObj(n -> Product.builder()
                .sku("SKU-" + n).storeViewCode("default").name("Product " + n).urlKey("product-" + n).inStock(true)
                .build()));

        assertEquals(40, report.sent());
        assertEquals(40, GATEWAY.services().items(DATA_SPACE, Feed.PRODUCTS).size());
        assertEquals(Status.UP, commerceConnectorHealthIndicator.health().getStatus());
    }
}
