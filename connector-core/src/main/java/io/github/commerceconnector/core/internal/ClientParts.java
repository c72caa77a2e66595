package io.github.commerceconnector.core.internal;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ImsCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.core.auth.Authenticator;
import io.github.commerceconnector.core.auth.JwtClaimSet;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.internal.auth.ImsAuthenticator;
import io.github.commerceconnector.core.internal.auth.JwtAuthenticator;
import io.github.commerceconnector.core.internal.guard.DataSpaceGuard;
import io.github.commerceconnector.core.internal.http.Backoff;
import io.github.commerceconnector.core.internal.runtime.RuntimeResources;
import io.github.commerceconnector.core.internal.http.GatewayErrors;
import io.github.commerceconnector.core.internal.http.GatewaySettings;
import io.github.commerceconnector.core.internal.http.HttpGatewayCaller;
import io.github.commerceconnector.core.internal.http.JdkHttpTransport;
import io.github.commerceconnector.core.internal.http.UserAgent;
import io.github.commerceconnector.core.internal.keys.PemKeyParser;
import io.github.commerceconnector.core.internal.registry.DataSpaceDirectory;
import io.github.commerceconnector.core.internal.registry.FileSelectionStore;
import io.github.commerceconnector.core.internal.registry.HttpDataSpaceClient;
import io.github.commerceconnector.core.internal.registry.HttpSaasProjectClient;
import io.github.commerceconnector.core.internal.registry.KeyCheckingCredentialStore;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one built client, wired together from the builder's {@link Settings}, and what closing the client
 * releases. {@link #assemble} checks the whole configuration first and reports every problem at once.
 *
 * @param context     what the parts share (caller, guard, data spaces, state directory, time)
 * @param credentials the user's store behind the gateway key check
 * @param projects    the project client
 * @param endpoint    the gateway base URL in use
 * @param closeables  released by {@link #close()}, in order
 */
public record ClientParts(ClientContext context, CredentialStore credentials, HttpSaasProjectClient projects,
        URI endpoint, List<AutoCloseable> closeables) {
    private static final Logger LOG = LoggerFactory.getLogger(ClientParts.class);

    /**
     * Builds the parts.
     *
     * @throws ConfigurationException listing every problem of the settings
     */
    public static ClientParts assemble(Settings settings) {
        ValidSettings valid = ValidSettings.check(settings);
        List<AutoCloseable> closeables = new ArrayList<>();
        HttpTransport transport = valid.transport();
        if (settings.transport == null && settings.runtime == null) {
            closeables.add(transport);
        }
        try {
            return wire(settings, valid, transport, closeables);
        } catch (RuntimeException failed) {
            closeAll(closeables);
            throw failed;
        }
    }

    private static ClientParts wire(Settings settings, ValidSettings valid, HttpTransport transport,
            List<AutoCloseable> closeables) {
        Clock clock = settings.clock == null ? Clock.systemUTC() : settings.clock;
        Sleeper sleeper = settings.sleeper == null ? Sleeper.SYSTEM : settings.sleeper;
        Timeouts timeouts = valid.timeouts();
        RetrySettings retry = settings.retry == null ? RetrySettings.defaults() : settings.retry;
        String userAgent = UserAgent.value();
        Authenticator authenticator;
        String advice;
        if (settings.authenticator != null) {
            authenticator = settings.authenticator;
            advice = "check the headers the configured Authenticator sends.";
        } else if (settings.imsCredentials != null) {
            authenticator = new ImsAuthenticator(settings.imsCredentials, valid.imsTokenEndpoint(), transport,
                    timeouts.attempt(), userAgent, clock);
            advice = "check that the IMS technical account (client id, organization, scopes) is entitled to "
                    + "Commerce Services.";
        } else {
            JwtAuthenticator jwt = new JwtAuthenticator(settings.credentials, settings.environment,
                    credentials -> PemKeyParser.parsePrivateKey(credentials.privateKey(), credentials.passphrase()),
                    settings.jwtClaims == null ? JwtClaimSet.defaults() : settings.jwtClaims, clock);
            closeables.add(0, jwt);
            authenticator = jwt;
            advice = GatewayErrors.KEY_PAIR_ADVICE;
        }
        GatewaySettings gateway = new GatewaySettings(valid.endpoint(), userAgent, timeouts, retry,
                settings.breaker == null ? CircuitBreakerSettings.defaults() : settings.breaker);
        ConnectorObserver observer = GuardedObserver.of(settings.observer);
        HttpGatewayCaller caller = new HttpGatewayCaller(gateway, transport, authenticator,
                new GatewayErrors(settings.environment, advice), clock, sleeper, observer);
        closeables.add(0, caller::close);
        DataSpaceDirectory directory = new DataSpaceDirectory();
        HttpSaasProjectClient projects = new HttpSaasProjectClient(caller, directory, retry.maxAttempts(),
                new Backoff(retry), sleeper);
        DataSpaceGuard guard = new DataSpaceGuard(settings.installation, settings.productionOverride);
        SelectionStore store = settings.selectionStore != null ? settings.selectionStore
                : valid.stateDirectory().<SelectionStore>map(FileSelectionStore::new)
                        .orElseGet(SelectionStore::inMemory);
        HttpDataSpaceClient dataSpaces = new HttpDataSpaceClient(caller, projects, directory, guard, store);
        ClientContext context = new ClientContext(settings.environment, settings.installation,
                settings.edition == null ? Edition.ADOBE_COMMERCE : settings.edition, caller, guard, dataSpaces,
                valid.stateDirectory(), retry, clock, sleeper, observer);
        return new ClientParts(context, new KeyCheckingCredentialStore(settings.credentials, settings.environment,
                caller), projects, valid.endpoint(), List.copyOf(closeables));
    }

    /** Releases everything, continuing past failures; idempotent parts only. */
    public void close() {
        closeAll(closeables);
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception failed) {
                LOG.warn("Releasing {} failed: {}", closeable.getClass().getSimpleName(), failed.toString());
            }
        }
    }

    /**
     * The builder's raw settings, as given; {@code null} means not given. Checked by {@link #assemble}.
     */
    public static final class Settings {
        /** See {@code Builder.environment}. */
        public Environment environment;
        /** See {@code Builder.credentials}. */
        public CredentialStore credentials;
        /** See {@code Builder.installation}. */
        public Installation installation;
        /** See {@code Builder.edition}. */
        public Edition edition;
        /** See {@code Builder.endpoint}. */
        public URI endpoint;
        /** See {@code Builder.stateDirectory}. */
        public Path stateDirectory;
        /** See {@code Builder.allowProductionDataSpace}; null when not given. */
        public String productionOverride;
        /** See {@code Builder.httpTransport}. */
        public HttpTransport transport;
        /** See {@code Builder.proxy}. */
        public ProxySelector proxy;
        /** See {@code Builder.httpVersion}. */
        public HttpClient.Version httpVersion;
        /** See {@code Builder.timeouts}. */
        public Timeouts timeouts;
        /** See {@code Builder.retry}. */
        public RetrySettings retry;
        /** See {@code Builder.circuitBreaker}. */
        public CircuitBreakerSettings breaker;
        /** See {@code Builder.clock}. */
        public Clock clock;
        /** See {@code Builder.sleeper}. */
        public Sleeper sleeper;
        /** See {@code Builder.jwtClaims}. */
        public JwtClaimSet jwtClaims;
        /** See {@code Builder.imsCredentials}. */
        public ImsCredentials imsCredentials;
        /** See {@code Builder.imsTokenEndpoint}. */
        public URI imsTokenEndpoint;
        /** See {@code Builder.authenticator}. */
        public Authenticator authenticator;
        /** See {@code Builder.catalogSync}. */
        public CatalogSyncSettings catalogSync;
        /** See {@code Builder.observer}; null for none. */
        public ConnectorObserver observer;
        /** See {@code Builder.syncStateStore}. */
        public SyncStateStore syncStateStore;
        /** See {@code Builder.selectionStore}. */
        public SelectionStore selectionStore;
        /** See {@code Builder.runtime}; null for the client's own threads and transport. */
        public RuntimeResources runtime;
    }
}
