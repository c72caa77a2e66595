package io.github.commerceconnector.api;

/**
 * The Commerce edition a license is for, and the data spaces a SaaS project gets with it.
 */
public enum Edition {
    /** Adobe Commerce: each SaaS project has 1 production and 2 testing data spaces. */
    ADOBE_COMMERCE("Adobe Commerce", "ee", 1, 2),
    /** Magento Open Source: each SaaS project has 1 production data space and none for testing. */
    MAGENTO_OPEN_SOURCE("Magento Open Source", "ce", 1, 0);

    private final String displayName;
    private final String wireCode;
    private final int productionDataSpaces;
    private final int testingDataSpaces;

    Edition(String displayName, String wireCode, int productionDataSpaces, int testingDataSpaces) {
        this.displayName = displayName;
        this.wireCode = wireCode;
        this.productionDataSpaces = productionDataSpaces;
        this.testingDataSpaces = testingDataSpaces;
    }

    /** The product name, e.g. {@code Adobe Commerce}. */
    public String displayName() {
        return displayName;
    }

    /** The code sent as {@code commerceEdition} in {@code service-connector-metadata}: {@code ee} or {@code ce}. */
    public String wireCode() {
        return wireCode;
    }

    /** How many production data spaces a project of this edition has (always 1). */
    public int productionDataSpaces() {
        return productionDataSpaces;
    }

    /** How many testing data spaces a project of this edition has. */
    public int testingDataSpaces() {
        return testingDataSpaces;
    }

    /** Production plus testing data spaces: the allowance of one project. */
    public int totalDataSpaces() {
        return productionDataSpaces + testingDataSpaces;
    }
}
