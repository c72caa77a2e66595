package io.github.commerceconnector.examples.fleet;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.core.CommerceServicesClient;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a merchant's recurring task: reads the merchant, then syncs each of its feeds
 * ({@link MerchantCatalog#FEEDS}) in order with its client. Thread-safe.
 */
public final class MerchantSync {
    private final MerchantDirectory merchants;
    private final MerchantClients clients;
    private final FleetEvents events;

    /**
     * The syncs of a worker.
     *
     * @param merchants the fleet's merchants
     * @param clients   the worker's clients
     * @param events    where the worker reports
     */
    public MerchantSync(MerchantDirectory merchants, MerchantClients clients, FleetEvents events) {
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** How a run ended. */
    public enum Result {
        /** Every feed was synced completely. */
        COMPLETE,
        /** Some items were not accepted yet (retryable or rejected): run again soon. */
        INCOMPLETE,
        /** The merchant is no longer in the directory: its task can go. */
        GONE
    }

    /**
     * Syncs the merchant's feeds.
     *
     * @param merchantId the merchant
     * @return how it ended
     * @throws SyncLockedException if another worker syncs one of its feeds now (someone else has it: try later)
     * @throws io.github.commerceconnector.api.exception.ConnectorException if a sync failed
     */
    public Result run(String merchantId) {
        Optional<Merchant> found = merchants.find(merchantId);
        if (found.isEmpty()) {
            return Result.GONE;
        }
        Merchant merchant = found.get();
        CommerceServicesClient client = clients.client(merchantId);
        boolean complete = true;
        for (Feed feed : MerchantCatalog.FEEDS) {
            events.say("START", merchantId, feed.name(), "revision=" + merchant.revision());
            SyncReport report = client.catalog().sync(feed, MerchantCatalog.items(merchant, feed));
            events.say("DONE", merchantId, feed.name(), "revision=" + merchant.revision(), "sent=" + report.sent(),
                    "unchanged=" + report.unchanged(), "complete=" + report.isComplete());
            complete &= report.isComplete();
        }
        return complete ? Result.COMPLETE : Result.INCOMPLETE;
    }
}
