package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.auth.JwtClaimSet;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.internal.auth.JwtAuthenticator;
import io.github.commerceconnector.core.internal.keys.PemKeyParser;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test rig of one scenario: an in-process fake gateway on loopback with one project, a registered
 * RSA-2048 key, and SDK clients pointed at it. Each client signs with the SDK's own {@link JwtAuthenticator},
 * built exactly as the client builds it by default, except that its key reader counts how often it is asked
 * for the key: the authenticator reads the key once per signature, so the count is the number of RSA
 * signatures.
 */
final class BenchRig implements AutoCloseable {
    private final FakeGateway gateway;
    private final SaasProject project;
    private final TestKeyPair keys;
    private final ServiceCredentials credentials;
    private final CredentialStore store = CredentialStores.inMemory();
    private final AtomicLong signatures = new AtomicLong();

    private BenchRig(FakeGateway gateway) {
        this.gateway = gateway;
        this.project = gateway.services().addProject("Bench");
        this.keys = BenchKeys.rsa();
        ApiKey apiKey = BenchKeys.apiKey();
        gateway.registerKey(apiKey, keys.publicKey());
        this.credentials = keys.credentials(Environment.SANDBOX, apiKey);
        store.put(credentials);
    }

    /**
     * Starts a rig.
     *
     * @param sink      whether the gateway only checks the signature and reads the body of feed requests; a
     *                  gateway that reads the items also holds them against the exporter's schema
     * @param rateLimit the gateway's feed requests per second per data space; 0 for none
     */
    static BenchRig start(boolean sink, double rateLimit) {
        return new BenchRig(FakeGateway.builder().sink(sink).checkSchema(!sink).rateLimit(rateLimit).start());
    }

    /** The gateway. */
    FakeGateway gateway() {
        return gateway;
    }

    /** The key pair registered with the gateway (the baseline signs with its private half). */
    TestKeyPair keys() {
        return keys;
    }

    /** The API key id the gateway knows the key pair by. */
    String apiKey() {
        return credentials.apiKey().value();
    }

    /** The id of the project's testing data space number {@code index} (0 or 1). */
    String dataSpaceId(int index) {
        return project.testingDataSpaces().get(index).id();
    }

    /** RSA signatures made by the SDK clients of this rig so far. */
    long signatures() {
        return signatures.get();
    }

    /**
     * An SDK client with these catalog settings, its state under a directory, that has selected a testing data
     * space. Everything else is the SDK's default.
     */
    CommerceServicesClient client(Path stateDirectory, CatalogSyncSettings settings, int dataSpace) {
        JwtAuthenticator authenticator = new JwtAuthenticator(store, Environment.SANDBOX, current -> {
            signatures.incrementAndGet();
            return PemKeyParser.parsePrivateKey(current.privateKey(), current.passphrase());
        }, JwtClaimSet.defaults(), Clock.systemUTC());
        CommerceServicesClient client = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(store)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(gateway.baseUri())
                .stateDirectory(stateDirectory)
                .catalogSync(settings)
                .authenticator(authenticator)
                .build();
        client.dataSpaces().select(project.id(), dataSpaceId(dataSpace));
        return client;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
