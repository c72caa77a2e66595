package io.github.commerceconnector.core.auth;

import java.util.Map;

/**
 * Produces the headers that authenticate one request to the Commerce Services gateway. The connector
 * calls {@link #headers()} once per attempt, so implementations cache their tokens. The built-in ones are
 * chosen on {@code CommerceServicesClient.builder()}: a JWT signed with the environment's private key
 * (the default), or an Adobe IMS technical-account token ({@code imsCredentials(...)}); a custom one is given
 * with {@code authenticator(...)}.
 *
 * <p>Implementations are thread-safe and never log or print the values they return.
 */
public interface Authenticator {

    /**
     * The headers for the next request, e.g. {@code x-api-key} and {@code x-gw-signature}.
     *
     * @return header names to values; never null
     * @throws io.github.commerceconnector.api.exception.ConnectorException when no credentials can be had
     *     (keys missing or malformed, the token service refusing or unreachable)
     */
    Map<String, String> headers();

    /**
     * Told that the gateway refused the headers ({@code 401}/{@code 403}), so a cached token is dropped and
     * the next call builds a new one. The default does nothing.
     */
    default void refused() {
    }

    /**
     * Told that the gateway refused these headers with {@code 401}: drops them as {@link #refused()} does, and says
     * whether new headers may be accepted where these were not, because these came from a cache (a reused token
     * that a gateway clock running ahead of ours takes for expired). The connector then sends the request once more
     * with new headers; a second refusal is reported. The default calls {@link #refused()} and says no.
     *
     * @param refusedHeaders the headers of the refused request, as {@link #headers()} returned them
     * @return whether to send the request once more with new headers
     */
    default boolean renewAfterRefusal(Map<String, String> refusedHeaders) {
        refused();
        return false;
    }
}
