package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.examples.CatalogGenerator;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.RecordedRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * The guardrail run: the fake gateway's default limit of 2 feed requests a second per data space is on, the
 * SDK runs with its default settings (adaptive client-side limit of 2 a second), and a catalog is synced in
 * real time. Reports the requests per second the gateway accepted and the share it answered {@code 429}.
 */
final class GuardrailRun {

    private GuardrailRun() {
    }

    /** Syncs {@code size} products under the guardrail. */
    static Figures run(CatalogGenerator catalog, int size) {
        Path state = Directories.create("bench-guardrail-");
        try (BenchRig rig = BenchRig.start(false, FakeGateway.DEFAULT_RATE_LIMIT);
                CommerceServicesClient client = rig.client(state, CatalogSyncSettings.defaults(), 0)) {
            rig.gateway().clearRequests();
            long start = System.nanoTime();
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, catalog.products(size));
            double seconds = (System.nanoTime() - start) / 1e9;
            SdkScenarios.expect(report.isComplete() && report.sent() == size, "the guardrail sync sent "
                    + report.sent() + " of " + size + " products");
            List<RecordedRequest> feed = rig.gateway().requests().stream()
                    .filter(request -> request.path().startsWith("feeds/")).toList();
            long accepted = feed.stream().filter(request -> request.status() == 200).count();
            long throttled = feed.stream().filter(request -> request.status() == 429).count();
            return new Figures().put("items", size)
                    .put("seconds", seconds)
                    .put("feedRequests", feed.size())
                    .put("accepted", accepted)
                    .put("throttled", throttled)
                    .put("acceptedPerSecond", accepted / seconds)
                    .put("requestsPerSecond", feed.size() / seconds)
                    .put("throttledShare", feed.isEmpty() ? 0 : (double) throttled / feed.size())
                    .put("signatures", rig.signatures());
        } finally {
            Directories.deleteTree(state);
        }
    }
}
