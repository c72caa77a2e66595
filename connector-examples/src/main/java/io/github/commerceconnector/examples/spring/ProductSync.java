package io.github.commerceconnector.examples.spring;

import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** Syncs the store's products through the auto-configured {@link CatalogSyncClient}. */
@Service
public class ProductSync {
    private final CatalogSyncClient catalog;

    /**
     * The service.
     *
     * @param catalog the starter's catalog client
     */
    public ProductSync(CatalogSyncClient catalog) {
        this.catalog = catalog;
    }

    /**
     * Sends the whole catalog of products: what changed since the last sync, and deletes for what disappeared.
     *
     * @param products every product of the store, read lazily
     * @return what the sync did
     */
    public SyncReport syncProducts(Stream<Product> products) {
        return catalog.sync(Feed.PRODUCTS, products);
    }
}
