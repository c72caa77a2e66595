package io.github.commerceconnector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommerceServiceTest {
    private static final Set<CommerceService> BOTH_EDITIONS =
            EnumSet.of(CommerceService.PAYMENT_SERVICES, CommerceService.CHANNEL_MANAGER);

    @Test
    void paymentServicesAndChannelManagerAreSoldForBothEditions() {
        for (CommerceService service : BOTH_EDITIONS) {
            assertEquals(EnumSet.allOf(Edition.class), service.editions(), service.name());
            assertTrue(service.availableFor(Edition.MAGENTO_OPEN_SOURCE), service.name());
            assertTrue(service.availableFor(Edition.ADOBE_COMMERCE), service.name());
        }
    }

    @Test
    void theOtherFiveServicesAreForAdobeCommerceOnly() {
        Set<CommerceService> others = EnumSet.complementOf(EnumSet.copyOf(BOTH_EDITIONS));
        assertEquals(5, others.size());
        for (CommerceService service : others) {
            assertEquals(Set.of(Edition.ADOBE_COMMERCE), service.editions(), service.name());
            assertFalse(service.availableFor(Edition.MAGENTO_OPEN_SOURCE), service.name());
        }
    }

    @Test
    void onlyProductRecommendationsUsesCatalogSync() {
        for (CommerceService service : CommerceService.values()) {
            assertEquals(service == CommerceService.PRODUCT_RECOMMENDATIONS, service.usesCatalogSync(), service.name());
        }
    }

    @Test
    void productRecommendationsAndLiveSearchAcceptProductionKeysOnly() {
        for (CommerceService service : CommerceService.values()) {
            boolean productionOnly = service == CommerceService.PRODUCT_RECOMMENDATIONS
                    || service == CommerceService.LIVE_SEARCH;
            assertEquals(productionOnly, service.productionKeysOnly(), service.name());
        }
    }

    @Test
    void recognizesTheRegistrysFeatureSetLabelsIgnoringCase() {
        assertTrue(CommerceService.LIVE_SEARCH.matchesFeatureSet("Premium Search"));
        assertTrue(CommerceService.LIVE_SEARCH.matchesFeatureSet(" live search "));
        assertTrue(CommerceService.PRODUCT_RECOMMENDATIONS.matchesFeatureSet("PRODUCT RECOMMENDATIONS"));
        assertFalse(CommerceService.LIVE_SEARCH.matchesFeatureSet("Product Recommendations"));
        assertFalse(CommerceService.LIVE_SEARCH.matchesFeatureSet(null));
    }

    @Test
    void exposesUnmodifiableEditionsAndLabels() {
        assertThrows(UnsupportedOperationException.class,
                () -> CommerceService.LIVE_SEARCH.editions().add(Edition.MAGENTO_OPEN_SOURCE));
        assertThrows(UnsupportedOperationException.class,
                () -> CommerceService.LIVE_SEARCH.featureSetLabels().add("Search"));
    }
}
