package io.github.commerceconnector.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.GenericItem;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConflictException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.exception.ThrottledException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-memory fake's test hooks and the rules it shares with the gateway. */
@Timeout(30)
class FakeCommerceServicesTest {
    private final FakeCommerceServices services = FakeCommerceServices.create();

    private static Map<String, Object> product(String sku) {
        return Map.of("sku", sku, "storeViewCode", "default");
    }

    private String testingDataSpace() {
        return services.addProject("Shop " + System.nanoTime()).testingDataSpaces().get(0).id();
    }

    @Test
    void schemaModeRefusesAnInventedFieldInTheInMemoryCatalogNamingIt() {
        FakeCommerceServices checking = FakeCommerceServices.builder().checkSchema(true).build();
        SaasProject project = checking.addProject("Shop");
        checking.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());

        SyncReport report = checking.catalog().sync(Feed.PRODUCT_ATTRIBUTES, List.of(
                GenericItem.of(Map.of("attributeCode", "color", "storeViewCode", "default", "visibleInPLP", true)),
                GenericItem.of(Map.of("attributeCode", "size", "storeViewCode", "default", "visibleInListing", true))));

        assertEquals(1, report.sent());
        assertEquals(1, report.rejectedCount());
        RejectedItem refused = report.rejected().get(0);
        assertTrue(refused.reason().startsWith("visibleInPLP: not a field of the exporter's ProductAttributeMetadata "
                + "record"), refused.reason());
        assertEquals("visibleInPLP", refused.field(), "named as the HTTP client names it from the gateway's reply");
        assertNull(refused.code(), "a refusal by field carries no code on the wire, so the HTTP client has none");
    }

    @Test
    void injectedStatusFailsTheNextCallsThenRecovers() {
        FailureInjector.Injection injection = services.failures().next(2).respond(Fault.status(503));

        ConnectorServiceException first = assertThrows(ConnectorServiceException.class, () -> services.projects().list());
        assertThrows(ConnectorServiceException.class, () -> services.projects().list());

        assertEquals(503, first.statusCode());
        assertTrue(first.isRetryable());
        assertTrue(first.requestId().isPresent());
        assertEquals(List.of(), services.projects().list());
        assertEquals(2, injection.timesFired());
        assertFalse(injection.isArmed());
    }

    @Test
    void injectedStatusesBecomeTheExceptionsTheHttpClientThrows() {
        services.failures().next(1).respond(Fault.status(401));
        services.failures().next(1).respond(Fault.status(409));

        assertThrows(AuthenticationException.class, () -> services.projects().list());
        assertThrows(ConflictException.class, () -> services.projects().list());
    }

    @Test
    void injectedThrottlingCarriesRetryAfter() {
        services.failures().next(1).respond(Fault.throttle(Duration.ofSeconds(3)));

        ThrottledException error = assertThrows(ThrottledException.class, () -> services.projects().list());

        assertEquals(Duration.ofSeconds(3), error.retryAfter().orElseThrow());
    }

    @Test
    void aPredicateFailsOnlyMatchingCallsUntilCancelled() {
        FailureInjector.Injection injection = services.failures()
                .when(call -> call.is(FakeOperation.CREATE_PROJECT)).respond(Fault.status(500));

        assertEquals(List.of(), services.projects().list());
        assertThrows(ConnectorServiceException.class, () -> services.projects().create("Luma"));
        assertThrows(ConnectorServiceException.class, () -> services.projects().create("Luma"));
        injection.cancel();

        assertEquals("Luma", services.projects().create("Luma").name());
    }

    @Test
    void timesLimitsAPredicate() {
        services.failures().when(call -> true).times(1).respond(Fault.status(500));

        assertThrows(ConnectorServiceException.class, () -> services.projects().list());
        assertEquals(List.of(), services.projects().list());
    }

    @Test
    void aTimeoutIsRetryableAndAppliesNothing() {
        services.failures().next(1).respond(Fault.timeout());

        ConnectorClientException error = assertThrows(ConnectorClientException.class,
                () -> services.projects().create("Luma"));

        assertTrue(error.isRetryable());
        assertEquals(List.of(), services.projects().list());
    }

    @Test
    void aDropAfterTheRequestAppliesItButFails() {
        services.failures().next(1).respond(Fault.network(NetworkFault.DROP_AFTER_REQUEST));

        ConnectorClientException error = assertThrows(ConnectorClientException.class,
                () -> services.projects().create("Luma"));

        assertTrue(error.isRetryable());
        assertEquals("Luma", services.projects().list().get(0).name());
    }

    @Test
    void aConnectionResetAppliesNothing() {
        services.failures().next(1).respond(Fault.network(NetworkFault.CONNECTION_RESET));

        assertThrows(ConnectorClientException.class, () -> services.projects().create("Luma"));
        assertEquals(List.of(), services.projects().list());
    }

    @Test
    void aSlowBodySucceedsInMemory() {
        services.failures().next(1).respond(Fault.network(NetworkFault.SLOW_BODY));

        assertEquals("Luma", services.projects().create("Luma").name());
    }

    @Test
    void clearDisarmsEveryInjection() {
        services.failures().next(5).respond(Fault.status(500));

        services.failures().clear();

        assertEquals(0, services.failures().armedCount());
        assertEquals(List.of(), services.projects().list());
    }

    @Test
    void logsEveryCallWithTheRouteTheHttpClientWouldUse() {
        SaasProject project = services.projects().create("Luma");
        services.dataSpaces().get(project.testingDataSpaces().get(0).id());

        List<FakeCall> calls = services.calls();

        assertEquals(2, calls.size());
        assertEquals(FakeOperation.CREATE_PROJECT, calls.get(0).operation());
        assertEquals("POST", calls.get(0).method());
        assertEquals("merchant-registry/v1/registry/initialize", calls.get(0).path());
        assertEquals(FakeCall.Via.IN_MEMORY, calls.get(0).via());
        assertTrue(calls.get(1).targets(project.testingDataSpaces().get(0).id()));
        assertEquals("merchant-registry/v1/registry/environments/" + project.testingDataSpaces().get(0).id(),
                calls.get(1).path());
    }

    @Test
    void outOfBandChangesAreNeitherLoggedNorFailed() {
        services.failures().next(1).respond(Fault.status(500));

        SaasProject project = services.addProject("Luma");
        services.addItems(project.testingDataSpaces().get(0).id(), Feed.PRODUCTS, List.of(product("MH01")));

        assertEquals(List.of(), services.calls());
        assertEquals(1, services.failures().armedCount());
    }

    @Test
    void itemsAreUpsertsByIdentityAndDeletedRemoves() {
        String dataSpace = testingDataSpace();
        services.addItems(dataSpace, Feed.PRODUCTS, List.of(product("MH01"), product("MH02")));

        FeedResult result = services.addItems(dataSpace, Feed.PRODUCTS, List.of(
                Map.of("sku", "MH01", "storeViewCode", "default", "name", "Hoodie"),
                Map.of("sku", "MH02", "storeViewCode", "default", "deleted", true)));

        assertEquals(new FeedResult(1, 1, List.of()), result);
        assertEquals(List.of(Map.of("sku", "MH01", "storeViewCode", "default", "name", "Hoodie")),
                services.items(dataSpace, Feed.PRODUCTS));
    }

    @Test
    void itemsWithoutTheirIdentityAreRefusedOneByOne() {
        String dataSpace = testingDataSpace();

        FeedResult result = services.addItems(dataSpace, Feed.PRICES, List.of(
                Map.of("sku", "MH01", "customerGroupCode", "0", "websiteCode", "base"),
                Map.of("sku", "MH02", "websiteCode", "base"),
                Map.of("sku", " ", "customerGroupCode", "0", "websiteCode", "base")));

        assertEquals(1, result.upserted());
        assertEquals(List.of(1, 2), result.invalidItems().stream().map(InvalidItem::itemIndex).toList());
        assertTrue(result.invalidItems().get(0).message().contains("customerGroupCode"));
        assertTrue(result.invalidItems().get(1).message().contains("sku"));
    }

    @Test
    void storedItemsCannotBeChangedFromOutside() {
        String dataSpace = testingDataSpace();
        Map<String, Object> mutable = new HashMap<>(product("MH01"));
        mutable.put("images", new ArrayList<>(List.of("a.jpg")));
        services.addItems(dataSpace, Feed.PRODUCTS, List.of(mutable));

        mutable.put("name", "changed");

        assertFalse(services.items(dataSpace, Feed.PRODUCTS).get(0).containsKey("name"));
        assertThrows(UnsupportedOperationException.class,
                () -> services.items(dataSpace, Feed.PRODUCTS).get(0).put("name", "x"));
    }

    @Test
    void itemsOfAnUnknownDataSpaceIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> services.items("no-such-data-space", Feed.PRODUCTS));
    }

    @Test
    void aCustomFeedMustBeRegisteredFirst() {
        String dataSpace = testingDataSpace();
        Feed reviews = Feed.custom("reviews", "feeds/reviews/v1", 10, "reviewId");

        assertThrows(IllegalArgumentException.class,
                () -> services.addItems(dataSpace, reviews, List.of(Map.of("reviewId", "r1"))));
        services.registerFeed(reviews);

        assertEquals(1, services.addItems(dataSpace, reviews, List.of(Map.of("reviewId", "r1"))).upserted());
        assertTrue(services.feeds().contains(reviews));
    }

    @Test
    void theItemLimitRefusesLargerBatchesWhole() {
        FakeCommerceServices limited = FakeCommerceServices.builder().itemLimit(1).build();
        String dataSpace = limited.addProject("Luma").testingDataSpaces().get(0).id();

        assertThrows(IllegalArgumentException.class,
                () -> limited.addItems(dataSpace, Feed.PRODUCTS, List.of(product("A"), product("B"))));
        assertEquals(List.of(), limited.items(dataSpace, Feed.PRODUCTS));
    }

    @Test
    void aCreateBeyondTheProjectAllowanceIsAConflict() {
        FakeCommerceServices oneProject = FakeCommerceServices.builder().projectLimit(1).build();
        oneProject.projects().create("First");

        assertThrows(ConflictException.class, () -> oneProject.projects().create("Second"));
    }

    @Test
    void projectNamesAreComparedIgnoringCaseAndSpaces() {
        services.projects().create("Luma");

        assertThrows(ConflictException.class, () -> services.projects().create(" LUMA "));
    }

    @Test
    void theClockStampsRecordsAndCalls() {
        Instant start = Instant.parse("2025-01-02T03:04:05Z");
        TestClock clock = TestClock.fixed(start);
        FakeCommerceServices timed = FakeCommerceServices.builder().clock(clock).build();

        DataSpace created = timed.projects().create("Luma").dataSpaces().get(0);
        clock.advance(Duration.ofMinutes(5));
        DataSpace renamed = timed.dataSpaces().rename(created.id(), "Live");

        assertEquals(start, created.createdAt());
        assertEquals(start.plus(Duration.ofMinutes(5)), renamed.updatedAt());
        assertEquals(start, timed.calls().get(0).at());
        assertEquals(clock, timed.clock());
    }

    @Test
    void validateConfirmsRegisteredKeysAndRefusesOthers() {
        ServiceCredentials registered = TestKeys.credentialsFor(services);
        services.credentials().put(registered);
        assertTrue(services.credentials().validate(Environment.SANDBOX).valid());
        assertTrue(services.credentials().validate(Environment.SANDBOX).gatewayConfirmed());

        TestKeyPair stranger = TestKeys.rsa();
        services.credentials().put(stranger.credentials(Environment.SANDBOX, registered.apiKey()));

        assertFalse(services.credentials().validate(Environment.SANDBOX).valid());
        assertTrue(services.calls().stream().allMatch(call -> call.is(FakeOperation.PING)));
    }

    @Test
    void validateOfTheOtherEnvironmentChecksTheKeyMaterialOnly() {
        services.credentials().put(TestKeys.credentials(Environment.PRODUCTION));

        assertFalse(services.credentials().validate(Environment.PRODUCTION).gatewayConfirmed());
        assertTrue(services.credentials().validate(Environment.PRODUCTION).valid());
    }

    @Test
    void resetForgetsTheAccountTheSelectionTheFailuresAndTheLog() {
        ServiceCredentials credentials = TestKeys.credentialsFor(services);
        services.credentials().put(credentials);
        SaasProject project = services.projects().create("Luma");
        services.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());
        services.failures().when(call -> false).respond(Fault.status(500));

        services.reset();

        assertEquals(List.of(), services.calls());
        assertEquals(0, services.failures().armedCount());
        assertTrue(services.credentials().find(Environment.SANDBOX).isEmpty());
        assertTrue(services.dataSpaces().current().isEmpty());
        assertEquals(List.of(), services.projects().list());
        services.credentials().put(credentials);
        assertFalse(services.credentials().validate(Environment.SANDBOX).valid());
    }

    @Test
    void aClosedFakeRefusesClientCalls() {
        services.close();

        assertTrue(services.isClosed());
        assertThrows(IllegalStateException.class, () -> services.projects().list());
    }

    @Test
    void concurrentCreatesAllSucceedWithDistinctIds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SaasProject>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = "Project " + i;
                futures.add(pool.submit(() -> services.projects().create(name)));
            }
            Set<String> dataSpaceIds = new HashSet<>();
            for (Future<SaasProject> future : futures) {
                future.get().dataSpaces().forEach(dataSpace -> dataSpaceIds.add(dataSpace.id()));
            }

            assertEquals(200, services.projects().list().size());
            assertEquals(600, dataSpaceIds.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toStringShowsTheConfigurationOnly() {
        services.credentials().put(TestKeys.credentialsFor(services));

        assertEquals("FakeCommerceServices[sandbox, non-production, Adobe Commerce, 0 projects]", services.toString());
    }
}
