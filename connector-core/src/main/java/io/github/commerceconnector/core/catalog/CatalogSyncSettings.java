package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.core.internal.http.UserAgent;
import java.time.Duration;
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
 */
public record CatalogSyncSettings(int batchSize, int maxBatchBytes, boolean gzip, int gzipLevel, int maxInFlight,
        double requestsPerSecond, boolean adaptiveRateLimit, Duration syncDeadline, boolean splitRejectedBatches,
        int maxStringBytes, int maxDepth, Duration progressInterval,
        String commerceVersion, String exporterVersion, Duration deletedRetention) {

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
                Duration.ofSeconds(2), "2.4", productToken(), DEFAULT_DELETED_RETENTION);
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
                exporterVersion, DEFAULT_DELETED_RETENTION);
    }

    private static String productToken() {
        String userAgent = UserAgent.value();
        int space = userAgent.indexOf(' ');
        return space < 0 ? userAgent : userAgent.substring(0, space);
    }

    /** Items per request for a feed: the setting, or the feed's default. */
    public int batchSizeFor(Feed feed) {
        return batchSize == 0 ? feed.defaultBatchSize() : batchSize;
    }

    /** A copy with another batch size (0 for each feed's default). */
    public CatalogSyncSettings withBatchSize(int value) {
        return new CatalogSyncSettings(value, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with another largest body size. */
    public CatalogSyncSettings withMaxBatchBytes(int value) {
        return new CatalogSyncSettings(batchSize, value, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches,
                Math.min(maxStringBytes, value), maxDepth, progressInterval, commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with compression on or off, at a level. */
    public CatalogSyncSettings withGzip(boolean on, int level) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, on, level, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with another number of requests in flight. */
    public CatalogSyncSettings withMaxInFlight(int value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, value, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with another rate limit (0 switches it off). */
    public CatalogSyncSettings withRequestsPerSecond(double value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, value,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with adaptive limiting on or off. */
    public CatalogSyncSettings withAdaptiveRateLimit(boolean value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                value, syncDeadline, splitRejectedBatches, maxStringBytes, maxDepth,
                progressInterval, commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with another sync deadline (zero gives up at the first failed batch). */
    public CatalogSyncSettings withSyncDeadline(Duration value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, value, splitRejectedBatches, maxStringBytes, maxDepth, progressInterval,
                commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with splitting of wholly refused batches on or off. */
    public CatalogSyncSettings withSplitRejectedBatches(boolean value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, value, maxStringBytes, maxDepth,
                progressInterval, commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with other item validation limits. */
    public CatalogSyncSettings withItemLimits(int stringBytes, int depth) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, stringBytes, depth,
                progressInterval, commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with another progress interval. */
    public CatalogSyncSettings withProgressInterval(Duration value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, value, commerceVersion, exporterVersion, deletedRetention);
    }

    /** A copy with other {@code service-connector-metadata} versions. */
    public CatalogSyncSettings withMetadata(String commerce, String exporter) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerce, exporter, deletedRetention);
    }

    /** A copy keeping accepted deletes for another time ({@link Duration#ZERO}: forget them once accepted). */
    public CatalogSyncSettings withDeletedRetention(Duration value) {
        return new CatalogSyncSettings(batchSize, maxBatchBytes, gzip, gzipLevel, maxInFlight, requestsPerSecond,
                adaptiveRateLimit, syncDeadline, splitRejectedBatches, maxStringBytes,
                maxDepth, progressInterval, commerceVersion, exporterVersion, value);
    }
}
