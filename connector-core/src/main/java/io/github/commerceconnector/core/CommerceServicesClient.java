package io.github.commerceconnector.core;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ImsCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.SaasProjectClient;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.core.auth.Authenticator;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.core.auth.JwtClaimSet;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.internal.ClientParts;
import io.github.commerceconnector.core.internal.catalog.CatalogParts;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connector over HTTP: the default {@link CommerceServices}, talking to the Commerce Services gateway of
 * one {@link Environment} with that environment's keys.
 *
 * <pre>{@code
 * try (CommerceServices services = CommerceServicesClient.builder()
 *         .environment(Environment.SANDBOX)
 *         .credentials(CredentialStores.fromEnvironment())
 *         .installation(Installation.NON_PRODUCTION)
 *         .stateDirectory(Path.of("var/connector"))
 *         .build()) {
 *     services.projects().list();
 * }
 * }</pre>
 *
 * <p>Thread-safe; build one per environment and share it. {@link #close()} releases the HTTP connections
 * (of the default transport; a transport given to the builder, or the transport of a {@link
 * CommerceServicesRuntime} given with {@link Builder#runtime}, stays open for its owner to close). For many
 * merchants in one process, build their clients on one {@link CommerceServicesRuntime}.
 */
public final class CommerceServicesClient implements CommerceServices {
    private final ClientParts parts;
    private final CatalogParts catalog;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CommerceServicesClient(ClientParts parts, CatalogParts catalog) {
        this.parts = parts;
        this.catalog = catalog;
    }

    /** A builder; {@code environment}, {@code credentials} and {@code installation} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Environment environment() {
        return parts.context().environment();
    }

    @Override
    public Installation installation() {
        return parts.context().installation();
    }

    /** The store given to the builder; {@link CredentialStore#validate} here asks the gateway's key check. */
    @Override
    public CredentialStore credentials() {
        return parts.credentials();
    }

    @Override
    public SaasProjectClient projects() {
        return parts.projects();
    }

    @Override
    public DataSpaceClient dataSpaces() {
        return parts.context().dataSpaces();
    }

    /**
     * Catalog sync into the selected data space; its state is kept under {@code <stateDirectory>/catalog}
     * (in memory without a state directory).
     */
    @Override
    public CatalogSyncClient catalog() {
        return catalog.client();
    }

    /**
     * Whether a Commerce Service can work for this store: edition, keys (and the gateway's key check), the
     * selected data space and its feature set, the data-space guard and, for services built on catalog sync,
     * a complete sync of the products feed. Changes nothing.
     */
    @Override
    public Readiness readiness(CommerceService service) {
        return catalog.readiness(Objects.requireNonNull(service, "service"));
    }

    /**
     * Releases the default transport's connections and threads, stops listening for key changes and tells the
     * observer ({@link ConnectorObserver#clientClosed()}). Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            catalog.close();
            parts.close();
            parts.context().observer().clientClosed();
        }
    }

    /** Names the environment, installation and gateway; never a key. */
    @Override
    public String toString() {
        return "CommerceServicesClient[" + environment().wireName() + ", " + installation().configName() + ", "
                + parts.endpoint() + "]";
    }

    /**
     * Configures a {@link CommerceServicesClient}. Setters only record; {@link #build()} checks the whole
     * configuration at once and reports every problem in one {@link ConfigurationException}.
     */
    public static final class Builder implements CommerceServices.Builder<Builder> {
        private final ClientParts.Settings settings = new ClientParts.Settings();

        private Builder() {
        }

        /** The environment: picks the key pair and the default gateway. Required. */
        @Override
        public Builder environment(Environment environment) {
            settings.environment = environment;
            return this;
        }

        /** Where the keys come from, e.g. {@code CredentialStores.fromEnvironment()}. Required. */
        @Override
        public Builder credentials(CredentialStore credentialStore) {
            settings.credentials = credentialStore;
            return this;
        }

        /** The installation kind, which drives the data-space guard. Required: there is no safe default. */
        @Override
        public Builder installation(Installation installation) {
            settings.installation = installation;
            return this;
        }

        /** The store's edition; defaults to {@link Edition#ADOBE_COMMERCE}. */
        @Override
        public Builder edition(Edition edition) {
            settings.edition = edition;
            return this;
        }

        /**
         * Overrides the gateway base URL (tests, proxies, a regional gateway); defaults to the environment's
         * {@link Environment#defaultEndpoint()}. Must be an absolute {@code http} or {@code https} URL without
         * user info, query or fragment.
         */
        @Override
        public Builder endpoint(URI endpoint) {
            settings.endpoint = endpoint;
            return this;
        }

        /**
         * Where the selection ({@code saas-identity.json}) and the sync state are kept; created if missing and
         * checked for writing at build time. Optional: without it the selection lives in memory only.
         */
        @Override
        public Builder stateDirectory(Path directory) {
            settings.stateDirectory = directory;
            return this;
        }

        /**
         * Lets a {@link Installation#NON_PRODUCTION} installation select, sync to and clean up production data
         * spaces. Every such use is logged at WARN with the reason.
         *
         * @param reason why, kept in the log; must not be blank
         */
        @Override
        public Builder allowProductionDataSpace(String reason) {
            settings.productionOverride = reason == null ? "" : reason;
            return this;
        }

        /**
         * A transport of your own instead of the default one (see {@link #httpVersion}). It is not closed by
         * {@link CommerceServicesClient#close()}; {@link #proxy}, {@link #httpVersion} and the connect timeout
         * do not apply to it.
         */
        public Builder httpTransport(HttpTransport transport) {
            settings.transport = transport;
            return this;
        }

        /** The proxy of the default transport; defaults to the system's {@link ProxySelector#getDefault()}. */
        public Builder proxy(ProxySelector proxy) {
            settings.proxy = proxy;
            return this;
        }

        /**
         * The HTTP version, which picks the default transport. {@link HttpClient.Version#HTTP_1_1}, the default:
         * the JDK's blocking {@code HttpURLConnection}, which costs about a fifth of the CPU per request of the
         * JDK {@code HttpClient} (one watchdog thread keeps the whole-call deadlines; {@code PATCH} requests go
         * through an {@code HttpClient} made on first use). {@link HttpClient.Version#HTTP_2}: the JDK {@code
         * HttpClient}, HTTP/2 where the server offers it, HTTP/1.1 where not. A client on a {@link
         * CommerceServicesRuntime} uses the runtime's {@code HttpClient} either way.
         */
        public Builder httpVersion(HttpClient.Version version) {
            settings.httpVersion = version;
            return this;
        }

        /** Connect, per-attempt and whole-call timeouts; defaults to {@link Timeouts#defaults()}. */
        public Builder timeouts(Timeouts timeouts) {
            settings.timeouts = timeouts;
            return this;
        }

        /** Retry and backoff settings; defaults to {@link RetrySettings#defaults()}. */
        public Builder retry(RetrySettings retry) {
            settings.retry = retry;
            return this;
        }

        /** Circuit breaker settings, one breaker per gateway endpoint; defaults to {@link CircuitBreakerSettings#defaults()}. */
        public Builder circuitBreaker(CircuitBreakerSettings breaker) {
            settings.breaker = breaker;
            return this;
        }

        /** The clock for token lifetimes, deadlines and the circuit breaker; defaults to the system UTC clock. */
        public Builder clock(Clock clock) {
            settings.clock = clock;
            return this;
        }

        /** What waits between retries; defaults to {@link Sleeper#SYSTEM}. Tests inject one that returns at once. */
        public Builder sleeper(Sleeper sleeper) {
            settings.sleeper = sleeper;
            return this;
        }

        /** The fixed claims of the gateway JWT; defaults to {@link JwtClaimSet#defaults()}. JWT mode only. */
        public Builder jwtClaims(JwtClaimSet claims) {
            settings.jwtClaims = claims;
            return this;
        }

        /**
         * Authenticates with an Adobe IMS technical account (OAuth server-to-server) instead of the key pair's
         * JWT. The credential store is still required, for the key check and key management.
         */
        public Builder imsCredentials(ImsCredentials credentials) {
            settings.imsCredentials = credentials;
            return this;
        }

        /** Overrides the IMS token URL ({@code https://ims-na1.adobelogin.com/ims/token/v2}). IMS mode only. */
        public Builder imsTokenEndpoint(URI tokenEndpoint) {
            settings.imsTokenEndpoint = tokenEndpoint;
            return this;
        }

        /** How catalog sync batches, paces and validates; defaults to {@link CatalogSyncSettings#defaults()}. */
        public Builder catalogSync(CatalogSyncSettings catalogSettings) {
            settings.catalogSync = catalogSettings;
            return this;
        }

        /**
         * Where catalog sync keeps what it sent; defaults to a {@link FileSyncStateStore} under
         * {@code <stateDirectory>/catalog}, or memory without a state directory. For state shared by many
         * workers, give {@code JdbcSyncStateStore.create(dataSource)} of {@code connector-jdbc}. The client does
         * not close the store.
         */
        public Builder syncStateStore(SyncStateStore store) {
            settings.syncStateStore = store;
            return this;
        }

        /**
         * Where the selection (project and data space) is kept; defaults to {@code saas-identity.json} in the
         * state directory, or memory without a state directory. Give one to keep it elsewhere, e.g. in
         * PostgreSQL with {@code connector-jdbc}'s {@code JdbcSelectionStore}, so that every worker of an
         * installation shares it. The store is read once at build time and written at every change of the
         * selection; the client does not close it.
         */
        public Builder selectionStore(SelectionStore store) {
            settings.selectionStore = store;
            return this;
        }

        /**
         * Told of every gateway request, every catalog call and the live state of the rate limiters and circuit
         * breakers, e.g. {@code MicrometerConnectorObserver} of {@code connector-micrometer}. Optional.
         */
        public Builder observer(ConnectorObserver observer) {
            settings.observer = observer;
            return this;
        }

        /**
         * Runs this client on a shared runtime: its requests go through the runtime's one transport, its catalog
         * calls prepare items and send requests on the runtime's bounded pools, and requests waiting for their
         * data space's pace hold no thread. The client keeps its own rate limiters and circuit breakers, and
         * {@link CommerceServicesClient#close()} does not close the runtime. Without it (the default) the client
         * has its own transport and each catalog call its own threads. Excludes {@link #httpTransport},
         * {@link #proxy} and {@link #httpVersion}, which belong to the runtime's builder.
         *
         * @param runtime an open runtime, closed by its owner after the clients on it
         * @return this builder
         */
        public Builder runtime(CommerceServicesRuntime runtime) {
            settings.runtime = runtime == null ? null : runtime.resources();
            return this;
        }

        /** An authenticator of your own, replacing both built-in modes. */
        public Builder authenticator(Authenticator authenticator) {
            settings.authenticator = authenticator;
            return this;
        }

        /**
         * Builds the client, checking the whole configuration now.
         *
         * @throws ConfigurationException listing everything that is missing or wrong
         */
        @Override
        public CommerceServicesClient build() {
            ClientParts parts = ClientParts.assemble(settings);
            try {
                return new CommerceServicesClient(parts, CatalogParts.create(parts.context(), settings.catalogSync,
                        settings.syncStateStore, parts.credentials(), settings.runtime));
            } catch (RuntimeException failed) {
                parts.close();
                throw failed;
            }
        }
    }
}
