package io.github.commerceconnector.testkit.internal.gateway;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.github.commerceconnector.testkit.internal.account.AccountState;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's key check (PROTOCOL.md §2-§3): {@code x-api-key} must be registered with the account,
 * and {@code x-gw-signature} an RS256 JWT signed by that key's private half, with an {@code exp} still
 * ahead and no {@code iat} or {@code nbf} in the future, by the account clock and a skew tolerance.
 * Uses java-jwt over the JDK's RSA: no BouncyCastle.
 */
final class SignatureVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(SignatureVerifier.class);

    /** Why a request was refused, if it was. */
    enum Outcome {
        /** Signed correctly by a registered key. */
        ACCEPTED,
        /** {@code x-api-key} missing or unknown: {@code 403 {"error":{"message":"Client ID is invalid"}}}. */
        UNKNOWN_CLIENT,
        /** Signature missing, malformed, wrong key, wrong algorithm, expired: {@code 401 {"message":"JWT is invalid"}}. */
        INVALID_JWT
    }

    private final AccountState account;
    private final Clock clock;
    private final Duration skew;

    SignatureVerifier(AccountState account, Clock clock, Duration skew) {
        this.account = account;
        this.clock = clock;
        this.skew = skew;
    }

    Outcome verify(String apiKey, String token) {
        Optional<PublicKey> key = account.publicKey(apiKey == null ? null : apiKey.strip());
        if (key.isEmpty()) {
            return Outcome.UNKNOWN_CLIENT;
        }
        if (token == null || token.isBlank()) {
            return refuse("no x-gw-signature header");
        }
        DecodedJWT jwt;
        try {
            jwt = JWT.decode(token.strip());
        } catch (JWTDecodeException malformed) {
            return refuse("the signature is not a JWT");
        }
        if (!"RS256".equals(jwt.getAlgorithm())) {
            return refuse("the JWT is not RS256");
        }
        if (!(key.get() instanceof RSAPublicKey)) {
            return refuse("the registered key is not RSA");
        }
        try {
            Algorithm.RSA256((RSAPublicKey) key.get(), null).verify(jwt);
        } catch (SignatureVerificationException wrongKey) {
            return refuse("the JWT was not signed by the private half of this API key");
        }
        Instant now = clock.instant();
        Instant expiresAt = jwt.getExpiresAtAsInstant();
        if (expiresAt == null) {
            return refuse("the JWT has no exp claim");
        }
        if (!now.isBefore(expiresAt.plus(skew))) {
            return refuse("the JWT expired at " + expiresAt);
        }
        Instant issuedAt = jwt.getIssuedAtAsInstant();
        if (issuedAt != null && issuedAt.isAfter(now.plus(skew))) {
            return refuse("the JWT's iat " + issuedAt + " is in the future");
        }
        Instant notBefore = jwt.getNotBeforeAsInstant();
        if (notBefore != null && notBefore.isAfter(now.plus(skew))) {
            return refuse("the JWT's nbf " + notBefore + " is in the future");
        }
        return Outcome.ACCEPTED;
    }

    private static Outcome refuse(String reason) {
        LOG.debug("Fake gateway refused a signature: {}", reason);
        return Outcome.INVALID_JWT;
    }
}
