package io.github.commerceconnector.spring.boot.internal;

import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.spring.boot.CommerceConnectorProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Builds the client the properties describe. */
public final class ClientFromProperties {

    private ClientFromProperties() {
    }

    /**
     * Builds the client.
     *
     * @param properties  the connector's properties
     * @param credentials the key store
     * @param observer    told of requests and catalog calls
     * @return the client
     * @throws InvalidConfigurationPropertyValueException when the installation is not set
     */
    public static CommerceServicesClient build(CommerceConnectorProperties properties, CredentialStore credentials,
            ConnectorObserver observer) {
        if (properties.getInstallation() == null) {
            throw new InvalidConfigurationPropertyValueException(CommerceConnectorProperties.PREFIX + ".installation",
                    null, "it is required, with no default: set it to production or non-production");
        }
        CommerceServicesClient.Builder builder = CommerceServicesClient.builder()
                .environment(properties.getEnvironment())
                .installation(properties.getInstallation())
                .edition(properties.getEdition())
                .credentials(credentials)
                .catalogSync(sync(properties.getSync()))
                .observer(observer);
        if (properties.getEndpoint() != null) {
            builder.endpoint(properties.getEndpoint());
        }
        if (properties.getStateDirectory() != null) {
            builder.stateDirectory(properties.getStateDirectory());
        }
        if (properties.getAllowProductionDataSpace() != null) {
            builder.allowProductionDataSpace(properties.getAllowProductionDataSpace());
        }
        return builder.build();
    }

    private static CatalogSyncSettings sync(CommerceConnectorProperties.Sync sync) {
        CatalogSyncSettings settings = CatalogSyncSettings.defaults();
        if (sync.getBatchSize() != null) {
            settings = settings.withBatchSize(sync.getBatchSize());
        }
        if (sync.getMaxInFlight() != null) {
            settings = settings.withMaxInFlight(sync.getMaxInFlight());
        }
        if (sync.getRequestsPerSecond() != null) {
            settings = settings.withRequestsPerSecond(sync.getRequestsPerSecond());
        }
        if (sync.getSyncDeadline() != null) {
            settings = settings.withSyncDeadline(sync.getSyncDeadline());
        }
        if (sync.getGzip() != null) {
            settings = settings.withGzip(sync.getGzip(), settings.gzipLevel());
        }
        return settings;
    }
}
