package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.internal.http.JdkHttpTransport;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Key rotation under load: eight threads call the registry through one client while the sandbox key pair is
 * replaced every 100 ms. The fake gateway knows every pair. Every request on the wire carries the API key and a
 * signature of one and the same pair, and no request begun after a rotation finished uses an older pair.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeyRotationTest {
    private static final int THREADS = 8;
    private static final int ROTATIONS = 25;
    private static final Duration EVERY = Duration.ofMillis(100);

    /** The generation published when the current thread's call began (read by the transport, on that thread). */
    private final ThreadLocal<Integer> generationAtStart = new ThreadLocal<>();
    private final AtomicInteger published = new AtomicInteger();
    private final Map<String, Integer> generationOfApiKey = new ConcurrentHashMap<>();
    private final List<RSAPublicKey> publicKeys = new ArrayList<>();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    /** One request on the wire: its headers' key and signature, and the generation when its call began. */
    private record Sent(String apiKey, String jwt, int generationAtStart) {
    }

    /** The default transport, noting what each attempt carries. */
    private final class RecordingTransport implements HttpTransport {
        private final JdkHttpTransport delegate = new JdkHttpTransport(Duration.ofSeconds(2), null,
                HttpClient.Version.HTTP_1_1);

        @Override
        public TransportResponse send(TransportRequest request, Duration deadline) throws IOException {
            sent.add(new Sent(request.header("x-api-key"), request.header("x-gw-signature"),
                    generationAtStart.get()));
            return delegate.send(request, deadline);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void everyRequestIsSignedByOnePairAndNoneBegunAfterARotationUsesAnOlderPair() throws Exception {
        List<ServiceCredentials> generations = new ArrayList<>();
        for (int g = 0; g <= ROTATIONS; g++) {
            TestKeyPair pair = TestKeys.rsa();
            ApiKey apiKey = ApiKey.of("rotation-key-" + g + "-" + TestKeys.apiKey().lastFour());
            ServiceCredentials credentials = pair.credentials(Environment.SANDBOX, apiKey);
            SecretRegistry.credentials("rotation generation " + g, credentials);
            generations.add(credentials);
            publicKeys.add(pair.publicKey());
            generationOfApiKey.put(apiKey.value(), g);
        }
        CredentialStore store = CredentialStores.inMemory();
        store.put(generations.get(0));
        RecordingTransport transport = new RecordingTransport();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
        try (FakeCommerceServices account = FakeCommerceServices.create();
                FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit().start();
                CommerceServicesClient client = CommerceServicesClient.builder()
                        .environment(Environment.SANDBOX)
                        .credentials(store)
                        .installation(Installation.NON_PRODUCTION)
                        .endpoint(gateway.baseUri())
                        .httpTransport(transport)
                        .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20)))
                        .build()) {
            account.addProject("Shop");
            for (int g = 0; g <= ROTATIONS; g++) {
                gateway.registerKey(generations.get(g).apiKey(), publicKeys.get(g));
            }
            AtomicBoolean rotating = new AtomicBoolean(true);
            List<Future<Integer>> callers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                callers.add(threads.submit(() -> {
                    int calls = 0;
                    while (rotating.get()) {
                        generationAtStart.set(published.get());
                        assertEquals(1, client.projects().list().size());
                        calls++;
                    }
                    return calls;
                }));
            }
            threads.submit(() -> {
                for (int g = 1; g <= ROTATIONS; g++) {
                    Thread.sleep(EVERY.toMillis());
                    store.put(generations.get(g));
                    published.set(g);
                }
                Thread.sleep(EVERY.toMillis());
                rotating.set(false);
                return null;
            }).get(30, TimeUnit.SECONDS);
            int calls = 0;
            for (Future<Integer> caller : callers) {
                calls += caller.get(30, TimeUnit.SECONDS);
            }

            assertTrue(calls > THREADS * ROTATIONS, "calls made: " + calls);
            assertEquals(calls, sent.size(), "one request per call, none failed");
            List<String> wrong = new ArrayList<>();
            for (Sent request : sent) {
                int generation = generationOfApiKey.get(request.apiKey());
                if (!verifies(request.jwt(), generation)) {
                    wrong.add("API key of generation " + generation + " with a signature of another pair");
                }
                if (generation < request.generationAtStart()) {
                    wrong.add("generation " + generation + " used by a call begun after rotation "
                            + request.generationAtStart());
                }
            }
            assertEquals(List.of(), wrong);
            System.out.printf("Key rotation: %d calls by %d threads across %d rotations, every request signed by "
                    + "the pair of its API key, none with a pair older than the one current when it began%n",
                    calls, THREADS, ROTATIONS);
        } finally {
            threads.shutdownNow();
            transport.close();
        }
    }

    private boolean verifies(String jwt, int generation) {
        try {
            JWT.require(Algorithm.RSA256(publicKeys.get(generation), null)).acceptIssuedAt(60).build().verify(jwt);
            return true;
        } catch (JWTVerificationException e) {
            return false;
        }
    }
}
