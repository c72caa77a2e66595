package io.github.commerceconnector.core.testsupport;

import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A contract fixture whose implementation under test is core's HTTP client, with its state in a temporary
 * directory, talking to a {@link FakeGateway} on loopback over a fresh fake account. The gateway keeps its
 * default 2 requests a second per data space, timed by the account's standing clock, which the client's
 * waits move, so no test sleeps. {@link ContractFixture#reopen()} builds a new client on the same state
 * directory, as after a restart.
 */
public final class HttpClientOnFakeGateway extends FakeAccountFixture {
    private final FixtureSpec spec;
    private final FakeGateway gateway;
    private final CredentialStore credentials;
    private final Path stateDirectory;
    private final List<CommerceServices> reopened;

    private HttpClientOnFakeGateway(FixtureSpec spec, FakeCommerceServices account, FakeGateway gateway,
            CredentialStore credentials, Path stateDirectory, List<CommerceServices> reopened) {
        super(account, client(spec, account, gateway, credentials, stateDirectory),
                List.of(() -> reopened.forEach(CommerceServices::close), gateway, () -> deleteTree(stateDirectory)));
        this.spec = spec;
        this.gateway = gateway;
        this.credentials = credentials;
        this.stateDirectory = stateDirectory;
        this.reopened = reopened;
    }

    /** Opens the fixture for a contract's spec. */
    public static HttpClientOnFakeGateway open(FixtureSpec spec) {
        FakeCommerceServices.Builder builder = FakeCommerceServices.builder().edition(spec.edition()).checkSchema(true)
                .installation(spec.installation()).clock(TestClock.fixed(Instant.parse("2026-03-01T08:00:00Z")));
        spec.productionOverride().ifPresent(builder::allowProductionDataSpace);
        FakeCommerceServices account = builder.build();
        FakeGateway gateway = FakeGateway.builder().services(account).start();
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(TestKeys.credentialsFor(gateway));
        try {
            return new HttpClientOnFakeGateway(spec, account, gateway, credentials,
                    Files.createTempDirectory("http-contract"), new ArrayList<>());
        } catch (IOException e) {
            gateway.close();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized CommerceServices reopen() {
        CommerceServices client = client(spec, account(), gateway, credentials, stateDirectory);
        reopened.add(client);
        return client;
    }

    private static CommerceServices client(FixtureSpec spec, FakeCommerceServices account, FakeGateway gateway,
            CredentialStore credentials, Path stateDirectory) {
        CommerceServicesClient.Builder client = CommerceServicesClient.builder().environment(Environment.SANDBOX)
                .credentials(credentials).installation(spec.installation()).edition(spec.edition())
                .endpoint(gateway.baseUri()).httpVersion(HttpClient.Version.HTTP_1_1).stateDirectory(stateDirectory)
                .timeouts(Timeouts.defaults().withAttempt(Duration.ofSeconds(10)).withCall(Duration.ofHours(1)))
                .clock(account.clock()).sleeper(account.clock()::advance);
        spec.productionOverride().ifPresent(client::allowProductionDataSpace);
        return client.build();
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
