package io.github.commerceconnector.api.catalog;

/**
 * What {@link CatalogSyncClient#resend} did: no request, only marks in the sync state.
 *
 * @param feed        the feed
 * @param dataSpaceId the data space whose state was marked
 * @param keys        keys read
 * @param marked      keys of items the state holds: each is now to be sent by the next sync (items already
 *                    waiting to be sent again count too)
 * @param unknown     keys the state holds no item for: nothing was recorded for them (the next sync sends such an
 *                    item anyway when the catalog has it, as a new item)
 */
public record ResendReport(Feed feed, String dataSpaceId, long keys, long marked, long unknown) {
}
