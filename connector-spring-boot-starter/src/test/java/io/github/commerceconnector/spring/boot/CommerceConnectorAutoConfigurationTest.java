package io.github.commerceconnector.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.registry.SaasProjectClient;
import io.github.commerceconnector.micrometer.ConnectorMetrics;
import io.github.commerceconnector.micrometer.MicrometerConnectorObserver;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration turns properties into a working client, gives way to the application's beans, and fails clearly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommerceConnectorAutoConfigurationTest {
    private final FakeGateway gateway = FakeGateway.builder().noRateLimit().start();
    private final ServiceCredentials keys = TestKeys.credentialsFor(gateway);
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CommerceConnectorAutoConfiguration.class))
            .withPropertyValues("commerce.connector.environment=sandbox",
                    "commerce.connector.installation=non-production",
                    "commerce.connector.endpoint=" + gateway.baseUri(),
                    "commerce.connector.keys.api-key=" + keys.apiKey().value(),
                    "commerce.connector.keys.private-key=" + keys.privateKey().reveal(),
                    "commerce.connector.sync.requests-per-second=0");

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void propertiesBecomeAWorkingClientAndItsClientsAsBeans() {
        SaasProject project = gateway.services().addProject("Shop");
        runner.run(context -> {
            assertThat(context).hasSingleBean(CommerceServices.class).hasSingleBean(CredentialStore.class)
                    .hasSingleBean(SaasProjectClient.class).hasSingleBean(DataSpaceClient.class)
                    .hasSingleBean(CatalogSyncClient.class);
            CommerceServices services = context.getBean(CommerceServices.class);
            assertThat(services.installation()).isEqualTo(Installation.NON_PRODUCTION);
            assertThat(context.getBean(SaasProjectClient.class).list()).extracting(SaasProject::id)
                    .containsExactly(project.id());
            assertThat(context.getBean(CatalogSyncClient.class)).isSameAs(services.catalog());
        });
    }

    @Test
    void applicationsOwnClientReplacesTheAutoConfiguredOne() {
        FakeCommerceServices own = FakeCommerceServices.builder().build();
        runner.withBean(CommerceServices.class, () -> own).run(context -> {
            assertThat(context.getBean(CommerceServices.class)).isSameAs(own);
            assertThat(context.getBean(DataSpaceClient.class)).isSameAs(own.dataSpaces());
        });
    }

    @Test
    void aBadPrivateKeyFailsTheStartupNamingThePropertyAndNotTheKey() {
        runner.withPropertyValues("commerce.connector.keys.private-key=-----BEGIN PRIVATE KEY-----\nnot-a-key-AAAA\n"
                + "-----END PRIVATE KEY-----").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(ConfigurationException.class)
                            .hasMessageContaining("commerce.connector.keys.private-key")
                            .hasMessageNotContaining("not-a-key-AAAA");
                });
    }

    @Test
    void aPrivateKeyFileWorksLikeThePemText(@TempDir Path directory) throws IOException {
        Path pem = Files.writeString(directory.resolve("sandbox.pem"), keys.privateKey().reveal());
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-------"));
        gateway.services().addProject("Shop");
        runner.withPropertyValues("commerce.connector.keys.private-key=", "commerce.connector.keys.private-key-file=" + pem)
                .run(context -> assertThat(context.getBean(SaasProjectClient.class).list()).hasSize(1));
    }

    @Test
    void aPrivateKeyFileOthersMayReadFailsTheStartupNamingTheProperty(@TempDir Path directory) throws IOException {
        Path pem = Files.writeString(directory.resolve("sandbox.pem"), keys.privateKey().reveal());
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-r--r--"));
        runner.withPropertyValues("commerce.connector.keys.private-key-file=" + pem).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("commerce.connector.keys.private-key-file").hasMessageContaining("chmod 600");
        });
    }

    @Test
    void anUnreadablePrivateKeyFileFailsTheStartupNamingThePropertyAndThePath(@TempDir Path directory) {
        Path missing = directory.resolve("missing.pem");
        runner.withPropertyValues("commerce.connector.keys.private-key-file=" + missing).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("commerce.connector.keys.private-key-file")
                    .hasMessageContaining(missing.toString());
        });
    }

    @Test
    void aMissingInstallationFailsTheStartupNamingTheProperty() {
        runner.withPropertyValues("commerce.connector.installation=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("commerce.connector.installation");
        });
    }

    @Test
    void healthIsDownWithTheNextStepUntilADataSpaceIsSelectedThenUp() {
        SaasProject project = gateway.services().addProject("Shop");
        runner.withPropertyValues("commerce.connector.health.service=catalog-service",
                "commerce.connector.health.cache-ttl=0").run(context -> {
            CommerceConnectorHealthIndicator indicator = context.getBean(CommerceConnectorHealthIndicator.class);
            Health before = indicator.health();
            assertThat(before.getStatus()).isEqualTo(Status.DOWN);
            assertThat(before.getDetails()).containsEntry("check", "data space").containsKey("nextStep");
            assertThat(before.getDetails().toString()).doesNotContain(keys.privateKey().reveal().substring(40, 80));

            CommerceServices services = context.getBean(CommerceServices.class);
            String dataSpaceId = project.testingDataSpaces().get(0).id();
            gateway.services().featureSet(dataSpaceId, "Catalog Service");
            services.dataSpaces().select(project.id(), dataSpaceId);
            services.catalog().sync(Feed.PRODUCTS, products(12));
            Health after = indicator.health();
            assertThat(after.getStatus()).as(after.getDetails().toString()).isEqualTo(Status.UP);
        });
    }

    @Test
    void feedPropertiesSetTheBatchSizeOfOneFeedOnly() {
        SaasProject project = gateway.services().addProject("Shop");
        runner.withPropertyValues("commerce.connector.sync.batch-size=10",
                "commerce.connector.sync.feeds.products.batch-size=4",
                "commerce.connector.sync.deleted-retention=0s").run(context -> {
            CommerceServices services = context.getBean(CommerceServices.class);
            String dataSpaceId = project.testingDataSpaces().get(0).id();
            services.dataSpaces().select(project.id(), dataSpaceId);
            services.catalog().sync(Feed.PRODUCTS, products(12));
            assertThat(gateway.requests()).filteredOn(request -> request.path().contains("products"))
                    .as("12 products at 4 a request").hasSize(3);
        });
    }

    @Test
    void aPropertyKeepsTheReadingOfTheInputOnTheCallingThread() {
        SaasProject project = gateway.services().addProject("Shop");
        runner.withPropertyValues("commerce.connector.sync.batch-size=1000",
                "commerce.connector.sync.read-input-on-calling-thread=true").run(context -> {
            CommerceServices services = context.getBean(CommerceServices.class);
            services.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());
            Set<Thread> readers = ConcurrentHashMap.newKeySet();
            List<FeedItem> items = products(3_000);
            Iterable<FeedItem> watched = () -> items.stream().peek(item -> readers.add(Thread.currentThread()))
                    .iterator();
            services.catalog().sync(Feed.PRODUCTS, watched);
            assertThat(readers).as("the threads that read the input").containsExactly(Thread.currentThread());
        });
    }

    @Test
    void aFeedPropertyNamingNoFeedFailsTheStartupNamingTheFeeds() {
        runner.withPropertyValues("commerce.connector.sync.feeds.produtcs.batch-size=4").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("produtcs").hasMessageContaining("productOverrides");
        });
    }

    @Test
    void healthOfAProductionOnlyServiceNamesTheProductionKeysWithASandboxClient() {
        runner.run(context -> assertThat(context.getBean(CommerceConnectorHealthIndicator.class).health().getDetails())
                .containsEntry("service", "Product Recommendations").containsEntry("check", "production keys"));
    }

    @Test
    void healthReusesItsResultForTheCacheTtl() {
        SaasProject project = gateway.services().addProject("Shop");
        runner.withPropertyValues("commerce.connector.health.service=catalog-service").run(context -> {
            CommerceConnectorHealthIndicator indicator = context.getBean(CommerceConnectorHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            context.getBean(CommerceServices.class).dataSpaces().select(project.id(),
                    project.testingDataSpaces().get(0).id());
            long before = gateway.requestCount();

            assertThat(indicator.health().getStatus()).as("the result of 30 s ago").isEqualTo(Status.DOWN);
            assertThat(gateway.requestCount()).isEqualTo(before);
        });
    }

    @Test
    void healthIndicatorCanBeTurnedOff() {
        runner.withPropertyValues("management.health.commerce-connector.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CommerceConnectorHealthIndicator.class));
    }

    @Test
    void micrometerObservesTheClientThroughTheApplicationsRegistries() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        gateway.services().addProject("Shop");
        runner.withBean(MeterRegistry.class, () -> meters).withBean(ObservationRegistry.class, () -> observations)
                .run(context -> {
                    assertThat(context.getBean(ConnectorObserver.class)).isInstanceOf(MicrometerConnectorObserver.class);
                    context.getBean(SaasProjectClient.class).list();
                    assertThat(meters.get(ConnectorMetrics.REQUESTS).tag("operation", "projects.list").timer().count())
                            .isEqualTo(1);
                });
    }

    @Test
    void theClientsGaugesNameItsEnvironmentAndLeaveTheRegistryWithTheContext() {
        MeterRegistry meters = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> meters).run(context -> {
            context.getBean(CommerceServices.class);
            assertThat(meters.get(ConnectorMetrics.ITEMS_IN_FLIGHT).tag(ConnectorMetrics.CLIENT, "sandbox").gauge()
                    .value()).isEqualTo(0.0);
        });
        assertThat(meters.find(ConnectorMetrics.ITEMS_IN_FLIGHT).gauges()).isEmpty();
    }

    @Test
    void withoutConnectorMicrometerTheClientIsBuiltUnobserved() {
        runner.withClassLoader(new FilteredClassLoader(MicrometerConnectorObserver.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CommerceServices.class)
                    .doesNotHaveBean(ConnectorObserver.class);
        });
    }

    @Test
    void propertiesHaveGeneratedMetadataForIdes() throws IOException {
        try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
            for (String name : List.of("commerce.connector.environment", "commerce.connector.installation",
                    "commerce.connector.endpoint", "commerce.connector.state-directory",
                    "commerce.connector.keys.api-key", "commerce.connector.keys.private-key-file",
                    "commerce.connector.keys.credentials-file", "commerce.connector.sync.batch-size",
                    "commerce.connector.health.service", "commerce.connector.health.cache-ttl",
                    "commerce.connector.health.timeout")) {
                assertThat(json).contains("\"name\": \"" + name + "\"");
            }
        }
    }

    private static List<FeedItem> products(int count) {
        return IntStream.range(0, count).<FeedItem>mapToObj(n -> Product.builder().sku("SKU-" + n)
                .storeViewCode("default").name("Product " + n).urlKey("product-" + n).inStock(true).build())
                .collect(Collectors.toList());
    }
}
