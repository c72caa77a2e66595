package io.github.commerceconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.gateway.MutableClock;
import io.github.commerceconnector.core.gateway.RecordingSleeper;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.RsaKeys;
import io.github.commerceconnector.core.gateway.TestClients;
import io.github.commerceconnector.core.testsupport.secrets.CapturedText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the HTTP layer logs (every SDK logger is at TRACE in tests and captured, see {@code CapturingLogProvider}):
 * request line, status,
 * attempt and request id, retries and the final failure; never a body, a token, the API key or the private key.
 */
@Timeout(60)
class GatewayLoggingTest {
    private static final String LIST = "/merchant-registry/v1/registry";
    private static final String BODY_MARKER = "body-marker-7f3a";

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MutableClock clock = MutableClock.standing();
    private final CredentialStore store = TestClients.store(0);

    @Test
    void logsRequestLinesRetriesAndFailuresButNoSecretOrBody() {
        gateway.stubFor(get(LIST).inScenario("log").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("x-request-id", "log-req-1")
                        .withBody("{\"message\":\"" + BODY_MARKER + "\"}"))
                .willSetStateTo("up"));
        gateway.stubFor(get(LIST).inScenario("log").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("x-request-id", "log-req-2")
                        .withBody(Registry.results(Registry.record("p", BODY_MARKER, "e", "Production", "Production")))));
        gateway.stubFor(get("/merchant-registry/v1/registry/projects/gone").willReturn(aResponse().withStatus(500)
                .withHeader("x-request-id", "log-req-3").withBody(BODY_MARKER)));

        String log = captureLog(() -> {
            try (CommerceServicesClient client = TestClients.builder(gateway.baseUrl(), store, clock,
                    new RecordingSleeper(clock)).build()) {
                client.projects().list();
                assertThrows(ConnectorServiceException.class, () -> client.projects().get("gone"));
            }
        });

        assertTrue(log.contains("GET merchant-registry/v1/registry (attempt 1)"), log);
        assertTrue(log.contains("503 GET merchant-registry/v1/registry"), log);
        assertTrue(log.contains("request id log-req-1"), log);
        assertTrue(log.contains("Retrying GET merchant-registry/v1/registry"), log);
        assertTrue(log.contains("200 GET merchant-registry/v1/registry"), log);
        assertTrue(log.contains("request id log-req-2"), log);
        assertTrue(log.contains("WARN") && log.contains("failed after 4 attempts: HTTP 500 (request id log-req-3)"),
                log);
        assertTrue(log.contains("user-agent=commerce-services-connector-java/"), "allow-listed headers are shown");
        for (String secret : secrets()) {
            assertFalse(log.contains(secret), "the log shows a secret or a body: " + secret);
        }
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(BODY_MARKER);
        secrets.add(TestClients.API_KEY);
        secrets.add("x-gw-signature=");
        secrets.add("x-api-key=");
        gateway.getAllServeEvents().forEach(event -> {
            String jwt = event.getRequest().getHeader("x-gw-signature");
            secrets.add(jwt);
            secrets.add(jwt.substring(jwt.lastIndexOf('.') + 1));
        });
        String pem = RsaKeys.pkcs8Pem(0);
        pem.lines().filter(line -> !line.startsWith("-----")).forEach(secrets::add);
        return secrets;
    }

    /** What the SDK logged while the action ran, one {@code log LEVEL logger - message} line per entry. */
    private static String captureLog(Runnable action) {
        int from = CapturedText.count();
        action.run();
        List<CapturedText.Entry> entries = CapturedText.snapshot();
        return entries.subList(from, entries.size()).stream().map(entry -> entry.source() + " - " + entry.text())
                .collect(Collectors.joining("\n"));
    }
}
