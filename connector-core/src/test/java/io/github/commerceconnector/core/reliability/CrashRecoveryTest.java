package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes: a child JVM syncs 50,000 products into a fake gateway in this JVM and is killed with SIGKILL at ten
 * different moments (during a feed request before and after the gateway applied it, during a state write,
 * between batches, while the state opens, at a time); after each kill the state store opens cleanly and claims
 * nothing the gateway lacks, and a new child carries on. The last child completes the sync: the gateway then
 * holds exactly the catalog, and the items sent in all stay close to the catalog size.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CrashRecoveryTest {
    private static final int CATALOG = 50_000;
    private static final int BATCH = 100;
    private static final int IN_FLIGHT = 2;
    private static final List<KillSwitch.Moment> KILLS = List.of(
            new KillSwitch.OnRequest(25, false),
            new KillSwitch.OnLine("RECORDING 30", "while a state write runs"),
            new KillSwitch.OnRequest(35, true),
            new KillSwitch.OnLine("RECORDED 20", "between batches, right after a state write"),
            new KillSwitch.OnLine("OPENING", "while the state opens: replay and compaction"),
            new KillSwitch.AfterReady(Duration.ofMillis(1500), 120),
            new KillSwitch.OnLine("RECORDING 45", "while a state write runs"),
            new KillSwitch.OnRequest(40, true),
            new KillSwitch.OnLine("RECORDED 35", "between batches, right after a state write"),
            new KillSwitch.OnRequest(30, false));

    @TempDir
    Path work;

    private FakeCommerceServices account;
    private FakeGateway gateway;
    private String projectId;
    private String dataSpaceId;
    private Map<String, String> environment;
    private final KillSwitch killSwitch = new KillSwitch();
    private final List<String> figures = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        account = FakeCommerceServices.builder().clock(TestClock.system()).checkSchema(true).build();
        gateway = FakeGateway.builder().services(account).noRateLimit().start();
        gateway.failures().when(killSwitch).respond(Fault.timeout(Duration.ofSeconds(30)));
        SaasProject project = account.addProject("Shop");
        projectId = project.id();
        dataSpaceId = project.testingDataSpaces().get(0).id();
        ServiceCredentials keys = TestKeys.credentialsFor(gateway);
        SecretRegistry.credentials("crash test keys", keys);
        Path keyFile = work.resolve("sandbox-key.pem");
        Files.writeString(keyFile, keys.privateKey().reveal());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        environment = Map.of("COMMERCE_CONNECTOR_SANDBOX_API_KEY", keys.apiKey().value(),
                "COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_FILE", keyFile.toString());
    }

    @AfterEach
    void stop() {
        gateway.close();
        account.close();
        System.out.println("Crash recovery figures:");
        figures.forEach(figure -> System.out.println("  " + figure));
    }

    @Test
    void survivesTenSigkillsAtDifferentMomentsAndTheLastRunCompletesTheCatalog() throws Exception {
        long started = System.nanoTime();
        int run = 0;
        for (KillSwitch.Moment moment : KILLS) {
            run++;
            int exit = runChild(run, moment);
            assertTrue(killSwitch.fired(), "run " + run + " was not killed " + moment + " (it ended with " + exit + ")");
            assertEquals(137, exit, "run " + run + " ends by SIGKILL");
            assertStateOpensCleanlyAndIsSafe(run, moment);
        }
        int exit = runChild(++run, new KillSwitch.Never());
        assertEquals(0, exit, "the last run completes");
        assertStateOpensCleanlyAndIsSafe(run, new KillSwitch.Never());

        assertGatewayHoldsExactlyTheCatalog();
        HeldState state = readState();
        assertEquals(CATALOG, state.count(ItemStatus.ACCEPTED));
        assertEquals(0, state.count(ItemStatus.RETRYABLE));
        assertEquals(0, state.count(ItemStatus.UNCONFIRMED));
        long received = itemsReceived();
        double overhead = 100.0 * (received - CATALOG) / CATALOG;
        figures.add(String.format("%d items received by the gateway for a catalog of %d: %d resent (%.2f %%) "
                + "after %d kills; %d feed requests; %d ms in all", received, CATALOG, received - CATALOG, overhead,
                KILLS.size(), feedRequests(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        assertTrue(received - CATALOG <= (long) KILLS.size() * (IN_FLIGHT + 1) * BATCH,
                "each kill costs at most the batches in flight and the one being recorded: " + received);
    }

    private int runChild(int run, KillSwitch.Moment moment) throws Exception {
        killSwitch.arm(moment);
        long before = itemsReceived();
        long started = System.nanoTime();
        try (ChildProcess child = ChildProcess.start("sync-run-" + run, work, environment, killSwitch::line,
                SyncChild.class, gateway.baseUri().toString(), work.resolve("state").toString(), projectId,
                dataSpaceId, String.valueOf(CATALOG))) {
            killSwitch.attach(child);
            int exit = child.waitFor(120);
            if (moment instanceof KillSwitch.Never) {
                String done = child.lines().stream().filter(line -> line.startsWith("DONE")).findFirst().orElse(null);
                assertNotNull(done, "the last run says DONE: " + child.tail());
            } else if (exit != 137) {
                figures.add("run " + run + " ended with " + exit + ": " + child.tail());
            }
            figures.add(String.format("run %2d: killed %-70s exit %3d, %4d feed requests, %6d items received, %5d ms",
                    run, moment, exit, killSwitch.requests(), itemsReceived() - before,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
            return exit;
        }
    }

    private HeldState readState() {
        return HeldState.read(new FileSyncStateStore(work.resolve("state").resolve("catalog")), dataSpaceId,
                Feed.PRODUCTS);
    }

    /** The state opens (the lock died with the child) and claims nothing accepted that the gateway lacks. */
    private void assertStateOpensCleanlyAndIsSafe(int run, KillSwitch.Moment moment) {
        HeldState state = readState();
        List<ItemKey> unsafe = state.acceptedButNotHeld(Feed.PRODUCTS, account.items(dataSpaceId, Feed.PRODUCTS));
        assertEquals(List.of(), unsafe, "after run " + run + " (killed " + moment + ")");
        figures.add(String.format("        state after run %d: %d accepted, %d retryable, %d unconfirmed (in flight "
                + "when killed)", run, state.count(ItemStatus.ACCEPTED), state.count(ItemStatus.RETRYABLE),
                state.count(ItemStatus.UNCONFIRMED)));
    }

    private void assertGatewayHoldsExactlyTheCatalog() {
        Map<String, String> held = new HashMap<>();
        for (Map<String, Object> item : account.items(dataSpaceId, Feed.PRODUCTS)) {
            held.put((String) item.get("sku"), (String) item.get("name"));
        }
        assertEquals(CATALOG, held.size(), "items held");
        for (int n = 0; n < CATALOG; n++) {
            assertEquals(CrashCatalog.name(n), held.get(CrashCatalog.sku(n)), "item " + n);
        }
    }

    private long itemsReceived() {
        return gateway.requests().stream().filter(request -> request.path().startsWith("feeds/"))
                .mapToLong(request -> request.items().size()).sum();
    }

    private long feedRequests() {
        return gateway.requests().stream().filter(request -> request.path().startsWith("feeds/")).count();
    }
}
