package io.github.commerceconnector.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Health probes reuse the last readiness for a while and never wait long for the gateway nor pile up on it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommerceConnectorHealthIndicatorTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private final TestClock clock = TestClock.fixed(Instant.parse("2025-01-01T00:00:00Z"));
    private FakeGateway gateway;
    private CommerceServicesClient client;

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
    }

    @Test
    void tenProbesWithinTheCacheTtlAskTheGatewayForOneCheck() {
        CommerceConnectorHealthIndicator indicator = indicator(Duration.ZERO, TTL, Duration.ofSeconds(5));
        long before = gateway.requestCount();

        for (int probe = 0; probe < 10; probe++) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            clock.advance(Duration.ofSeconds(2));
        }

        assertThat(gateway.requestCount() - before).isBetween(1L, 2L);
    }

    @Test
    void aProbeAfterTheCacheTtlAsksTheGatewayAgain() {
        CommerceConnectorHealthIndicator indicator = indicator(Duration.ZERO, TTL, Duration.ofSeconds(5));
        indicator.health();
        long afterFirst = gateway.requestCount();

        clock.advance(TTL.plusSeconds(1));
        indicator.health();

        assertThat(gateway.requestCount()).isGreaterThan(afterFirst);
    }

    @Test
    void aProbeWaitsForASlowGatewayNoLongerThanItsTimeout() {
        CommerceConnectorHealthIndicator indicator = indicator(Duration.ofMillis(1500), TTL, Duration.ofMillis(300));
        long started = System.nanoTime();

        Health health = indicator.health();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1200));
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsKey("error");
    }

    @Test
    void probesWhileACheckRunsGetTheLastResultAndStartNoOther() throws Exception {
        CommerceConnectorHealthIndicator indicator = indicator(Duration.ofMillis(200), Duration.ZERO,
                Duration.ofSeconds(5));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        long afterFirst = gateway.requestCount();

        List<CompletableFuture<Health>> probes = IntStream.range(0, 10)
                .mapToObj(probe -> CompletableFuture.supplyAsync(indicator::health)).collect(Collectors.toList());

        for (CompletableFuture<Health> probe : probes) {
            assertThat(probe.get().getStatus()).isEqualTo(Status.UP);
        }
        assertThat(gateway.requestCount() - afterFirst).isBetween(1L, 2L);
    }

    private CommerceConnectorHealthIndicator indicator(Duration latency, Duration cacheTtl, Duration timeout) {
        gateway = FakeGateway.builder().noRateLimit().latency(latency).start();
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(TestKeys.credentialsFor(gateway));
        client = CommerceServicesClient.builder().environment(Environment.SANDBOX).credentials(credentials)
                .installation(Installation.NON_PRODUCTION).endpoint(gateway.baseUri())
                .httpVersion(HttpClient.Version.HTTP_1_1).build();
        SaasProject project = gateway.services().addProject("Shop");
        String dataSpaceId = project.testingDataSpaces().get(0).id();
        gateway.services().featureSet(dataSpaceId, CommerceService.CATALOG_SERVICE.displayName());
        client.dataSpaces().select(project.id(), dataSpaceId);
        return new CommerceConnectorHealthIndicator(client, CommerceService.CATALOG_SERVICE, cacheTtl,
                timeout, clock);
    }
}
