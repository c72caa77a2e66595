package io.github.commerceconnector.bench;

import com.auth0.jwt.JWT;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.core.auth.JwtClaimSet;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.internal.auth.JwtAuthenticator;
import io.github.commerceconnector.core.internal.keys.PemKeyParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the RSA signatures of the SDK's {@link JwtAuthenticator} over long steady traffic without waiting for
 * it: the authenticator reads a clock that moves one request interval per request. Each token handed out is
 * also checked to be at least 60 s from its expiry when used.
 */
final class SigningRun {

    private SigningRun() {
    }

    /** Simulates {@code minutes} minutes of traffic at {@code perSecond} requests a second. */
    static Figures run(int minutes, double perSecond) {
        CredentialStore store = CredentialStores.inMemory();
        store.put(BenchKeys.rsa().credentials(Environment.SANDBOX, BenchKeys.apiKey()));
        SteppedClock clock = new SteppedClock(Instant.parse("2026-03-01T08:00:00Z"));
        AtomicLong signatures = new AtomicLong();
        long requests = Math.round(minutes * 60 * perSecond);
        Duration step = Duration.ofNanos(Math.round(1e9 / perSecond));
        long tooClose = 0;
        try (JwtAuthenticator authenticator = new JwtAuthenticator(store, Environment.SANDBOX, current -> {
            signatures.incrementAndGet();
            return PemKeyParser.parsePrivateKey(current.privateKey(), current.passphrase());
        }, JwtClaimSet.defaults(), clock)) {
            for (long request = 0; request < requests; request++) {
                String token = authenticator.headers().get("x-gw-signature");
                Instant expires = JWT.decode(token).getExpiresAtAsInstant();
                if (Duration.between(clock.instant(), expires).compareTo(Duration.ofSeconds(60)) < 0) {
                    tooClose++;
                }
                clock.advance(step);
            }
        }
        return new Figures().put("minutes", minutes)
                .put("requestsPerSecond", perSecond)
                .put("requests", requests)
                .put("signatures", signatures.get())
                .put("signaturesPer4Minutes", signatures.get() / (minutes / 4.0))
                .put("tokensUsedWithin60sOfExpiry", tooClose);
    }

    /** A clock that moves only when told. */
    private static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The stepped clock is UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
