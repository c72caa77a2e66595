package io.github.commerceconnector.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.commerceconnector.api.credentials.ImsCredentials;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.auth.Authenticator;
import io.github.commerceconnector.core.internal.http.ReplyDetails;
import io.github.commerceconnector.core.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Adobe IMS technical-account mode ({@code IMS_Tech_Acct}): an OAuth server-to-server token from
 * {@code POST https://ims-na1.adobelogin.com/ims/token/v2} ({@code grant_type=client_credentials}, client id,
 * client secret, scopes as a sorted, de-duplicated comma list), cached for {@code expires_in - 60} seconds.
 * Requests then carry {@code Authorization: Bearer}, {@code x-api-key} (the client id) and
 * {@code x-gw-ims-org-id}.
 */
public final class ImsAuthenticator implements Authenticator {
    /** Adobe's IMS token endpoint. */
    public static final URI DEFAULT_TOKEN_URL = URI.create("https://ims-na1.adobelogin.com/ims/token/v2");
    /** A token is replaced this long before IMS says it expires. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ImsAuthenticator.class);

    private final ImsCredentials credentials;
    private final URI tokenUrl;
    private final HttpTransport transport;
    private final Duration timeout;
    private final String userAgent;
    private final Clock clock;
    private final Object fetching = new Object();
    private volatile Token token;

    /**
     * Creates the authenticator.
     *
     * @param credentials the technical account
     * @param tokenUrl    the IMS token endpoint
     * @param transport   sends the token request
     * @param timeout     the whole-call limit of a token request
     * @param userAgent   the {@code User-Agent} to send
     * @param clock       the time for the cache
     */
    public ImsAuthenticator(ImsCredentials credentials, URI tokenUrl, HttpTransport transport, Duration timeout,
            String userAgent, Clock clock) {
        this.credentials = credentials;
        this.tokenUrl = tokenUrl;
        this.transport = transport;
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    @Override
    public Map<String, String> headers() {
        Token current = token;
        if (current == null || !clock.instant().isBefore(current.renewAt)) {
            synchronized (fetching) {
                current = token;
                if (current == null || !clock.instant().isBefore(current.renewAt)) {
                    current = fetch();
                    token = current;
                }
            }
        }
        return Map.of("Authorization", "Bearer " + current.accessToken, "x-api-key", credentials.clientId(),
                "x-gw-ims-org-id", credentials.organization().value());
    }

    @Override
    public void refused() {
        token = null;
    }

    private Token fetch() {
        String form = "grant_type=client_credentials"
                + "&client_id=" + encode(credentials.clientId())
                + "&client_secret=" + encode(credentials.clientSecret().reveal())
                + "&scope=" + encode(credentials.scopeParameter());
        TransportRequest request = new TransportRequest("POST", tokenUrl,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded"), "Accept",
                        List.of("application/json"), "User-Agent", List.of(userAgent)),
                form.getBytes(StandardCharsets.UTF_8));
        TransportResponse response;
        try {
            response = transport.send(request, timeout);
        } catch (IOException io) {
            throw new ConnectorClientException("Adobe IMS at " + tokenUrl.getHost() + " gave no usable reply to the "
                    + "token request (" + io.getClass().getSimpleName() + "). Check the network and the proxy; "
                    + "the call can be repeated later.", io, true);
        }
        ReplyDetails details = ReplyDetails.of(response);
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            throw new AuthenticationException("Adobe IMS refused the technical account " + credentials.clientId()
                    + (details.errorCode() == null ? "" : " (" + details.errorCode() + ")") + ": check the client id, "
                    + "client secret and scopes of the ImsCredentials, and that the account's project includes "
                    + "Commerce Services.", status, details.requestId(), details.errorCode(), null);
        }
        if (status < 200 || status > 299) {
            throw new ConnectorServiceException("Adobe IMS failed on the token request: trying again later may help.",
                    status, details.requestId(), details.errorCode(), null);
        }
        return parse(response, details);
    }

    private Token parse(TransportResponse response, ReplyDetails details) {
        JsonNode body = Json.tryParse(response.body()).orElse(null);
        String accessToken = Json.text(body, "access_token");
        JsonNode expiresIn = body == null ? null : body.get("expires_in");
        if (accessToken == null || accessToken.isBlank() || expiresIn == null || !expiresIn.canConvertToLong()) {
            throw new ConnectorServiceException("Adobe IMS answered the token request without access_token and "
                    + "expires_in.", response.statusCode(), details.requestId(), "MALFORMED_TOKEN_REPLY", null);
        }
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
        Instant renewAt = now.plus(lifetime).minus(RENEW_BEFORE_EXPIRY);
        LOG.debug("Got an IMS token for client {} valid for {} s", credentials.clientId(), lifetime.toSeconds());
        return new Token(accessToken, renewAt.isBefore(now) ? now : renewAt);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A cached access token and when to replace it. */
    private record Token(String accessToken, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[<redacted>, renewAt=" + renewAt + "]";
        }
    }
}
