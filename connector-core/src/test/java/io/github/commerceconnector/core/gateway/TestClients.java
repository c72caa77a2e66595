package io.github.commerceconnector.core.gateway;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** Builders of clients pointed at a WireMock gateway on 127.0.0.1, HTTP/1.1, with timeouts short enough for tests. */
public final class TestClients {
    /** The sandbox API key id used by the gateway tests. */
    public static final String API_KEY = "sandbox-api-key-1a2b";

    private TestClients() {
    }

    /** Sandbox credentials over the {@code index}-th test key pair. */
    public static ServiceCredentials credentials(int keyIndex) {
        SecretRegistry.value("TestClients API key", API_KEY);
        return ServiceCredentials.of(Environment.SANDBOX, API_KEY, RsaKeys.pkcs8Pem(keyIndex));
    }

    /** The core's in-memory store holding sandbox credentials over the {@code index}-th test key pair. */
    public static CredentialStore store(int keyIndex) {
        CredentialStore store = CredentialStores.inMemory();
        store.put(credentials(keyIndex));
        return store;
    }

    /**
     * A sandbox, non-production client for the gateway at {@code baseUrl}, with key pair 0, a standing clock
     * and a recording sleeper, and 5 s attempt / 20 s call timeouts.
     */
    public static CommerceServicesClient.Builder builder(String baseUrl, CredentialStore store, MutableClock clock,
            RecordingSleeper sleeper) {
        return CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(store)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(URI.create(baseUrl))
                .httpVersion(HttpClient.Version.HTTP_1_1)
                .timeouts(Timeouts.defaults().withConnect(Duration.ofSeconds(2)).withAttempt(Duration.ofSeconds(5))
                        .withCall(Duration.ofSeconds(20)))
                .clock(clock)
                .sleeper(sleeper);
    }
}
