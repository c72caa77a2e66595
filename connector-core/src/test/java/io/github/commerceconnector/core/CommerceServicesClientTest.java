package io.github.commerceconnector.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ImsCredentials;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.exception.CredentialsNotFoundException;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.auth.JwtClaimSet;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.RsaKeys;
import io.github.commerceconnector.core.gateway.TestClients;
import io.github.commerceconnector.core.gateway.TestCredentialStore;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The facade: what build() checks, the gateway key check, and the life cycle. */
@Timeout(60)
class CommerceServicesClientTest {
    private static final String PING = "/merchant-registry/v1/ping";

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private final CredentialStore store = TestClients.store(0);

    private CommerceServicesClient.Builder builder() {
        return TestClients.builder(gateway.baseUrl(), store, clock, new RecordingSleeper(clock));
    }

    @Test
    void reportsEveryMissingRequiredSettingAtOnce() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> CommerceServicesClient.builder().build());

        String message = refused.getMessage();
        assertTrue(message.contains("environment is missing"), message);
        assertTrue(message.contains("credentials are missing"), message);
        assertTrue(message.contains("installation is missing"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"commerce-beta.adobe.io", "ftp://commerce-beta.adobe.io/", "/relative/path",
        "https://user:pw@commerce-beta.adobe.io/", "https://commerce-beta.adobe.io/?region=eu"})
    void refusesAnEndpointThatIsNotAPlainHttpUrl(String endpoint) {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> builder().endpoint(URI.create(endpoint)).build());

        assertTrue(refused.getMessage().contains("endpoint"), refused.getMessage());
        assertFalse(refused.getMessage().contains("pw@"), "user info is never echoed");
    }

    @Test
    void refusesAStateDirectoryThatIsAFile(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> builder().stateDirectory(file).build());

        assertTrue(refused.getMessage().contains("stateDirectory"), refused.getMessage());
    }

    @Test
    void refusesAStateDirectoryThatCannotBeCreated(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("plain-file"), "x");

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> builder().stateDirectory(file.resolve("below-a-file")).build());

        assertTrue(refused.getMessage().contains("cannot be used"), refused.getMessage());
    }

    @Test
    void refusesABlankOverrideReason() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> builder().allowProductionDataSpace("  ").build());

        assertTrue(refused.getMessage().contains("allowProductionDataSpace needs a reason"), refused.getMessage());
    }

    @Test
    void refusesContradictorySettings() {
        HttpTransport own = (request, deadline) -> new TransportResponse(200, Map.of(), new byte[0]);
        ImsCredentials ims = new ImsCredentials("client-1", Secret.of("s"),
                ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg"), List.of("openid"));

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> builder()
                .httpTransport(own).proxy(ProxySelector.getDefault())
                .imsCredentials(ims).authenticator(Map::of)
                .jwtClaims(JwtClaimSet.defaults()).build());

        String message = refused.getMessage();
        assertTrue(message.contains("httpTransport"), message);
        assertTrue(message.contains("choose one way to authenticate"), message);
        assertTrue(message.contains("jwtClaims only applies"), message);
    }

    @Test
    void defaultsTheEndpointToTheEnvironmentsGateway() {
        try (CommerceServicesClient client = CommerceServicesClient.builder().environment(Environment.PRODUCTION)
                .credentials(CredentialStores.inMemory()).installation(Installation.PRODUCTION).build()) {
            assertTrue(client.toString().contains("https://commerce.adobe.io/"), client.toString());
            assertEquals(Environment.PRODUCTION, client.environment());
            assertEquals(Installation.PRODUCTION, client.installation());
        }
    }

    @Test
    void acceptsAnEndpointWithABasePath() {
        gateway.stubFor(get("/gateway/merchant-registry/v1/ping").willReturn(aResponse().withStatus(200)));

        try (CommerceServicesClient client = builder().endpoint(URI.create(gateway.baseUrl() + "/gateway")).build()) {
            assertTrue(client.credentials().validate(Environment.SANDBOX).valid());
        }
    }

    @Test
    void theKeyCheckAsksTheGatewayPing() {
        gateway.stubFor(get(PING).willReturn(aResponse().withStatus(200)));

        try (CommerceServicesClient client = builder().build()) {
            KeyCheck check = client.credentials().validate(Environment.SANDBOX);

            assertTrue(check.valid());
            assertTrue(check.gatewayConfirmed());
            assertEquals(Environment.SANDBOX, check.environment());
        }
        gateway.verify(1, getRequestedFor(urlEqualTo(PING)));
    }

    @Test
    void theKeyCheckReportsRefusedKeysAsInvalidAndConfirmed() {
        gateway.stubFor(get(PING).willReturn(aResponse().withStatus(401).withHeader("x-request-id", "ping-1")
                .withBody("{\"message\":\"JWT is invalid\"}")));

        try (CommerceServicesClient client = builder().build()) {
            KeyCheck check = client.credentials().validate(Environment.SANDBOX);

            assertFalse(check.valid());
            assertTrue(check.gatewayConfirmed());
            assertTrue(check.message().contains("API key and private key"), check.message());
            assertTrue(check.message().contains("ping-1"), check.message());
        }
    }

    @Test
    void theKeyCheckThrowsWhenTheGatewayCannotAnswer() {
        gateway.stubFor(get(PING).willReturn(aResponse().withStatus(500)));

        try (CommerceServicesClient client = builder().build()) {
            assertThrows(ConnectorServiceException.class, () -> client.credentials().validate(Environment.SANDBOX));
        }
    }

    @Test
    void theKeyCheckReportsUnusableKeyMaterialWithoutAskingTheGateway() {
        TestCredentialStore unvalidated = TestCredentialStore.with(ServiceCredentials.of(Environment.SANDBOX,
                TestClients.API_KEY, "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----"));

        try (CommerceServicesClient client = builder().credentials(unvalidated).build()) {
            KeyCheck check = client.credentials().validate(Environment.SANDBOX);

            assertFalse(check.valid());
            assertFalse(check.gatewayConfirmed());
            assertTrue(check.message().contains("nothing was sent"), check.message());
        }
        assertEquals(0, gateway.getAllServeEvents().size());
    }

    @Test
    void theKeyCheckNeedsStoredKeys() {
        try (CommerceServicesClient client = builder().credentials(CredentialStores.inMemory()).build()) {
            assertThrows(CredentialsNotFoundException.class,
                    () -> client.credentials().validate(Environment.SANDBOX));
        }
        assertEquals(0, gateway.getAllServeEvents().size());
    }

    @Test
    void theKeyCheckOfTheOtherEnvironmentIsLocal() {
        store.put(ServiceCredentials.of(Environment.PRODUCTION, "production-key-9z9z", RsaKeys.pkcs8Pem(1)));

        try (CommerceServicesClient client = builder().build()) {
            KeyCheck check = client.credentials().validate(Environment.PRODUCTION);

            assertFalse(check.gatewayConfirmed());
        }
        assertEquals(0, gateway.getAllServeEvents().size());
    }

    @Test
    void credentialsDelegateToTheGivenStore() {
        try (CommerceServicesClient client = builder().build()) {
            client.credentials().put(TestClients.credentials(1));

            assertSame(store.require(Environment.SANDBOX), client.credentials().require(Environment.SANDBOX));
            assertEquals(TestClients.credentials(1), store.require(Environment.SANDBOX));
        }
    }

    @Test
    void catalogSyncNeedsASelectedDataSpaceAndReadinessSaysSo() {
        try (CommerceServicesClient client = builder().build()) {
            assertSame(client.catalog(), client.catalog());
            IllegalStateException unselected = assertThrows(IllegalStateException.class,
                    () -> client.catalog().sync(Feed.PRODUCTS, List.of()));
            assertTrue(unselected.getMessage().contains("select"), unselected.getMessage());
            assertTrue(client.readiness(CommerceService.PRODUCT_RECOMMENDATIONS).failures().stream()
                    .anyMatch(check -> check.name().equals("data space")));
        }
    }

    @Test
    void closeIsIdempotentAndRefusesLaterCalls() {
        CommerceServicesClient client = builder().build();
        client.close();
        client.close();

        assertThrows(IllegalStateException.class, () -> client.projects().list());
        assertEquals(0, gateway.getAllServeEvents().size());
    }

    @Test
    void closeLeavesAGivenTransportOpen() {
        AtomicBoolean closed = new AtomicBoolean();
        HttpTransport own = new HttpTransport() {
            @Override
            public TransportResponse send(io.github.commerceconnector.api.spi.TransportRequest request,
                    java.time.Duration deadline) {
                return new TransportResponse(200, Map.of(), Registry.results().getBytes());
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        CommerceServicesClient client = CommerceServicesClient.builder().environment(Environment.SANDBOX)
                .credentials(store).installation(Installation.NON_PRODUCTION).httpTransport(own).build();

        assertTrue(client.projects().list().isEmpty());
        client.close();

        assertFalse(closed.get());
    }

    @Test
    void toStringNamesNoKey() {
        try (CommerceServicesClient client = builder().httpVersion(HttpClient.Version.HTTP_1_1).build()) {
            String text = client.toString() + client.credentials();

            assertFalse(text.contains(TestClients.API_KEY));
            assertFalse(text.contains("PRIVATE KEY"));
            assertTrue(text.contains("sandbox"));
        }
    }
}
