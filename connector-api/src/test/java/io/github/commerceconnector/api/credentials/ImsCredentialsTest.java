package io.github.commerceconnector.api.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commerceconnector.api.registry.ImsOrganizationId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImsCredentialsTest {
    private static final ImsOrganizationId ORGANIZATION = ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg");

    @Test
    void sortsScopesDropsDuplicatesAndBlanks() {
        ImsCredentials credentials = new ImsCredentials("client", Secret.of("secret"), ORGANIZATION,
                Arrays.asList("openid", " AdobeID ", "openid", "", null, "commerce.accs"));

        assertEquals(List.of("AdobeID", "commerce.accs", "openid"), credentials.scopes());
        assertEquals("AdobeID,commerce.accs,openid", credentials.scopeParameter());
    }

    @Test
    void acceptsNoScopes() {
        assertEquals(List.of(), new ImsCredentials("client", Secret.of("secret"), ORGANIZATION, null).scopes());
    }

    @Test
    void requiresClientIdSecretAndOrganization() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImsCredentials(" ", Secret.of("secret"), ORGANIZATION, List.of()));
        assertThrows(NullPointerException.class, () -> new ImsCredentials("client", null, ORGANIZATION, List.of()));
        assertThrows(NullPointerException.class,
                () -> new ImsCredentials("client", Secret.of("secret"), null, List.of()));
    }

    @Test
    void neverPrintsTheClientSecret() {
        String text = new ImsCredentials("client", Secret.of("p8e-very-secret"), ORGANIZATION, List.of("openid"))
                .toString();

        assertFalse(text.contains("p8e-very-secret"), text);
        assertEquals("ImsCredentials[clientId=client, clientSecret=<redacted>, "
                + "organization=8E6307BF5D775FA00A495EF9@AdobeOrg, scopes=[openid]]", text);
    }
}
