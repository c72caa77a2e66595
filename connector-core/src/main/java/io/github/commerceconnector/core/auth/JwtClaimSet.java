package io.github.commerceconnector.core.auth;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed claims of the gateway JWT ({@code x-gw-signature}), besides {@code exp} and {@code iat}, which
 * the signer always sets itself ({@code exp} = now + 300 s, {@code iat} = now - 30 s).
 *
 * <p>{@link #defaults()} is the claim set the PHP Commerce Services Connector sends (issuer, subject,
 * audience and four meta-scope claims set to {@code true}), which the gateway has always accepted. Replace
 * it on the builder ({@code jwtClaims(...)}) only if Adobe tells you to.
 */
public final class JwtClaimSet {
    private static final String IMS = "https://ims-na1.adobelogin.com";
    private static final JwtClaimSet DEFAULTS = defaultClaims();

    private final Map<String, Object> claims;

    private JwtClaimSet(Map<String, Object> claims) {
        this.claims = Collections.unmodifiableMap(claims);
    }

    /** The claim set of the PHP connector ({@code JwtSignatureToken.php}). */
    public static JwtClaimSet defaults() {
        return DEFAULTS;
    }

    /**
     * A claim set of your own. Values may be strings, booleans, numbers or lists of strings.
     *
     * @throws ConfigurationException if a name is blank, a value has another type, or the set names
     *     {@code exp} or {@code iat} (the signer sets those)
     */
    public static JwtClaimSet of(Map<String, ?> claims) {
        if (claims == null) {
            throw new ConfigurationException("The JWT claim set is missing: give a map, or use JwtClaimSet.defaults().");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        claims.forEach((name, value) -> copy.put(checkName(name), checkValue(name, value)));
        return new JwtClaimSet(copy);
    }

    /** The claims by name, in the order given; unmodifiable. */
    public Map<String, Object> asMap() {
        return claims;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new ConfigurationException("A JWT claim has a blank name: every claim needs a name.");
        }
        if (name.equals("exp") || name.equals("iat")) {
            throw new ConfigurationException("The JWT claim '" + name + "' is set by the signer (exp = now + 300 s, "
                    + "iat = now - 30 s): leave it out of the claim set.");
        }
        return name;
    }

    private static Object checkValue(String name, Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return List.copyOf(list);
        }
        throw new ConfigurationException("The JWT claim '" + name + "' has a value of type "
                + (value == null ? "null" : value.getClass().getSimpleName())
                + ": use a String, Boolean, Integer, Long, Double or a List of Strings.");
    }

    private static JwtClaimSet defaultClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "8E6307BF5D775FA00A495EF9@AdobeOrg");
        claims.put("sub", "3181519E5E2714990A495E2E@techacct.adobe.com");
        claims.put("aud", IMS + "/c/9ec9d05f79eb443e8f76ce477b1e413c");
        claims.put(IMS + "/s/ent_reactor_sdk", Boolean.TRUE);
        claims.put(IMS + "/s/asset_compute_meta", Boolean.TRUE);
        claims.put(IMS + "/s/ent_adobeio_sdk", Boolean.TRUE);
        claims.put(IMS + "/s/event_receiver_api", Boolean.TRUE);
        return new JwtClaimSet(claims);
    }

    /** Shows the claim names only. */
    @Override
    public String toString() {
        return "JwtClaimSet" + claims.keySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JwtClaimSet that && claims.equals(that.claims);
    }

    @Override
    public int hashCode() {
        return claims.hashCode();
    }
}
