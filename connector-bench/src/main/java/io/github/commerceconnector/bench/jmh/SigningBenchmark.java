package io.github.commerceconnector.bench.jmh;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.bench.BenchKeys;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.core.auth.JwtClaimSet;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.internal.auth.JwtAuthenticator;
import io.github.commerceconnector.core.internal.keys.PemKeyParser;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authentication headers of one request from the core's {@link JwtAuthenticator}: with token reuse (the
 * SDK's behaviour, a cached token until 60 s before it expires) and without (the token dropped before every
 * request, as a client that signs each request would do: one RSA-2048 signature each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SigningBenchmark {
    private JwtAuthenticator authenticator;

    /** Builds the authenticator over a fresh RSA-2048 key, as the client builds it by default. */
    @Setup
    public void setUp() {
        CredentialStore store = CredentialStores.inMemory();
        store.put(BenchKeys.rsa().credentials(Environment.SANDBOX, BenchKeys.apiKey()));
        authenticator = new JwtAuthenticator(store, Environment.SANDBOX,
                current -> PemKeyParser.parsePrivateKey(current.privateKey(), current.passphrase()),
                JwtClaimSet.defaults(), Clock.systemUTC());
    }

    /** Stops the authenticator listening to its store. */
    @TearDown
    public void tearDown() {
        authenticator.close();
    }

    /** Headers with token reuse: the steady state of the SDK. */
    @Benchmark
    public Map<String, String> withTokenReuse() {
        return authenticator.headers();
    }

    /** Headers signed afresh: the token is dropped first, so each call parses the key and signs. */
    @Benchmark
    public Map<String, String> withoutTokenReuse() {
        authenticator.refused();
        return authenticator.headers();
    }
}
