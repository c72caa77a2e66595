package io.github.commerceconnector.api.catalog;

import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A whole-catalog sync: several feeds, each from a supplier of its items, synced one after the other in the order
 * of the Commerce Admin dashboard's "Resync" ({@link #DASHBOARD_ORDER}: product attributes, categories, products,
 * customer group scopes, website scopes, prices, product overrides), then the other feeds in the order they were
 * added. It runs on any {@link CatalogSyncClient} (the HTTP client, the testkit's in-memory fake, your own):
 *
 * <pre>{@code
 * CatalogSyncReport report = CatalogSyncPlan.builder()
 *         .feed(Feed.PRODUCTS, store::products)            // each supplier is called when its feed's turn comes
 *         .feed(Feed.PRODUCT_ATTRIBUTES, store::attributes)
 *         .feed(Feed.PRICES, store::prices)
 *         .build()
 *         .run(services.catalog());
 * }</pre>
 *
 * <p><b>It stops at the first feed that fails</b>, so that a later feed never goes out over an earlier one that did
 * not (prices over products the gateway lacks): a feed fails when its call throws (the keys refused, the gateway
 * failing past the sync deadline, no data space selected, the supplier's own exception, ...) or when its report is
 * not complete ({@link SyncReport#isComplete()}: items left retryable, the call stopped early, or, unless
 * {@link Builder#stopOnRejected(boolean) stopOnRejected(false)}, items rejected). The feeds after it are not
 * touched and their suppliers are not called. {@link #run} does not throw for a feed that failed: the
 * {@link CatalogSyncReport} says which feed stopped the run, why, and holds the exception if there was one, beside
 * the reports of the feeds that ran. Immutable and thread-safe; one plan may run many times.
 */
public final class CatalogSyncPlan {
    /**
     * The order of the Commerce Admin dashboard's "Resync" (known: product attributes, products, customer group
     * scopes, website scopes, prices, product overrides), with categories after the attributes and before the
     * products that name them. The feeds of a plan that are not in it run after these, in the order added.
     */
    public static final List<Feed> DASHBOARD_ORDER = List.of(Feed.PRODUCT_ATTRIBUTES, Feed.CATEGORIES, Feed.PRODUCTS,
            Feed.SCOPES_CUSTOMER_GROUP, Feed.SCOPES_WEBSITE, Feed.PRICES, Feed.PRODUCT_OVERRIDES);

    /** One feed's call on a client. */
    @FunctionalInterface
    private interface Step {
        SyncReport run(CatalogSyncClient client, Feed feed, SyncListener listener, boolean resync);
    }

    private final List<Feed> order;
    private final Map<Feed, Step> steps;
    private final boolean stopOnRejected;
    private final boolean resync;

    private CatalogSyncPlan(Builder builder) {
        Map<String, Feed> added = new LinkedHashMap<>();
        builder.steps.keySet().forEach(feed -> added.put(feed.name(), feed));
        List<Feed> ordered = new ArrayList<>(added.size());
        for (Feed known : DASHBOARD_ORDER) {
            Feed given = added.remove(known.name());
            if (given != null) {
                ordered.add(given);
            }
        }
        ordered.addAll(added.values());
        this.order = List.copyOf(ordered);
        this.steps = Collections.unmodifiableMap(new LinkedHashMap<>(builder.steps));
        this.stopOnRejected = builder.stopOnRejected;
        this.resync = builder.resync;
    }

    /**
     * A new, empty plan builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The feeds in the order they run.
     *
     * @return the feeds of the plan, the dashboard's first
     */
    public List<Feed> feeds() {
        return order;
    }

    /**
     * Runs the plan on a client, without a listener.
     *
     * @param client the catalog client, with a data space selected
     * @return the reports of the feeds that ran, their totals, and where and why the run stopped if it did
     */
    public CatalogSyncReport run(CatalogSyncClient client) {
        return run(client, SyncListener.NONE);
    }

    /**
     * Runs the plan on a client: each feed in turn, stopping at the first that fails (see the class description).
     *
     * @param client   the catalog client, with a data space selected
     * @param listener hears each feed's progress, waits and final report, as for a single call
     * @return the reports of the feeds that ran, their totals, and where and why the run stopped if it did
     */
    public CatalogSyncReport run(CatalogSyncClient client, SyncListener listener) {
        Objects.requireNonNull(client, "client");
        SyncListener hearing = listener == null ? SyncListener.NONE : listener;
        List<SyncReport> reports = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Feed feed = order.get(i);
            List<Feed> notRun = order.subList(i + 1, order.size());
            SyncReport report;
            try {
                report = steps.get(feed).run(client, feed, hearing, resync);
            } catch (RuntimeException failed) {
                if (failed instanceof SyncDeadlineExceededException deadline) {
                    reports.add(deadline.report());
                }
                return new CatalogSyncReport(reports, notRun, Optional.of(feed),
                        Optional.of(feed.name() + " failed: " + failed.getMessage()), Optional.of(failed));
            }
            reports.add(report);
            Optional<String> reason = failure(report);
            if (reason.isPresent()) {
                return new CatalogSyncReport(reports, notRun, Optional.of(feed), reason, Optional.empty());
            }
        }
        return new CatalogSyncReport(reports, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Optional<String> failure(SyncReport report) {
        String feed = report.feed().name();
        if (report.stopReason().isPresent()) {
            return Optional.of(feed + " stopped: " + report.stopReason().get());
        }
        if (report.retryable() > 0) {
            return Optional.of(feed + ": " + report.retryable() + " items left retryable (retryFailed resends them)");
        }
        if (stopOnRejected && report.rejectedCount() > 0) {
            String first = report.rejected().isEmpty() ? ""
                    : ", the first " + report.rejected().get(0).key() + ": " + report.rejected().get(0).reason();
            return Optional.of(feed + ": " + report.rejectedCount() + " items rejected" + first);
        }
        return Optional.empty();
    }

    /** Builds a {@link CatalogSyncPlan}; not thread-safe. */
    public static final class Builder {
        private final Map<Feed, Step> steps = new LinkedHashMap<>();
        private final Map<String, Feed> names = new LinkedHashMap<>();
        private boolean stopOnRejected = true;
        private boolean resync;

        private Builder() {
        }

        /**
         * Adds a feed whose full catalog the supplier gives when the feed's turn comes (so a plan holds no items, and
         * a feed after a failed one is never read). As in {@link CatalogSyncClient#sync}, items missing from it are
         * deleted.
         *
         * @param feed  the feed
         * @param items gives the feed's items as an {@code Iterable} (larger than memory is fine)
         * @return this builder
         * @throws IllegalArgumentException for a feed already added (by name)
         */
        public Builder feed(Feed feed, Supplier<? extends Iterable<? extends FeedItem>> items) {
            Objects.requireNonNull(items, "items");
            return add(feed, (client, which, listener, forced) -> forced
                    ? client.resync(which, items.get(), ResyncOptions.defaults().withListener(listener))
                    : client.sync(which, items.get(), listener));
        }

        /**
         * Adds a feed whose full catalog the supplier gives as a stream when the feed's turn comes; the stream is
         * closed after the feed's call.
         *
         * @param feed  the feed
         * @param items gives the feed's items as a {@code Stream}
         * @return this builder
         * @throws IllegalArgumentException for a feed already added (by name)
         */
        public Builder feedStream(Feed feed, Supplier<? extends Stream<? extends FeedItem>> items) {
            Objects.requireNonNull(items, "items");
            return add(feed, (client, which, listener, forced) -> {
                try (Stream<? extends FeedItem> stream = items.get()) {
                    Iterable<FeedItem> once = () -> stream.<FeedItem>map(item -> item).iterator();
                    return forced ? client.resync(which, once, ResyncOptions.defaults().withListener(listener))
                            : client.sync(which, once, listener);
                }
            });
        }

        private Builder add(Feed feed, Step step) {
            Objects.requireNonNull(feed, "feed");
            Feed earlier = names.putIfAbsent(feed.name(), feed);
            if (earlier != null) {
                throw new IllegalArgumentException("Feed " + feed.name() + " is in the plan already: add each feed "
                        + "once, with a supplier of its whole catalog");
            }
            steps.put(feed, step);
            return this;
        }

        /**
         * Whether a feed with rejected items stops the run (default {@code true}). With {@code false}, only a
         * feed that throws, stops early or leaves items retryable stops it; rejected items are still reported.
         *
         * @param value whether rejected items stop the run
         * @return this builder
         */
        public Builder stopOnRejected(boolean value) {
            this.stopOnRejected = value;
            return this;
        }

        /**
         * Whether each feed is resent whole, changed or not ({@link CatalogSyncClient#resync}, without cleanup), as
         * the dashboard's "Resync" does, instead of synced incrementally (default {@code false}).
         *
         * @param value whether to resend every item
         * @return this builder
         */
        public Builder resync(boolean value) {
            this.resync = value;
            return this;
        }

        /**
         * The plan.
         *
         * @return the plan
         * @throws IllegalStateException when no feed was added
         */
        public CatalogSyncPlan build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("A catalog sync plan needs at least one feed: add them with "
                        + "feed(Feed, supplier)");
            }
            return new CatalogSyncPlan(this);
        }
    }
}
