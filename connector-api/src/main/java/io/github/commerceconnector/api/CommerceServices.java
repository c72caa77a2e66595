package io.github.commerceconnector.api;

import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.SaasProjectClient;
import java.net.URI;
import java.nio.file.Path;

/**
 * The connector: one environment's view of Commerce Services, with the four clients a store needs.
 * Built by {@code io.github.commerceconnector.core.CommerceServicesClient.builder()} in
 * {@code connector-core}, or faked by {@code FakeCommerceServices} in {@code connector-testkit}.
 *
 * <pre>{@code
 * try (CommerceServices services = CommerceServicesClient.builder()
 *         .environment(Environment.SANDBOX)
 *         .credentials(store)
 *         .installation(Installation.NON_PRODUCTION)
 *         .build()) {
 *     services.projects().list();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it to release connections and the sync state files.
 */
public interface CommerceServices extends AutoCloseable {

    /** The environment this instance signs for and talks to. */
    Environment environment();

    /** The installation kind, which drives the data-space guard. */
    Installation installation();

    /** The key store; {@link CredentialStore#validate} here asks the gateway. */
    CredentialStore credentials();

    /** SaaS projects. */
    SaasProjectClient projects();

    /** Data spaces and the saved selection. */
    DataSpaceClient dataSpaces();

    /** Catalog sync into the selected data space. */
    CatalogSyncClient catalog();

    /**
     * Whether a Commerce Service can work for this store, and if not, why and what to do next. Changes
     * nothing.
     */
    Readiness readiness(CommerceService service);

    /** Releases connections, threads and state files. Idempotent. */
    @Override
    void close();

    /**
     * The settings every implementation's builder accepts. Implementations add their own (transport,
     * timeouts, retries).
     *
     * @param <B> the concrete builder type
     */
    interface Builder<B extends Builder<B>> {

        /** The environment: picks the key pair and the default gateway. Required. */
        B environment(Environment environment);

        /** Where the keys come from. Required. */
        B credentials(CredentialStore credentialStore);

        /** The installation kind; drives the data-space guard. Required: there is no safe default. */
        B installation(Installation installation);

        /** The store's edition; defaults to {@link Edition#ADOBE_COMMERCE}. */
        B edition(Edition edition);

        /** Overrides the gateway base URL (tests, proxies, a regional gateway). */
        B endpoint(URI endpoint);

        /** Where the selection and the sync state are kept; optional (in memory when absent). */
        B stateDirectory(Path directory);

        /**
         * Lets a {@link Installation#NON_PRODUCTION} installation use production data spaces. Every use
         * is logged at WARN with the reason. For the rare legitimate case only.
         *
         * @param reason why, kept in the log; must not be blank
         */
        B allowProductionDataSpace(String reason);

        /**
         * Builds the client, checking the whole configuration now.
         *
         * @throws io.github.commerceconnector.api.exception.ConfigurationException naming what is
         *     missing or wrong
         */
        CommerceServices build();
    }
}
