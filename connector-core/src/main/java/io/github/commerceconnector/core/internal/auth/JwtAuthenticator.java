package io.github.commerceconnector.core.internal.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.core.auth.Authenticator;
import io.github.commerceconnector.core.auth.JwtClaimSet;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Authenticator}: {@code x-api-key} and {@code magento-api-key} carry the environment's
 * public API key, {@code x-gw-signature} an RS256 JWT signed with its private key ({@code exp} = now + 300 s,
 * {@code iat} backdated 30 s, plus the {@link JwtClaimSet}).
 *
 * <p>A token is reused until 60 s before it expires, so steady traffic costs one RSA signature every four
 * minutes. A gateway whose clock runs more than 60 s ahead of ours refuses a reused token as expired before then:
 * a {@code 401} on a token handed out more than once drops it and asks for one more try with a fresh one
 * ({@link #renewAfterRefusal}); a fresh token refused is reported as it is. A token is dropped at once when the
 * {@link CredentialStore} reports new keys for the environment, and, as a second line of defence, whenever the
 * store hands out credentials that differ from the ones it was signed with. The {@link Algorithm} is built once
 * over a key provider that returns the current key.
 */
public final class JwtAuthenticator implements Authenticator, AutoCloseable {
    /** Lifetime of a token. */
    static final Duration LIFETIME = Duration.ofSeconds(300);
    /** How far {@code iat} is set in the past, for a gateway clock slightly behind ours. */
    static final Duration BACKDATE = Duration.ofSeconds(30);
    /** A token is replaced this long before it expires. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);

    private final CredentialStore store;
    private final Environment environment;
    private final PrivateKeyReader keyReader;
    private final JwtClaimSet claims;
    private final Clock clock;
    private final Algorithm algorithm;
    private final CredentialStore.ListenerRegistration registration;
    private final Object signing = new Object();
    private volatile Token token;
    private volatile RSAPrivateKey signingKey;

    /**
     * Creates the authenticator and subscribes to the store's key changes.
     *
     * @param store       where the environment's keys are read, at every call
     * @param environment whose keys sign
     * @param keyReader   parses the PEM private key
     * @param claims      the fixed claims
     * @param clock       the time for {@code iat}, {@code exp} and renewal
     */
    public JwtAuthenticator(CredentialStore store, Environment environment, PrivateKeyReader keyReader,
            JwtClaimSet claims, Clock clock) {
        this.store = store;
        this.environment = environment;
        this.keyReader = keyReader;
        this.claims = claims;
        this.clock = clock;
        this.algorithm = Algorithm.RSA256(new CurrentKey());
        this.registration = store.addListener(this::credentialsChanged);
    }

    @Override
    public Map<String, String> headers() {
        ServiceCredentials credentials = store.require(environment);
        Token current = token;
        if (current != null && current.isUsableFor(credentials, clock.instant())) {
            return current.reuse();
        }
        synchronized (signing) {
            current = token;
            if (current != null && current.isUsableFor(credentials, clock.instant())) {
                return current.reuse();
            }
            Token fresh = sign(credentials);
            token = fresh;
            return fresh.headers;
        }
    }

    @Override
    public void refused() {
        token = null;
    }

    /**
     * Drops the token; says to try once more when the refused headers carry a token that was handed out more than
     * once (reused, so perhaps expired by the gateway's clock) or one that is no longer the current token (the keys
     * changed or another request renewed it meanwhile), and not when they carry a token signed for the refused
     * request alone.
     */
    @Override
    public boolean renewAfterRefusal(Map<String, String> refusedHeaders) {
        synchronized (signing) {
            Token current = token;
            if (current == null || !current.carries(refusedHeaders)) {
                return true;
            }
            current.refused = true;
            return current.reused;
        }
    }

    /** Stops listening to the store. */
    @Override
    public void close() {
        registration.close();
    }

    private void credentialsChanged(Environment changed, Optional<ServiceCredentials> current) {
        if (changed == environment) {
            LOG.debug("The {} keys changed: the next request is signed with the new key", environment.wireName());
            token = null;
        }
    }

    private Token sign(ServiceCredentials credentials) {
        signingKey = keyReader.read(credentials);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(LIFETIME);
        String jwt = JWT.create()
                .withPayload(claims.asMap())
                .withIssuedAt(now.minus(BACKDATE))
                .withExpiresAt(expiresAt)
                .sign(algorithm);
        String apiKey = credentials.apiKey().value();
        LOG.debug("Signed a gateway token for the {} key {} valid until {}", environment.wireName(),
                credentials.apiKey(), expiresAt);
        return new Token(credentials, Map.of("x-api-key", apiKey, "magento-api-key", apiKey, "x-gw-signature", jwt),
                expiresAt.minus(RENEW_BEFORE_EXPIRY));
    }

    /** A signed token, the credentials it was signed for, when to replace it and whether it was reused or refused. */
    private static final class Token {
        private final ServiceCredentials credentials;
        private final Map<String, String> headers;
        private final Instant renewAt;
        private volatile boolean reused;
        private volatile boolean refused;

        Token(ServiceCredentials credentials, Map<String, String> headers, Instant renewAt) {
            this.credentials = credentials;
            this.headers = headers;
            this.renewAt = renewAt;
        }

        boolean isUsableFor(ServiceCredentials current, Instant now) {
            return !refused && now.isBefore(renewAt) && (current == credentials || current.equals(credentials));
        }

        /** Its headers, for a request after the one it was signed for. */
        Map<String, String> reuse() {
            reused = true;
            return headers;
        }

        /** Whether these request headers carry this token. */
        boolean carries(Map<String, String> requestHeaders) {
            return headers.get("x-gw-signature").equals(requestHeaders.get("x-gw-signature"));
        }

        @Override
        public String toString() {
            return "Token[<redacted>, renewAt=" + renewAt + "]";
        }
    }

    /** Hands java-jwt the key of the token being signed; signing only, so there is no public key. */
    private final class CurrentKey implements RSAKeyProvider {
        @Override
        public RSAPublicKey getPublicKeyById(String keyId) {
            return null;
        }

        @Override
        public RSAPrivateKey getPrivateKey() {
            return signingKey;
        }

        @Override
        public String getPrivateKeyId() {
            return null;
        }
    }
}
