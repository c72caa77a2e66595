package io.github.commerceconnector.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Readiness of the fake: every check can pass once the store is set up as the service needs. */
class FakeReadinessTest {

    @Test
    void productRecommendationsBecomesReadyOnceFeatureSetKeysSelectionAndCatalogAreInPlace() {
        try (FakeCommerceServices services = FakeCommerceServices.builder().environment(Environment.PRODUCTION)
                .installation(Installation.NON_PRODUCTION).build()) {
            services.credentials().put(TestKeys.credentialsFor(services));
            SaasProject project = services.projects().create("Store");
            DataSpace testing = project.testingDataSpaces().get(0);
            services.dataSpaces().select(project.id(), testing.id());

            Readiness before = services.readiness(CommerceService.PRODUCT_RECOMMENDATIONS);
            assertFalse(before.isReady());
            assertTrue(before.failures().stream().anyMatch(check -> check.name().equals("feature set")),
                    before.toString());

            DataSpace enabled = services.featureSet(testing.id(), "Product Recommendations");
            services.catalog().sync(Feed.PRODUCTS, List.of(Product.builder().sku("MH01").storeViewCode("default")
                    .name("Hoodie").build()));
            Readiness after = services.readiness(CommerceService.PRODUCT_RECOMMENDATIONS);

            assertEquals("Product Recommendations", enabled.featureSet());
            assertEquals("Product Recommendations", services.dataSpaces().get(testing.id()).featureSet());
            assertTrue(after.isReady(), after.toString());
        }
    }
}
