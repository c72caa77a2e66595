package io.github.commerceconnector.bench;

import io.github.commerceconnector.core.internal.catalog.FeedJson;
import io.github.commerceconnector.examples.CatalogGenerator;
import io.github.commerceconnector.examples.CatalogProfile;
import java.util.Arrays;

/** The size of a catalog profile's products as the SDK writes them: the median bytes of JSON per product. */
final class CatalogBytes {
    /** The products measured: the first ten thousand (the catalog repeats its shapes every hundred). */
    static final int SAMPLE = 10_000;

    private CatalogBytes() {
    }

    /** The median bytes of JSON of the first {@value #SAMPLE} products of a profile. */
    static int medianPerProduct(CatalogProfile profile) {
        CatalogGenerator catalog = new CatalogGenerator(profile);
        int[] sizes = new int[SAMPLE];
        for (int index = 0; index < SAMPLE; index++) {
            sizes[index] = FeedJson.write(catalog.product(index, 0).fields()).length;
        }
        Arrays.sort(sizes);
        return sizes[SAMPLE / 2];
    }
}
