package io.github.commerceconnector.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Commerce Services reached through the connector, which editions may use each, and whether
 * each depends on catalog sync.
 */
public enum CommerceService {
    /** Product Recommendations: needs the catalog synced; production keys only. */
    PRODUCT_RECOMMENDATIONS("Product Recommendations", true, true, EnumSet.of(Edition.ADOBE_COMMERCE),
            "Product Recommendations"),
    /** Live Search (the registry's {@code Premium Search} feature set); production keys only. */
    LIVE_SEARCH("Live Search", false, true, EnumSet.of(Edition.ADOBE_COMMERCE),
            "Premium Search", "Live Search"),
    /** Payment Services, sold for both editions. */
    PAYMENT_SERVICES("Payment Services", false, false, EnumSet.allOf(Edition.class),
            "Payment Services"),
    /** Channel Manager (marketplaces), sold for both editions. */
    CHANNEL_MANAGER("Channel Manager", false, false, EnumSet.allOf(Edition.class),
            "Channel Manager"),
    /** The Site-Wide Analysis Tool. */
    SITE_WIDE_ANALYSIS_TOOL("Site-Wide Analysis Tool", false, false, EnumSet.of(Edition.ADOBE_COMMERCE),
            "Site-Wide Analysis Tool"),
    /** Catalog Service. */
    CATALOG_SERVICE("Catalog Service", false, false, EnumSet.of(Edition.ADOBE_COMMERCE),
            "Catalog Service"),
    /** The Experience Platform connector (uses the IMS organization link). */
    EXPERIENCE_PLATFORM_CONNECTOR("Experience Platform connector", false, false, EnumSet.of(Edition.ADOBE_COMMERCE),
            "Experience Platform", "Experience Platform connector");

    private final String displayName;
    private final boolean usesCatalogSync;
    private final boolean productionKeysOnly;
    private final Set<Edition> editions;
    private final List<String> featureSetLabels;

    CommerceService(String displayName, boolean usesCatalogSync, boolean productionKeysOnly, Set<Edition> editions,
            String... featureSetLabels) {
        this.featureSetLabels = List.of(featureSetLabels);
        this.displayName = displayName;
        this.usesCatalogSync = usesCatalogSync;
        this.productionKeysOnly = productionKeysOnly;
        this.editions = Collections.unmodifiableSet(editions);
    }

    /** The product name as Adobe writes it. */
    public String displayName() {
        return displayName;
    }

    /** Whether this service only works once the catalog feeds are synced into the data space. */
    public boolean usesCatalogSync() {
        return usesCatalogSync;
    }

    /** Whether the service accepts production API keys only (sandbox keys are refused). */
    public boolean productionKeysOnly() {
        return productionKeysOnly;
    }

    /** The editions this service is sold for; unmodifiable. */
    public Set<Edition> editions() {
        return editions;
    }

    /** Whether a store of the given edition may use this service. */
    public boolean availableFor(Edition edition) {
        return editions.contains(edition);
    }

    /**
     * The labels the merchant registry uses for this service in a data space's {@code featureSet}
     * (Live Search, for instance, appears as {@code Premium Search}).
     */
    public List<String> featureSetLabels() {
        return featureSetLabels;
    }

    /** Whether a registry {@code featureSet} value names this service (case is ignored). */
    public boolean matchesFeatureSet(String featureSet) {
        if (featureSet == null) {
            return false;
        }
        String normalized = featureSet.trim().toLowerCase(Locale.ROOT);
        for (String label : featureSetLabels) {
            if (label.toLowerCase(Locale.ROOT).equals(normalized)) {
                return true;
            }
        }
        return false;
    }
}
