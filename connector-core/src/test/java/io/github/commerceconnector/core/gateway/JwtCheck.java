package io.github.commerceconnector.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * Verifies a gateway JWT independently of the signer: the RS256 signature with the JDK's
 * {@code SHA256withRSA} over the public half of the key, then the header and claims as plain JSON.
 */
public final class JwtCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtCheck() {
    }

    /**
     * The claims of a token whose signature verifies with the public key.
     *
     * @throws AssertionError if the token is malformed, not RS256/JWT, or the signature does not verify
     */
    public static JsonNode verifiedClaims(String token, RSAPublicKey publicKey) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a three-part JWT");
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new AssertionError("the JWT signature does not verify with this public key");
            }
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText()) || !"JWT".equals(header.path("typ").asText())) {
                throw new AssertionError("unexpected JWT header " + header);
            }
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError("the JWT cannot be verified: " + e, e);
        }
    }

    /** Whether the token's signature verifies with the public key. */
    public static boolean verifies(String token, RSAPublicKey publicKey) {
        try {
            verifiedClaims(token, publicKey);
            return true;
        } catch (AssertionError mismatch) {
            return false;
        }
    }
}
