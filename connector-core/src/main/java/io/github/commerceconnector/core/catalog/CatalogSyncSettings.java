package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.core.internal.http.UserAgent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * How catalog sync sends feeds: batch limits, compression, requests in flight, the client-side rate limit,
 * item validation limits and the {@code service-connector-metadata} values. Immutable; start from
 * {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * CatalogSyncSettings settings = CatalogSyncSettings.defaults().withRequestsPerSecond(4).withMaxInFlight(3);
 * }</pre>
 *
 * @param batchSize              items per request; 0 uses each feed's {@link Feed#defaultBatchSize()}
 * @param maxBatchBytes          the largest uncompressed request body; larger items are rejected. Default 1 MiB
 * @param gzip                   whether request bodies are gzip-compressed ({@code Content-Encoding: gzip}). Default on
 * @param gzipLevel              the deflate level, 1 (fastest, the default) to 9
 * @param maxInFlight            feed requests in flight per call; the caller's thread blocks when all are busy.
 *                               Default 2
 * @param requestsPerSecond      the client-side limit per data space, Adobe's guardrail being about 2 a second;
 *                               0 switches limiting off (benchmarks). Default 2
 * @param adaptiveRateLimit      whether the limit backs off on {@code 429} / {@code Retry-After} and climbs back
 *                               as requests succeed. Default on
 * @param syncDeadline           how long a catalog call keeps trying while the gateway fails it continuously
 *                               (throttled, {@code 5xx}, resets, an open circuit breaker) without a single success:
 *                               until then it waits and probes, and goes on at full pace once the gateway answers
 *                               again; past it the call ends with a {@code SyncDeadlineExceededException}, every
 *                               unconfirmed item kept retryable. {@link Duration#ZERO} gives up at the first batch
 *                               that failed after the transport's retries. Default 15 minutes
 * @param splitRejectedBatches   whether a batch refused as a whole ({@code 400}) is split in halves to find the
 *                               bad items, so one bad item does not take the others down. Default on
 * @param maxStringBytes         the longest string value of an item, in UTF-8 bytes. Default 64 KiB
 * @param maxDepth               the deepest nesting of an item's objects and arrays. Default 16
 * @param progressInterval       the longest time between two progress reports. Default 2 s
 * @param commerceVersion        {@code commerceVersion} of {@code service-connector-metadata}; the store's
 *                               Commerce version if it has one. Default {@code 2.4} (assumed: the gateway does
 *                               not document how it uses the value)
 * @param exporterVersion        {@code saasExporterVersion} of {@code service-connector-metadata}. Default this
 *                               SDK's name and version
 * @param deletedRetention       how long the sync state keeps an accepted delete (so a catalog that lists deleted
 *                               items, {@code "deleted": true}, does not send their deletes again); full syncs forget
 *                               the older ones, so a catalog with churn keeps a bounded state. {@link Duration#ZERO}
 *                               forgets a delete as soon as it is accepted. Default 7 days, as Adobe's exporter
 * @param readInputOnCallingThread whether a call that holds the calling thread ({@code sync}, {@code upsert}) reads
 *                               its input (the {@code Iterable}'s iterator, the {@code Stream}) on that thread only.
 *                               Off by default: the call's preparing threads read it too, one at a time and never
 *                               concurrently, each preparing the items it read while they are still in its
 *                               processor's cache (about 1 µs of CPU an item less for a product, measured in
 *                               {@code BENCHMARKS.md}). Turn it on for an input tied to the calling thread: a
 *                               transaction or session bound to it, thread-local context its iterator needs (a
 *                               logging MDC, a security context). The items are read in order either way
 * @param feeds                  settings of single feeds, by {@link Feed#name()}, over the ones above (the
 *                               exporter's {@code --batch-size} and {@code --thread-count} per feed): items and bytes
 *                               per request, requests in flight, the route. Default none. The rate limit stays one
 *                               per data space, shared by all its feeds, whatever each feed's requests in flight
 */
public record CatalogSyncSettings(int batchSize, int maxBatchBytes, boolean gzip, int gzipLevel, int maxInFlight,
        double requestsPerSecond, boolean adaptiveRateLimit, Duration syncDeadline, boolean splitRejectedBatches,
        int maxStringBytes, int maxDepth, Duration progressInterval,
        String commerceVersion, String exporterVersion, Duration deletedRetention, boolean readInputOnCallingThread,
        Map<String, FeedSettings> feeds) {

    /** Default largest uncompressed request body: 1 MiB. */
    public static final int DEFAULT_MAX_BATCH_BYTES = 1 << 20;
    /** Default longest string value: 64 KiB. */
    public static final int DEFAULT_MAX_STRING_BYTES = 64 * 1024;
    /** Default patience of a catalog call with a gateway that fails it continuously: 15 minutes. */
    public static final Duration DEFAULT_SYNC_DEADLINE = Duration.ofMinutes(15);
    /** The longest sync deadline accepted. */
    public static final Duration MAX_SYNC_DEADLINE = Duration.ofDays(7);
    /** Default time an accepted delete is kept in the sync state: 7 days. */
    public static final Duration DEFAULT_DELETED_RETENTION = Duration.ofDays(7);
    /** Default client-side rate limit per data space. */
    public static final double DEFAULT_REQUESTS_PER_SECOND = 2.0;

    /**
     * Checks every setting.
     *
     * @throws ConfigurationException naming the setting out of range and the legal range
     */
    public CatalogSyncSettings {
        check(batchSize >= 0 && batchSize <= 10_000, "batchSize", batchSize, "0 (feed default) to 10000");
        check(maxBatchBytes >= 1024 && maxBatchBytes <= 64 << 20, "maxBatchBytes", maxBatchBytes,
                "1024 to 67108864");
        check(gzipLevel >= Deflater.BEST_SPEED && gzipLevel <= Deflater.BEST_COMPRESSION, "gzipLevel", gzipLevel,
                "1 to 9");
        check(maxInFlight >= 1 && maxInFlight <= 64, "maxInFlight", maxInFlight, "1 to 64");
        check(requestsPerSecond >= 0 && requestsPerSecond <= 10_000 && Double.isFinite(requestsPerSecond),
                "requestsPerSecond", requestsPerSecond, "0 (off) to 10000");
        if (syncDeadline == null || syncDeadline.isNegative() || syncDeadline.compareTo(MAX_SYNC_DEADLINE) > 0) {
            throw new ConfigurationException("syncDeadline is " + syncDeadline + ": give zero (give up at the first "
                    + "failed batch) to " + MAX_SYNC_DEADLINE.toDays() + " days");
        }
        check(maxStringBytes >= 16 && maxStringBytes <= maxBatchBytes, "maxStringBytes", maxStringBytes,
                "16 to maxBatchBytes");
        check(maxDepth >= 2 && maxDepth <= 256, "maxDepth", maxDepth, "2 to 256");
        if (progressInterval == null || progressInterval.isNegative() || progressInterval.isZero()) {
            throw new ConfigurationException("progressInterval is " + progressInterval + ": give a positive duration");
        }
        if (deletedRetention == null || deletedRetention.isNegative()) {
            throw new ConfigurationException("deletedRetention is " + deletedRetention + ": give zero (forget a delete "
                    + "once accepted) or a positive duration, e.g. 7 days");
        }
        Objects.requireNonNull(commerceVersion, "commerceVersion");
        Objects.requireNonNull(exporterVersion, "exporterVersion");
        feeds = Map.copyOf(Objects.requireNonNull(feeds, "feeds"));
    }

    /**
     * The settings of one feed over the client-wide ones; {@code 0} (or {@code null} for the route) leaves a setting
     * to the client-wide value. Built through {@link CatalogSyncSettings#withBatchSize(Feed, int)},
     * {@link CatalogSyncSettings#withMaxBatchBytes(Feed, int)}, {@link CatalogSyncSettings#withMaxInFlight(Feed, int)}
     * and {@link CatalogSyncSettings#withRoute(Feed, String)}.
     *
     * @param batchSize     items per request, 1 to 10000; 0 for the client-wide setting
     * @param maxBatchBytes the largest uncompressed request body, 1024 to 67108864; 0 for the client-wide setting
     * @param maxInFlight   requests of this feed in flight per call, 1 to 64; 0 for the client-wide setting
     * @param route         the route this feed is sent to instead of {@link Feed#route()} (same name, same sync
     *                      state); {@code null} for the feed's own
     */
    public record FeedSettings(int batchSize, int maxBatchBytes, int maxInFlight, String route) {
        /** No setting of its own. */
        static final FeedSettings NONE = new FeedSettings(0, 0, 0, null);

        /**
         * Checks every setting.
         *
         * @throws ConfigurationException naming the setting out of range and the legal range
         */
        public FeedSettings {
            check(batchSize >= 0 && batchSize <= 10_000, "batchSize of a feed", batchSize,
                    "1 to 10000, or 0 for the client-wide setting");
            check(maxBatchBytes == 0 || maxBatchBytes >= 1024 && maxBatchBytes <= 64 << 20, "maxBatchBytes of a feed",
                    maxBatchBytes, "1024 to 67108864, or 0 for the client-wide setting");
            check(maxInFlight >= 0 && maxInFlight <= 64, "maxInFlight of a feed", maxInFlight,
                    "1 to 64, or 0 for the client-wide setting");
            if (route != null) {
                try {
                    Feed.custom("route-check", route, 1, "id");
                } catch (IllegalArgumentException bad) {
                    throw new ConfigurationException("route of a feed is '" + route + "': give a relative path like "
                            + "feeds/catalog/v1/variants, without leading or trailing '/', '..', '?' or '#'");
                }
            }
        }
    }

    private static void check(boolean valid, String name, Object value, String range) {
        if (!valid) {
            throw new ConfigurationException(name + " is " + value + ": give " + range);
        }
    }

    /** The defaults described on each setting. */
    public static CatalogSyncSettings defaults() {
        return new CatalogSyncSettings(0, DEFAULT_MAX_BATCH_BYTES, true, Deflater.BEST_SPEED, 2,
                DEFAULT_REQUESTS_PER_SECOND, true, DEFAULT_SYNC_DEADLINE, true, DEFAULT_MAX_STRING_BYTES, 16,
                Duration.ofSeconds(2), "2.4", productToken(), DEFAULT_DELETED_RETENTION, false, Map.of());
    }

    /**
     * The settings of earlier versions, keeping accepted deletes for {@link #DEFAULT_DELETED_RETENTION}.
     *
     * @param batchSize         items per request; 0 for the feed's default
     * @param maxBatchBytes     the largest uncompressed request body
     * @param gzip              whether bodies are compressed
     * @param gzipLevel         the deflate level
     * @param maxInFlight       feed requests in flight per call
     * @param requestsPerSecond the client-side limit per data space
     * @param adaptiveRateLimit whether the limit adapts
     * @param syncDeadline      the patience of a call with a failing gateway
     * @param splitRejectedBatches whether wholly refused batches are split
     * @param maxStringBytes    the longest string value
     * @param maxDepth          the deepest nesting
     * @param progressInterval  the longest time between progress reports
     * @param commerceVersion   {@code commerceVersion} of the metadata
     * @param exporterVersion   {@code saasExporterVersion} of the metadata
     */
    public CatalogSyncSettings(int batchSize, int maxBatchBytes, boolean gzip, int gzipLevel, int maxInFlight,
            double requestsPerSecond, boolean adaptiveRateLimit, Duration syncDeadline, boolean splitRejectedBatches,
            int maxStringBytes, int maxDepth, Duration progressInterval, String commerceVersion,
            String exporterVersion) {
        this(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond, adaptiveRateLimit,
                syncDeadline, splitRejectedBatches, maxStringBytes, maxDepth, progressInterval, commerceVersion,
                exporterVersion, DEFAULT_DELETED_RETENTION, false, Map.of());
    }

    /**
     * The settings of earlier versions, the input read by the call's preparing threads too.
     *
     * @param batchSize            items per request; 0 for the feed's default
     * @param maxBatchBytes        the largest uncompressed request body
     * @param gzip                 whether bodies are compressed
     * @param gzipLevel            the deflate level
     * @param maxInFlight          feed requests in flight per call
     * @param requestsPerSecond    the client-side limit per data space
     * @param adaptiveRateLimit    whether the limit adapts
     * @param syncDeadline         the patience of a call with a failing gateway
     * @param splitRejectedBatches whether wholly refused batches are split
     * @param maxStringBytes       the longest string value
     * @param maxDepth             the deepest nesting
     * @param progressInterval     the longest time between progress reports
     * @param commerceVersion      {@code commerceVersion} of the metadata
     * @param exporterVersion      {@code saasExporterVersion} of the metadata
     * @param deletedRetention     how long an accepted delete is kept
     * @param feeds                settings of single feeds
     */
    public CatalogSyncSettings(int batchSize, int maxBatchBytes, boolean gzip, int gzipLevel, int maxInFlight,
            double requestsPerSecond, boolean adaptiveRateLimit, Duration syncDeadline, boolean splitRejectedBatches,
            int maxStringBytes, int maxDepth, Duration progressInterval, String commerceVersion,
            String exporterVersion, Duration deletedRetention, Map<String, FeedSettings> feeds) {
        this(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond, adaptiveRateLimit,
                syncDeadline, splitRejectedBatches, maxStringBytes, maxDepth, progressInterval, commerceVersion,
                exporterVersion, deletedRetention, false, feeds);
    }

    private static String productToken() {
        String userAgent = UserAgent.value();
        int space = userAgent.indexOf(' ');
        return space < 0 ? userAgent : userAgent.substring(0, space);
    }

    /**
     * Items per request for a feed: its own setting ({@link #withBatchSize(Feed, int)}), else the client-wide one
     * ({@link #withBatchSize(int)}), else the feed's default (prices 500, the others 100, as the exporter's).
     *
     * @param feed the feed
     * @return items per request
     */
    public int batchSizeFor(Feed feed) {
        int own = of(feed).batchSize();
        return own != 0 ? own : batchSize == 0 ? feed.defaultBatchSize() : batchSize;
    }

    /**
     * The largest uncompressed request body of a feed: its own setting, else {@link #maxBatchBytes()}.
     *
     * @param feed the feed
     * @return bytes
     */
    public int maxBatchBytesFor(Feed feed) {
        int own = of(feed).maxBatchBytes();
        return own != 0 ? own : maxBatchBytes;
    }

    /**
     * Requests of a feed in flight per call: its own setting, else {@link #maxInFlight()}.
     *
     * @param feed the feed
     * @return requests
     */
    public int maxInFlightFor(Feed feed) {
        int own = of(feed).maxInFlight();
        return own != 0 ? own : maxInFlight;
    }

    /**
     * The feed as it is sent: at the route set for it ({@link #withRoute(Feed, String)}), else as given.
     *
     * @param feed the feed
     * @return the feed at its configured route (same name, identity and default batch size)
     */
    public Feed routed(Feed feed) {
        String route = of(feed).route();
        return route == null ? feed : feed.withRoute(route);
    }

    private FeedSettings of(Feed feed) {
        return feeds.getOrDefault(Objects.requireNonNull(feed, "feed").name(), FeedSettings.NONE);
    }

    private CatalogSyncSettings withFeed(Feed feed, int items, int bytes, int requests, String route) {
        FeedSettings value;
        try {
            value = new FeedSettings(items, bytes, requests, route);
        } catch (ConfigurationException refused) {
            throw new ConfigurationException("Feed " + feed.name() + ": " + refused.getMessage());
        }
        Map<String, FeedSettings> changed = new HashMap<>(feeds);
        changed.put(feed.name(), value);
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes, maxDepth, progressInterval,
                commerceVersion, exporterVersion, deletedRetention, readInputOnCallingThread, changed);
    }

    /**
     * A copy with another batch size for one feed (the exporter's {@code --batch-size}).
     *
     * @param feed  the feed
     * @param items items per request, 1 to 10000; 0 for the client-wide setting
     * @return the copy
     * @throws ConfigurationException for a size out of range
     */
    public CatalogSyncSettings withBatchSize(Feed feed, int items) {
        FeedSettings own = of(feed);
        return withFeed(feed, items, own.maxBatchBytes(), own.maxInFlight(), own.route());
    }

    /**
     * A copy with another largest request body for one feed.
     *
     * @param feed  the feed
     * @param bytes the largest uncompressed body, 1024 to 67108864; 0 for the client-wide setting
     * @return the copy
     * @throws ConfigurationException for a size out of range
     */
    public CatalogSyncSettings withMaxBatchBytes(Feed feed, int bytes) {
        FeedSettings own = of(feed);
        return withFeed(feed, own.batchSize(), bytes, own.maxInFlight(), own.route());
    }

    /**
     * A copy with another number of requests in flight for one feed (the exporter's {@code --thread-count}). The
     * data space's rate limit still paces all feeds together.
     *
     * @param feed     the feed
     * @param requests requests in flight per call, 1 to 64; 0 for the client-wide setting
     * @return the copy
     * @throws ConfigurationException for a number out of range
     */
    public CatalogSyncSettings withMaxInFlight(Feed feed, int requests) {
        FeedSettings own = of(feed);
        return withFeed(feed, own.batchSize(), own.maxBatchBytes(), requests, own.route());
    }

    /**
     * A copy that sends one feed to another route: for the feeds whose route is not public (variants, inventory
     * stock status, product overrides, category permissions, reviews, rating metadata) when the gateway's differs
     * from this SDK's assumption. The feed keeps its name, so its sync state, and callers keep passing the built-in
     * constant.
     *
     * @param feed  the feed
     * @param route the route, e.g. {@code feeds/inventory/v2/stock-status}; {@code null} for the feed's own
     * @return the copy
     * @throws ConfigurationException for a route that is not a plain relative path
     */
    public CatalogSyncSettings withRoute(Feed feed, String route) {
        FeedSettings own = of(feed);
        return withFeed(feed, own.batchSize(), own.maxBatchBytes(), own.maxInFlight(), route);
    }

    /** A copy with another batch size (0 for each feed's default). */
    public CatalogSyncSettings withBatchSize(int value) {
        return new CatalogSyncSettings(value, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, deletedRetention,
                readInputOnCallingThread, feeds);
    }

    /** A copy with another largest body size. */
    public CatalogSyncSettings withMaxBatchBytes(int value) {
        return new CatalogSyncSettings(batchSize, value, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches,
                Math.min(maxStringBytes, value), maxDepth, progressInterval, commerceVersion, exporterVersion,
                deletedRetention, readInputOnCallingThread, feeds);
    }

    /** A copy with compression on or off, at a level. */
    public CatalogSyncSettings withGzip(boolean on, int level) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, on, level, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, deletedRetention,
                readInputOnCallingThread, feeds);
    }

    /** A copy with another number of requests in flight. */
    public CatalogSyncSettings withMaxInFlight(int value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, value, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, deletedRetention,
                readInputOnCallingThread, feeds);
    }

    /** A copy with another rate limit (0 switches it off). */
    public CatalogSyncSettings withRequestsPerSecond(double value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, value,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, deletedRetention,
                readInputOnCallingThread, feeds);
    }

    /** A copy with adaptive limiting on or off. */
    public CatalogSyncSettings withAdaptiveRateLimit(boolean value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                value, syncDeadline, splitRejectedBatches, maxStringBytes, maxDepth,
                progressInterval, commerceVersion, exporterVersion, deletedRetention, readInputOnCallingThread, feeds);
    }

    /** A copy with another sync deadline (zero gives up at the first failed batch). */
    public CatalogSyncSettings withSyncDeadline(Duration value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, value, splitRejectedBatches, maxStringBytes, maxDepth, progressInterval,
                commerceVersion, exporterVersion, deletedRetention, readInputOnCallingThread, feeds);
    }

    /** A copy with splitting of wholly refused batches on or off. */
    public CatalogSyncSettings withSplitRejectedBatches(boolean value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, value, maxStringBytes, maxDepth,
                progressInterval, commerceVersion, exporterVersion, deletedRetention, readInputOnCallingThread, feeds);
    }

    /** A copy with other item validation limits. */
    public CatalogSyncSettings withItemLimits(int stringBytes, int depth) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, stringBytes, depth,
                progressInterval, commerceVersion, exporterVersion, deletedRetention, readInputOnCallingThread, feeds);
    }

    /** A copy with another progress interval. */
    public CatalogSyncSettings withProgressInterval(Duration value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, value, commerceVersion, exporterVersion, deletedRetention, readInputOnCallingThread, feeds);
    }

    /** A copy with other {@code service-connector-metadata} versions. */
    public CatalogSyncSettings withMetadata(String commerce, String exporter) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerce, exporter, deletedRetention, readInputOnCallingThread, feeds);
    }

    /** A copy keeping accepted deletes for another time ({@link Duration#ZERO}: forget them once accepted). */
    public CatalogSyncSettings withDeletedRetention(Duration value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, value, readInputOnCallingThread, feeds);
    }

    /**
     * A copy whose calls read their input on the calling thread only ({@code true}), or on their preparing threads
     * too ({@code false}, the default); see {@link #readInputOnCallingThread()}.
     */
    public CatalogSyncSettings withReadInputOnCallingThread(boolean value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes, maxDepth, progressInterval,
                commerceVersion, exporterVersion, deletedRetention, value, feeds);
    }
}
