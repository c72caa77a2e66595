package io.github.commerceconnector.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ImsCredentials;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.TestClients;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IMS technical-account mode: the token request, its cache, and the headers the gateway then gets. */
@Timeout(60)
class ImsAuthenticationTest {
    private static final String TOKEN = "/ims/token/v2";
    private static final String PING = "/merchant-registry/v1/ping";
    private static final ImsCredentials ACCOUNT = new ImsCredentials("client-id-77", Secret.of("s3cr3t&=value"),
            ImsOrganizationId.of("ABCDEF0123456789ABCDEF01@AdobeOrg"),
            List.of("openid", "commerce.accs", "AdobeID", "openid"));

    @RegisterExtension
    static WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private CommerceServicesClient services;

    @BeforeEach
    void startClient() {
        wiremock.stubFor(get(PING).willReturn(aResponse().withStatus(200)));
        services = TestClients.builder(wiremock.baseUrl(), TestClients.store(0), clock, new RecordingSleeper(clock))
                .imsCredentials(ACCOUNT)
                .imsTokenEndpoint(URI.create(wiremock.baseUrl() + TOKEN))
                .build();
    }

    @AfterEach
    void closeClient() {
        services.close();
    }

    private void stubToken(String accessToken, long expiresIn) {
        wiremock.stubFor(post(TOKEN).willReturn(aResponse().withStatus(200).withHeader("Content-Type",
                "application/json").withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\","
                        + "\"expires_in\":" + expiresIn + "}")));
    }

    @Test
    void asksImsForATokenWithTheSortedDeduplicatedScopes() {
        stubToken("token-1", 86399);

        services.credentials().validate(Environment.SANDBOX);

        wiremock.verify(1, postRequestedFor(urlEqualTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=client-id-77"
                        + "&client_secret=s3cr3t%26%3Dvalue&scope=AdobeID%2Ccommerce.accs%2Copenid")));
    }

    @Test
    void sendsTheBearerTokenClientIdAndOrganizationToTheGateway() {
        stubToken("token-1", 86399);

        services.credentials().validate(Environment.SANDBOX);

        wiremock.verify(1, getRequestedFor(urlEqualTo(PING))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("x-api-key", equalTo("client-id-77"))
                .withHeader("x-gw-ims-org-id", equalTo("ABCDEF0123456789ABCDEF01@AdobeOrg"))
                .withHeader("x-gw-signature", absent()));
    }

    @Test
    void reusesTheTokenUntilSixtySecondsBeforeItExpires() {
        wiremock.stubFor(post(TOKEN).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"token-1\",\"expires_in\":600}"))
                .willSetStateTo("second"));
        wiremock.stubFor(post(TOKEN).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"token-2\",\"expires_in\":600}")));

        services.credentials().validate(Environment.SANDBOX);
        clock.advance(Duration.ofSeconds(539));
        services.credentials().validate(Environment.SANDBOX);
        clock.advance(Duration.ofSeconds(1));
        services.credentials().validate(Environment.SANDBOX);

        wiremock.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        wiremock.verify(2, getRequestedFor(urlEqualTo(PING)).withHeader("Authorization", equalTo("Bearer token-1")));
        wiremock.verify(1, getRequestedFor(urlEqualTo(PING)).withHeader("Authorization", equalTo("Bearer token-2")));
    }

    @Test
    void aRefusedTechnicalAccountIsAnAuthenticationFailureAndNothingReachesTheGateway() {
        wiremock.stubFor(post(TOKEN).willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":\"invalid_client\",\"error_description\":\"invalid client_secret parameter\"}")));

        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> services.projects().list());

        assertEquals("invalid_client", refused.errorCode().orElseThrow());
        assertFalse(refused.getMessage().contains("s3cr3t"), refused.getMessage());
        assertEquals(0, wiremock.findAll(getRequestedFor(urlEqualTo("/merchant-registry/v1/registry"))).size());
    }

    @Test
    void aGatewayRefusalDropsTheCachedToken() {
        stubToken("token-1", 86399);
        wiremock.stubFor(get(PING).inScenario("refuse").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("fine"));
        wiremock.stubFor(get(PING).inScenario("refuse").whenScenarioStateIs("fine")
                .willReturn(aResponse().withStatus(200)));

        assertFalse(services.credentials().validate(Environment.SANDBOX).valid());
        assertTrue(services.credentials().validate(Environment.SANDBOX).valid());

        wiremock.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    }
}
