package io.github.commerceconnector.spring.boot;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The connector's settings under {@code commerce.connector}. Keys come from {@code keys.*} (the PEM text or a
 * file), from a credentials file, or else from the {@code COMMERCE_CONNECTOR_<ENVIRONMENT>_*} environment
 * variables. {@link #toString()} never prints a key.
 */
@ConfigurationProperties(prefix = CommerceConnectorProperties.PREFIX)
public class CommerceConnectorProperties {
    /** The prefix of these properties. */
    public static final String PREFIX = "commerce.connector";

    /** The gateway environment, which picks the key pair and the default endpoint. */
    private Environment environment = Environment.SANDBOX;
    /** What kind of installation this is; a non-production one may not write to production data spaces. */
    private Installation installation;
    /** The store's edition. */
    private Edition edition = Edition.ADOBE_COMMERCE;
    /** The gateway base URL, instead of the environment's (tests, proxies, a regional gateway). */
    private URI endpoint;
    /** Where the data space selection and the sync state are kept; in memory when not set. */
    private Path stateDirectory;
    /** Lets a non-production installation use production data spaces; the reason is logged at each use. */
    private String allowProductionDataSpace;
    /** The key pair. */
    private final Keys keys = new Keys();
    /** Catalog sync. */
    private final Sync sync = new Sync();
    /** The health indicator. */
    private final Health health = new Health();

    /**
     * The environment.
     *
     * @return the environment
     */
    public Environment getEnvironment() {
        return environment;
    }

    /**
     * Sets the environment.
     *
     * @param environment the environment
     */
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /**
     * The installation kind.
     *
     * @return the installation, or null when not set
     */
    public Installation getInstallation() {
        return installation;
    }

    /**
     * Sets the installation kind.
     *
     * @param installation the installation
     */
    public void setInstallation(Installation installation) {
        this.installation = installation;
    }

    /**
     * The edition.
     *
     * @return the edition
     */
    public Edition getEdition() {
        return edition;
    }

    /**
     * Sets the edition.
     *
     * @param edition the edition
     */
    public void setEdition(Edition edition) {
        this.edition = edition;
    }

    /**
     * The endpoint.
     *
     * @return the endpoint, or null for the environment's
     */
    public URI getEndpoint() {
        return endpoint;
    }

    /**
     * Sets the endpoint.
     *
     * @param endpoint the endpoint
     */
    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The state directory.
     *
     * @return the directory, or null for memory
     */
    public Path getStateDirectory() {
        return stateDirectory;
    }

    /**
     * Sets the state directory.
     *
     * @param stateDirectory the directory
     */
    public void setStateDirectory(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    /**
     * The reason for allowing production data spaces.
     *
     * @return the reason, or null
     */
    public String getAllowProductionDataSpace() {
        return allowProductionDataSpace;
    }

    /**
     * Sets the reason for allowing production data spaces.
     *
     * @param allowProductionDataSpace the reason
     */
    public void setAllowProductionDataSpace(String allowProductionDataSpace) {
        this.allowProductionDataSpace = allowProductionDataSpace;
    }

    /**
     * The key settings.
     *
     * @return the key settings
     */
    public Keys getKeys() {
        return keys;
    }

    /**
     * The sync settings.
     *
     * @return the sync settings
     */
    public Sync getSync() {
        return sync;
    }

    /**
     * The health settings.
     *
     * @return the health settings
     */
    public Health getHealth() {
        return health;
    }

    /** Names the environment, installation and endpoint; never a key. */
    @Override
    public String toString() {
        return "CommerceConnectorProperties[" + environment + ", " + installation + ", " + endpoint + "]";
    }

    /** The key pair of the environment: the API key id and the private key, as text or in a file. */
    public static class Keys {
        /** The public API key id. */
        private String apiKey;
        /** The PEM private key (e.g. from a secret manager; a literal \n may stand for each newline). */
        private String privateKey;
        /** The path of a PEM private key file, instead of private-key. */
        private Path privateKeyFile;
        /** The passphrase of an encrypted private key. */
        private String passphrase;
        /** A credentials file of CredentialStores.file, holding both environments' keys. */
        private Path credentialsFile;

        /**
         * The API key id.
         *
         * @return the API key id, or null
         */
        public String getApiKey() {
            return apiKey;
        }

        /**
         * Sets the API key id.
         *
         * @param apiKey the API key id
         */
        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        /**
         * The PEM private key.
         *
         * @return the PEM text, or null
         */
        public String getPrivateKey() {
            return privateKey;
        }

        /**
         * Sets the PEM private key.
         *
         * @param privateKey the PEM text
         */
        public void setPrivateKey(String privateKey) {
            this.privateKey = privateKey;
        }

        /**
         * The private key file.
         *
         * @return the file, or null
         */
        public Path getPrivateKeyFile() {
            return privateKeyFile;
        }

        /**
         * Sets the private key file.
         *
         * @param privateKeyFile the file
         */
        public void setPrivateKeyFile(Path privateKeyFile) {
            this.privateKeyFile = privateKeyFile;
        }

        /**
         * The passphrase.
         *
         * @return the passphrase, or null
         */
        public String getPassphrase() {
            return passphrase;
        }

        /**
         * Sets the passphrase.
         *
         * @param passphrase the passphrase
         */
        public void setPassphrase(String passphrase) {
            this.passphrase = passphrase;
        }

        /**
         * The credentials file.
         *
         * @return the file, or null
         */
        public Path getCredentialsFile() {
            return credentialsFile;
        }

        /**
         * Sets the credentials file.
         *
         * @param credentialsFile the file
         */
        public void setCredentialsFile(Path credentialsFile) {
            this.credentialsFile = credentialsFile;
        }

        /** Says which settings are given; never a value. */
        @Override
        public String toString() {
            return "Keys[apiKey " + (apiKey == null ? "unset" : "set") + ", privateKey "
                    + (privateKey == null && privateKeyFile == null ? "unset" : "set") + "]";
        }
    }

    /** How catalog sync batches and paces; unset values keep the connector's defaults. */
    public static class Sync {
        /** Items per request. */
        private Integer batchSize;
        /** Requests in flight at once per catalog call. */
        private Integer maxInFlight;
        /** Requests per second per data space (0: no limit). */
        private Double requestsPerSecond;
        /** How long a call keeps trying while the gateway fails it continuously. */
        private Duration syncDeadline;
        /** Whether request bodies are gzipped. */
        private Boolean gzip;
        /** How long the sync state keeps an accepted delete (zero: forget it once accepted). */
        private Duration deletedRetention;
        /** Whether a blocking call reads its input on the calling thread only (an input tied to that thread). */
        private Boolean readInputOnCallingThread;
        /** Settings of single feeds, by feed name ({@code products}, {@code prices}, ...). */
        private Map<String, FeedSync> feeds = new LinkedHashMap<>();

        /**
         * Items per request.
         *
         * @return the batch size, or null
         */
        public Integer getBatchSize() {
            return batchSize;
        }

        /**
         * Sets the items per request.
         *
         * @param batchSize the batch size
         */
        public void setBatchSize(Integer batchSize) {
            this.batchSize = batchSize;
        }

        /**
         * Requests in flight.
         *
         * @return the number, or null
         */
        public Integer getMaxInFlight() {
            return maxInFlight;
        }

        /**
         * Sets the requests in flight.
         *
         * @param maxInFlight the number
         */
        public void setMaxInFlight(Integer maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        /**
         * Requests per second.
         *
         * @return the rate, or null
         */
        public Double getRequestsPerSecond() {
            return requestsPerSecond;
        }

        /**
         * Sets the requests per second.
         *
         * @param requestsPerSecond the rate
         */
        public void setRequestsPerSecond(Double requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
        }

        /**
         * The sync deadline.
         *
         * @return the deadline, or null
         */
        public Duration getSyncDeadline() {
            return syncDeadline;
        }

        /**
         * Sets the sync deadline.
         *
         * @param syncDeadline the deadline
         */
        public void setSyncDeadline(Duration syncDeadline) {
            this.syncDeadline = syncDeadline;
        }

        /**
         * Whether bodies are gzipped.
         *
         * @return whether, or null
         */
        public Boolean getGzip() {
            return gzip;
        }

        /**
         * Sets whether bodies are gzipped.
         *
         * @param gzip whether
         */
        public void setGzip(Boolean gzip) {
            this.gzip = gzip;
        }

        /**
         * How long the sync state keeps an accepted delete.
         *
         * @return the retention, or null
         */
        public Duration getDeletedRetention() {
            return deletedRetention;
        }

        /**
         * Sets how long the sync state keeps an accepted delete.
         *
         * @param deletedRetention the retention (zero: forget a delete once accepted)
         */
        public void setDeletedRetention(Duration deletedRetention) {
            this.deletedRetention = deletedRetention;
        }

        /**
         * Whether a blocking call reads its input on the calling thread only.
         *
         * @return the setting, or null for the connector's default (its preparing threads read too)
         */
        public Boolean getReadInputOnCallingThread() {
            return readInputOnCallingThread;
        }

        /**
         * Sets whether a blocking call reads its input on the calling thread only: for an input tied to that thread
         * (a thread-bound transaction, thread-local context its iterator needs).
         *
         * @param readInputOnCallingThread whether only the calling thread reads the input
         */
        public void setReadInputOnCallingThread(Boolean readInputOnCallingThread) {
            this.readInputOnCallingThread = readInputOnCallingThread;
        }

        /**
         * Settings of single feeds, by feed name.
         *
         * @return the settings by feed name, never null
         */
        public Map<String, FeedSync> getFeeds() {
            return feeds;
        }

        /**
         * Sets the settings of single feeds.
         *
         * @param feeds the settings by feed name ({@code products}, {@code prices}, ...)
         */
        public void setFeeds(Map<String, FeedSync> feeds) {
            this.feeds = feeds == null ? new LinkedHashMap<>() : feeds;
        }
    }

    /**
     * The settings of one feed over the client-wide ones (the exporter's {@code --batch-size} and
     * {@code --thread-count} per feed); unset values keep the client-wide setting.
     */
    public static class FeedSync {
        /** Items per request of this feed. */
        private Integer batchSize;
        /** Largest uncompressed request body of this feed, in bytes. */
        private Integer maxBatchBytes;
        /** Requests of this feed in flight at once per catalog call. */
        private Integer maxInFlight;
        /** The route this feed is sent to instead of its own (an assumed route corrected). */
        private String route;

        /**
         * Items per request of this feed.
         *
         * @return the batch size, or null
         */
        public Integer getBatchSize() {
            return batchSize;
        }

        /**
         * Sets the items per request of this feed.
         *
         * @param batchSize the batch size
         */
        public void setBatchSize(Integer batchSize) {
            this.batchSize = batchSize;
        }

        /**
         * Largest uncompressed request body of this feed.
         *
         * @return the bytes, or null
         */
        public Integer getMaxBatchBytes() {
            return maxBatchBytes;
        }

        /**
         * Sets the largest uncompressed request body of this feed.
         *
         * @param maxBatchBytes the bytes
         */
        public void setMaxBatchBytes(Integer maxBatchBytes) {
            this.maxBatchBytes = maxBatchBytes;
        }

        /**
         * Requests of this feed in flight.
         *
         * @return the number, or null
         */
        public Integer getMaxInFlight() {
            return maxInFlight;
        }

        /**
         * Sets the requests of this feed in flight.
         *
         * @param maxInFlight the number
         */
        public void setMaxInFlight(Integer maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        /**
         * The route this feed is sent to.
         *
         * @return the route, or null for the feed's own
         */
        public String getRoute() {
            return route;
        }

        /**
         * Sets the route this feed is sent to.
         *
         * @param route a relative path such as {@code feeds/catalog/v1/product-overrides}
         */
        public void setRoute(String route) {
            this.route = route;
        }
    }

    /**
     * The health indicator ({@code management.health.commerce-connector.enabled} turns it off). Its check asks the
     * gateway, so a result is reused for {@code cache-ttl}, one check runs at a time (probes meanwhile get the last
     * result) and a probe waits for a check at most {@code timeout}.
     */
    public static class Health {
        /** The Commerce Service whose readiness the health indicator reports. */
        private CommerceService service = CommerceService.PRODUCT_RECOMMENDATIONS;
        /** How long a health result is reused before a probe asks the gateway again; 0 asks at every probe. */
        private Duration cacheTtl = CommerceConnectorHealthIndicator.DEFAULT_CACHE_TTL;
        /** How long a probe waits for the gateway; past it, the probe reports the last result, or unknown. */
        private Duration timeout = CommerceConnectorHealthIndicator.DEFAULT_TIMEOUT;

        /**
         * The service checked.
         *
         * @return the service
         */
        public CommerceService getService() {
            return service;
        }

        /**
         * Sets the service checked.
         *
         * @param service the service
         */
        public void setService(CommerceService service) {
            this.service = service;
        }

        /**
         * How long a result is reused.
         *
         * @return the time; zero for no reuse
         */
        public Duration getCacheTtl() {
            return cacheTtl;
        }

        /**
         * Sets how long a result is reused.
         *
         * @param cacheTtl the time, zero for no reuse
         */
        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        /**
         * How long a probe waits for the gateway.
         *
         * @return the time
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets how long a probe waits for the gateway.
         *
         * @param timeout the time
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
