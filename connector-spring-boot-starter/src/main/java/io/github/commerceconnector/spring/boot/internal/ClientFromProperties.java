package io.github.commerceconnector.spring.boot.internal;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.spring.boot.CommerceConnectorProperties;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
        if (sync.getDeletedRetention() != null) {
            settings = settings.withDeletedRetention(sync.getDeletedRetention());
        }
        if (sync.getReadInputOnCallingThread() != null) {
            settings = settings.withReadInputOnCallingThread(sync.getReadInputOnCallingThread());
        }
        for (Map.Entry<String, CommerceConnectorProperties.FeedSync> entry : sync.getFeeds().entrySet()) {
            settings = feed(settings, feedNamed(entry.getKey()), entry.getValue());
        }
        return settings;
    }

    private static CatalogSyncSettings feed(CatalogSyncSettings settings, Feed feed,
            CommerceConnectorProperties.FeedSync given) {
        CatalogSyncSettings result = settings;
        if (given.getBatchSize() != null) {
            result = result.withBatchSize(feed, given.getBatchSize());
        }
        if (given.getMaxBatchBytes() != null) {
            result = result.withMaxBatchBytes(feed, given.getMaxBatchBytes());
        }
        if (given.getMaxInFlight() != null) {
            result = result.withMaxInFlight(feed, given.getMaxInFlight());
        }
        if (given.getRoute() != null) {
            result = result.withRoute(feed, given.getRoute());
        }
        return result;
    }

    /** The built-in feed of a property key, matched as Spring relaxes names ({@code product-overrides} too). */
    private static Feed feedNamed(String key) {
        String wanted = relaxed(key);
        for (Feed feed : Feed.builtIn()) {
            if (relaxed(feed.name()).equals(wanted)) {
                return feed;
            }
        }
        throw new InvalidConfigurationPropertyValueException(CommerceConnectorProperties.PREFIX + ".sync.feeds", key,
                "it names no built-in feed: give one of "
                        + Feed.builtIn().stream().map(Feed::name).collect(Collectors.joining(", ")));
    }

    private static String relaxed(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
