/**
 * Catalog sync over the gateway: the client and one run per call ({@code SyncRun}), the bounded senders
 * ({@code FeedSender} on threads of each call's own, {@code PacedFeedSender} on a shared runtime, both over
 * {@code FeedDeliveries}), the adaptive rate limiter, item validation, canonical JSON and hashing for change
 * detection, the reply parser, and the wiring into {@code CommerceServicesClient} (with readiness).
 */
package io.github.commerceconnector.core.internal.catalog;
