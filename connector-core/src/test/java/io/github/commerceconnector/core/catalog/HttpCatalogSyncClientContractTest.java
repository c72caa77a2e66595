package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.contract.CatalogSyncClientContract;
import io.github.commerceconnector.testkit.contract.ContractFixture;
import io.github.commerceconnector.testkit.contract.FakeAccountFixture;
import io.github.commerceconnector.testkit.contract.FixtureSpec;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The HTTP catalog sync client, with file state, against the fake gateway (2 requests a second, timed by
 * the account's standing clock, which the client's waits move) passes the catalog sync contract.
 */
class HttpCatalogSyncClientContractTest extends CatalogSyncClientContract {

    @Override
    protected ContractFixture openFixture(FixtureSpec spec) {
        FakeCommerceServices.Builder builder = FakeCommerceServices.builder().edition(spec.edition())
                .installation(spec.installation()).clock(TestClock.fixed(Instant.parse("2026-03-01T08:00:00Z")));
        spec.productionOverride().ifPresent(builder::allowProductionDataSpace);
        FakeCommerceServices account = builder.build();
        FakeGateway gateway = FakeGateway.builder().services(account).start();
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(TestKeys.credentialsFor(gateway));
        Path stateDirectory;
        try {
            stateDirectory = Files.createTempDirectory("catalog-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CommerceServicesClient.Builder client = CommerceServicesClient.builder().environment(Environment.SANDBOX)
                .credentials(credentials).installation(spec.installation()).endpoint(gateway.baseUri())
                .httpVersion(HttpClient.Version.HTTP_1_1).stateDirectory(stateDirectory)
                .timeouts(Timeouts.defaults().withAttempt(Duration.ofSeconds(10)).withCall(Duration.ofHours(1)))
                .clock(account.clock()).sleeper(account.clock()::advance);
        spec.productionOverride().ifPresent(client::allowProductionDataSpace);
        return new FakeAccountFixture(account, client.build(), List.of(gateway, () -> deleteTree(stateDirectory)));
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
