package io.github.commerceconnector.api.credentials;

import io.github.commerceconnector.api.registry.ImsOrganizationId;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An Adobe IMS technical account for the optional OAuth server-to-server mode
 * ({@code grant_type=client_credentials}). {@link #toString()} never shows the client secret.
 *
 * @param clientId     the OAuth client id (also sent as {@code x-api-key})
 * @param clientSecret the OAuth client secret
 * @param organization the IMS organization sent as {@code x-gw-ims-org-id}
 * @param scopes       the scopes to request; stored sorted and without duplicates
 */
public record ImsCredentials(String clientId, Secret clientSecret, ImsOrganizationId organization,
        List<String> scopes) {

    /** Checks presence and normalizes the scopes (sorted, de-duplicated, blank ones dropped). */
    public ImsCredentials {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is empty: give the OAuth client id of the technical account");
        }
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(organization, "organization");
        TreeSet<String> sorted = new TreeSet<>();
        for (String scope : scopes == null ? List.<String>of() : scopes) {
            if (scope != null && !scope.isBlank()) {
                sorted.add(scope.strip());
            }
        }
        scopes = List.copyOf(sorted);
    }

    /** The scopes as the comma-separated list IMS expects. */
    public String scopeParameter() {
        return String.join(",", scopes);
    }

    /** Shows the client id, organization and scopes; never the secret. */
    @Override
    public String toString() {
        return "ImsCredentials[clientId=" + clientId + ", clientSecret=<redacted>, organization=" + organization
                + ", scopes=" + scopes + "]";
    }
}
