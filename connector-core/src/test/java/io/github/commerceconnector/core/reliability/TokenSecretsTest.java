package io.github.commerceconnector.core.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.commerceconnector.api.credentials.ImsCredentials;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.TestClients;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.testsupport.secrets.CapturedText;
import io.github.commerceconnector.core.testsupport.secrets.LeakScanner;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens at TRACE. In the OAuth (IMS) mode the client secret and the access token, and in the default mode the
 * signed JWT, go on the wire only. Nothing the SDK logs or throws holds them, also when IMS or the gateway refuse
 * and quote them back in their error bodies.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TokenSecretsTest {
    private static final String CLIENT_SECRET = "p8e-TokenSecretsTest-Xq7Wv2Kz9Rt4Mn6Bh3";
    private static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJpbXMiOiJ0b2tlbiJ9.TokenSecretsTestSignaturePart123";
    private static final String TOKEN_PATH = "/ims/token/v2";
    private static final String LIST = "/merchant-registry/v1/registry";

    static {
        SecretRegistry.value("IMS client secret", CLIENT_SECRET);
        SecretRegistry.value("IMS access token", ACCESS_TOKEN);
    }

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().templatingEnabled(true)
                    .globalTemplating(false)).build();

    private final MutableClock clock = MutableClock.standing();

    private CommerceServicesClient client() {
        return TestClients.builder(server.baseUrl(), TestClients.store(0), clock, new RecordingSleeper(clock))
                .retry(RetrySettings.none())
                .imsCredentials(new ImsCredentials("ims-client-id-public", Secret.of(CLIENT_SECRET),
                        ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg"), List.of("commerce.services")))
                .imsTokenEndpoint(URI.create(server.baseUrl() + TOKEN_PATH))
                .build();
    }

    /** What the SDK logged and threw since {@code from}, scanned for the two secrets. */
    private static List<LeakScanner.Finding> leaks(int from, List<ConnectorException> thrown) {
        List<LeakScanner.Finding> findings = new ArrayList<>();
        LeakScanner scanner = LeakScanner.ofRegistry();
        List<CapturedText.Entry> logged = CapturedText.snapshot();
        for (CapturedText.Entry entry : logged.subList(from, logged.size())) {
            findings.addAll(scanner.scan(entry.source(), entry.text()));
        }
        for (ConnectorException failure : thrown) {
            findings.addAll(scanner.scan("exception", CapturedText.describe(failure)));
        }
        return findings;
    }

    @Test
    void aWorkingTokenFlowLogsNeitherTheSecretNorTheToken() {
        server.stubFor(post(TOKEN_PATH).withRequestBody(containing("client_secret=")).willReturn(aResponse()
                .withStatus(200).withBody("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":86400}")));
        server.stubFor(get(LIST).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(200).withBody(Registry.results(Registry.standardProject()))));
        int from = CapturedText.count();

        try (CommerceServicesClient client = client()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(1, client.projects().list().size());
            }
        }

        assertEquals(1, server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size(), "the token is cached");
        assertTrue(CapturedText.count() > from, "the calls were logged");
        assertEquals(List.of(), leaks(from, List.of()));
    }

    @Test
    void refusalsThatQuoteTheSecretOrTheTokenBackDoNotCarryThemFurther() {
        server.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\","
                + "\"error_description\":\"invalid client_secret " + CLIENT_SECRET + "\"}")));
        int from = CapturedText.count();
        List<ConnectorException> thrown = new ArrayList<>();
        try (CommerceServicesClient client = client()) {
            thrown.add(assertThrows(AuthenticationException.class, () -> client.projects().list()));

            server.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(200)
                    .withBody("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":86400}")));
            server.stubFor(get(LIST).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bearer "
                    + ACCESS_TOKEN + " is not valid for this gateway\"}")));
            thrown.add(assertThrows(AuthenticationException.class, () -> client.projects().list()));
            server.stubFor(get(LIST).willReturn(aResponse().withStatus(500).withBody("{\"message\":\"upstream saw "
                    + "token " + ACCESS_TOKEN + " and failed\"}")));
            thrown.add(assertThrows(ConnectorException.class, () -> client.projects().list()));
        }

        assertEquals(List.of(), leaks(from, thrown));
    }

    @Test
    void aGatewayQuotingTheSignedJwtBackDoesNotPutItInTheException() {
        server.stubFor(get(LIST).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"JWT is invalid: "
                + "{{request.headers.x-gw-signature}}\"}").withTransformers("response-template")));
        int from = CapturedText.count();
        List<ConnectorException> thrown = new ArrayList<>();
        try (CommerceServicesClient client = TestClients.builder(server.baseUrl(), TestClients.store(0), clock,
                new RecordingSleeper(clock)).retry(RetrySettings.none()).build()) {
            thrown.add(assertThrows(AuthenticationException.class, () -> client.projects().list()));
        }

        assertTrue(server.getAllServeEvents().get(0).getResponse().getBodyAsString().contains("eyJ"),
                "the reply quoted the JWT back");
        assertTrue(thrown.get(0).getMessage().contains("JWT is invalid: <token>"), thrown.get(0).getMessage());
        assertEquals(List.of(), leaks(from, thrown));
    }
}
