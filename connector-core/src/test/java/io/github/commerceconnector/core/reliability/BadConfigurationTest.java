package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.testsupport.KeyPems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad configuration fails when the client is built or a store is opened, with a message that names the setting
 * and what would be right, before any request reaches the gateway; never in the middle of a sync. The one
 * exception is documented: a damaged catalog state file is not an error but starts that feed's state afresh,
 * and the next sync resends everything.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadConfigurationTest {
    @TempDir
    Path directory;

    private SyncFixture fixture;

    @BeforeEach
    void start() {
        fixture = new SyncFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void assertNoRequestReachedTheGateway() {
        assertEquals(0, fixture.gateway.requestCount(), "nothing was sent: " + fixture.gateway.requests());
    }

    private static ConfigurationException refused(Executable configure, String... named) {
        ConfigurationException refused = assertThrows(ConfigurationException.class, configure);
        for (String name : named) {
            assertTrue(refused.getMessage().contains(name), "the message names " + name + ": " + refused.getMessage());
        }
        return refused;
    }

    private static List<FeedItem> items(int count) {
        return IntStream.range(0, count).<FeedItem>mapToObj(n -> Product.builder().sku("CFG-" + n)
                .storeViewCode("default").name("Configured " + n).build()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "", "sandbox-2"})
    void anUnknownEnvironmentNameIsRefusedNamingTheLegalOnes(String name) {
        refused(() -> Environment.fromName(name), "'" + name + "'", "'production' or 'sandbox'");
    }

    @Test
    void aCredentialsFileNamingAnUnknownEnvironmentIsRefusedWhenOpened() throws IOException {
        Path file = directory.resolve("credentials.json");
        Files.writeString(file, "{\"version\":1,\"environments\":{\"staging\":{\"apiKey\":\"abcdefgh12\","
                + "\"privateKey\":\"x\"}}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        refused(() -> CredentialStores.file(file), file.toString(), "'production' and 'sandbox'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/", "localhost:8080", "https://user:pw@commerce.example/",
        "https://commerce.example/?region=eu", "file:///etc/passwd", "mailto:ops@example.com"})
    void aMalformedEndpointFailsTheBuildBeforeAnyRequest(String endpoint) {
        refused(() -> fixture.builder(directory).endpoint(URI.create(endpoint)).build(), "endpoint");
        assertNoRequestReachedTheGateway();
    }

    @Test
    void aStateDirectoryThatIsAFileFailsTheBuild() throws IOException {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        refused(() -> fixture.builder(file).build(), "stateDirectory", file.toString(), "cannot be used");
        refused(() -> fixture.builder(file.resolve("below")).build(), "stateDirectory");
        assertNoRequestReachedTheGateway();
    }

    @Test
    void everyMissingOrWrongSettingIsListedAtOnce() {
        ConfigurationException refused = refused(() -> CommerceServicesClient.builder()
                .endpoint(URI.create("ftp://nowhere/")).allowProductionDataSpace(" ").build(),
                "environment is missing", "credentials are missing", "installation is missing", "endpoint",
                "allowProductionDataSpace needs a reason");
        assertFalse(refused.getMessage().isBlank());
    }

    @Test
    void settingsOutOfRangeAreRefusedWhereTheyAreMade() {
        refused(() -> new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(5)),
                "call timeout", "attempt timeout");
        refused(() -> RetrySettings.defaults().withMaxAttempts(0), "maxAttempts", "1 (no retries) to 20");
        refused(() -> CatalogSyncSettings.defaults().withBatchSize(-1), "batchSize", "0 (feed default) to 10000");
        refused(() -> CatalogSyncSettings.defaults().withMaxInFlight(0), "maxInFlight", "1 to 64");
    }

    @Test
    void aDamagedSavedSelectionFailsTheBuildSayingWhatToDo() throws IOException {
        Path state = directory.resolve("state");
        fixture.client(fixture.builder(state)).close();
        fixture.gateway.clearRequests();
        Files.writeString(state.resolve("saas-identity.json"), "{\"format\":1,\"projectId\":");

        refused(() -> fixture.builder(state).build(), "saas-identity.json", "damaged", "select the data space again");
        assertNoRequestReachedTheGateway();
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWhenTheStoreOpens() throws IOException {
        Path credentials = directory.resolve("credentials.json");
        CredentialStores.file(credentials).put(fixture.credentials.require(Environment.SANDBOX));
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));

        refused(() -> CredentialStores.file(credentials), credentials.toString(), "chmod 600");

        Path pem = Files.writeString(directory.resolve("sandbox.pem"), KeyPems.pkcs8(KeyPems.rsa()));
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-r-----"));
        refused(() -> CredentialStores.fromEnvironment(Map.of("COMMERCE_CONNECTOR_SANDBOX_API_KEY", "abcdefgh1234",
                "COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", pem.toString()), new Properties()),
                "COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", "chmod 600");
    }

    @Test
    void aCatalogStateDirectoryThatCannotBeOpenedFailsTheSyncBeforeItsFirstRequest() throws IOException {
        Path state = directory.resolve("state");
        try (CommerceServicesClient client = fixture.client(fixture.builder(state))) {
            Files.writeString(state.resolve("catalog"), "a file where the catalog state directory belongs");
            fixture.gateway.clearRequests();

            ConnectorClientException failed = assertThrows(ConnectorClientException.class,
                    () -> client.catalog().sync(Feed.PRODUCTS, items(10)));

            assertTrue(failed.getMessage().contains(state.resolve("catalog").toString()), failed.getMessage());
            assertNoRequestReachedTheGateway();
        }
    }

    @Test
    void aDamagedCatalogStateFileStartsAfreshAndTheNextSyncResendsEverything() throws IOException {
        Path state = directory.resolve("state");
        try (CommerceServicesClient client = fixture.client(fixture.builder(state))) {
            assertEquals(300, client.catalog().sync(Feed.PRODUCTS, items(300)).sent());
            try (Stream<Path> files = Files.walk(state.resolve("catalog"))) {
                for (Path log : files.filter(path -> path.toString().endsWith(".log")).toList()) {
                    Files.write(log, new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'l', 'o', 'g', 0, 1, 2, 3, 4, 5, 6, 7});
                }
            }

            SyncReport again = client.catalog().sync(Feed.PRODUCTS, items(300));

            assertEquals(300, again.sent(), "the state started afresh, so everything was sent again");
            assertTrue(again.isComplete());
            assertEquals(300, fixture.held(Feed.PRODUCTS).size());
            assertEquals(0, client.catalog().sync(Feed.PRODUCTS, items(300)).requests());
        }
    }
}
