package io.github.commerceconnector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditionTest {

    @Test
    void adobeCommerceHasOneProductionAndTwoTestingDataSpaces() {
        assertEquals(1, Edition.ADOBE_COMMERCE.productionDataSpaces());
        assertEquals(2, Edition.ADOBE_COMMERCE.testingDataSpaces());
        assertEquals(3, Edition.ADOBE_COMMERCE.totalDataSpaces());
    }

    @Test
    void magentoOpenSourceHasOneProductionDataSpaceAndNoTestingOne() {
        assertEquals(1, Edition.MAGENTO_OPEN_SOURCE.productionDataSpaces());
        assertEquals(0, Edition.MAGENTO_OPEN_SOURCE.testingDataSpaces());
        assertEquals(1, Edition.MAGENTO_OPEN_SOURCE.totalDataSpaces());
    }

    @Test
    void sendsTheMagentoEditionCodes() {
        assertEquals("ee", Edition.ADOBE_COMMERCE.wireCode());
        assertEquals("ce", Edition.MAGENTO_OPEN_SOURCE.wireCode());
    }

    @Test
    void namesTheProductsAsAdobeDoes() {
        assertEquals("Adobe Commerce", Edition.ADOBE_COMMERCE.displayName());
        assertEquals("Magento Open Source", Edition.MAGENTO_OPEN_SOURCE.displayName());
    }
}
