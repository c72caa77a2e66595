package io.github.commerceconnector.testkit.internal.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.RejectedItem;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.exception.SyncDeadlineExceededException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.ResyncCheckpoint;
import io.github.commerceconnector.api.spi.RetryPayload;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.FeedResult;
import io.github.commerceconnector.testkit.InvalidItem;
import io.github.commerceconnector.testkit.internal.fake.FakeRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call of the fake catalog client on an open feed state: the real client's steps, synchronously, with
 * each batch applied to the account through the call gate.
 */
final class FakeSyncRun {
    /** How many rejected items a report or status lists. */
    static final int LISTED = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Deliveries of one batch that may fail in a row before the call ends as the real client's sync deadline ends
     * it: the in-memory fake has no time to wait, so it counts deliveries instead.
     */
    static final int DELIVERIES_BEFORE_THE_DEADLINE = 20;
    /** How long accepted deletes stay in the state, as the real client's default {@code deletedRetention}. */
    static final Duration DELETED_RETENTION = Duration.ofDays(7);

    private final FakeRuntime runtime;
    private final FeedSyncState state;
    private final SyncListener listener;
    private final boolean dryRun;
    private final boolean stateErased;
    private final Feed feed;
    private final String dataSpaceId;
    private final long started = System.nanoTime();
    /** Identities queued in this call whose outcome is not recorded yet. */
    private final Set<Long> pending = new HashSet<>();
    private final List<RejectedItem> rejected = new ArrayList<>();
    private List<Entry> batch = new ArrayList<>();
    private long processed;
    private long unchanged;
    private long sent;
    private long rejectedCount;
    private long retryable;
    private long deleted;
    private long requests;
    private RuntimeException stop;
    private ConnectorException deadlineCause;
    /** The keys of a resync of some items ({@code null}: every item). */
    private Set<Long> selected;
    /** The checkpoint a resync started from or resumes ({@code null} for other calls and dry runs). */
    private ResyncCheckpoint checkpoint;
    private boolean resuming;

    /** One item on its way. */
    private record Entry(ItemKey key, long identity, long content, Map<String, Object> item, long position,
            boolean delete) {
    }

    FakeSyncRun(FakeRuntime runtime, FeedSyncState state, SyncListener listener, boolean dryRun, boolean stateErased) {
        this.runtime = runtime;
        this.state = state;
        this.listener = listener == null ? SyncListener.NONE : listener;
        this.dryRun = dryRun;
        this.stateErased = stateErased;
        this.feed = state.feed();
        this.dataSpaceId = state.dataSpaceId();
    }

    /** Resends the items whose keys are given; skips the others and deletes nothing. */
    SyncReport selected(Iterable<? extends FeedItem> items, Iterable<ItemKey> keys) {
        selected = new HashSet<>();
        long position = 0;
        for (ItemKey key : keys) {
            if (key == null || !key.fields().equals(feed.identityFields())) {
                throw new IllegalArgumentException("The key at position " + position + " does not name the "
                        + feed.identityFields() + " of feed " + feed.name() + ": build it with ItemKey.of(feed, ...)");
            }
            selected.add(ItemRules.identityHash(key));
            position++;
        }
        return items(items, false, true);
    }

    /** Resyncs every item, keeping a checkpoint, or continues the interrupted resync from its checkpoint. */
    SyncReport resync(Iterable<? extends FeedItem> items, boolean resume) {
        ResyncCheckpoint kept = state.resyncCheckpoint();
        if (resume && kept == null) {
            throw new IllegalStateException("No interrupted resync of feed " + feed.name() + " in data space "
                    + dataSpaceId + " to resume: run resync without resume to resend everything.");
        }
        resuming = resume;
        checkpoint = resume ? kept : new ResyncCheckpoint(runtime.clock().instant(), 0);
        if (!dryRun) {
            state.resyncCheckpoint(checkpoint);
        }
        return items(items, true, true);
    }

    SyncReport items(Iterable<? extends FeedItem> items, boolean full, boolean forced) {
        return execute(() -> {
            long position = 0;
            for (FeedItem item : items) {
                if (stop != null) {
                    break;
                }
                processed++;
                item(item, position++, forced);
            }
            flush();
            if (full && stop == null) {
                if (!stateErased) {
                    for (long identity : state.unseen()) {
                        ItemKey key = state.key(identity);
                        StoredItem stored = state.find(identity);
                        if (stored == null || stored.status() == ItemStatus.ACCEPTED
                                && stored.contentHash() == StateChange.DELETE_CONTENT) {
                            continue;
                        }
                        if (dryRun) {
                            deleted++;
                        } else if (key != null && stop == null) {
                            queue(new Entry(key, identity, StateChange.DELETE_CONTENT, deleteItem(key), -1, true));
                        }
                    }
                    flush();
                }
                if (stop == null && !dryRun) {
                    state.fullSyncFinished(runtime.clock().instant());
                    if (checkpoint != null) {
                        state.resyncCheckpoint(null);
                    }
                    state.purgeDeletes(runtime.clock().instant().minus(DELETED_RETENTION));
                }
            }
        });
    }

    SyncReport deletes(Iterable<ItemKey> keys) {
        return execute(() -> {
            long position = 0;
            for (ItemKey key : keys) {
                if (stop != null) {
                    break;
                }
                processed++;
                String problem = keyProblem(key);
                if (problem != null) {
                    reject(null, "INVALID_KEY", "Key at position " + position + " " + problem, position);
                } else {
                    long identity = ItemRules.identityHash(key);
                    if (!duplicate(key, identity, position)) {
                        queue(new Entry(key, identity, StateChange.DELETE_CONTENT, deleteItem(key), position, true));
                    }
                }
                position++;
            }
            flush();
        });
    }

    /** What is wrong with a key to delete, in the HTTP client's words, or {@code null} when it is sound. */
    private String keyProblem(ItemKey key) {
        if (key == null) {
            return "is null";
        }
        if (!key.fields().equals(feed.identityFields())) {
            return "names the fields " + key.fields() + ", but the " + feed.name() + " feed's identity is "
                    + feed.identityFields() + ": build it with ItemKey.of(feed, values...)";
        }
        if (key.values().stream().anyMatch(value -> value == null || value.isBlank())) {
            return "has a blank value: " + key;
        }
        return null;
    }

    SyncReport retries() {
        return execute(() -> {
            List<RetryPayload> payloads = new ArrayList<>();
            state.forEachRetryable(payloads::add);
            for (RetryPayload payload : payloads) {
                ItemKey key = state.key(payload.identityHash());
                if (key == null || stop != null) {
                    continue;
                }
                processed++;
                pending.add(payload.identityHash());
                queue(new Entry(key, payload.identityHash(), payload.contentHash(), parse(payload.json()), -1,
                        payload.contentHash() == StateChange.DELETE_CONTENT));
            }
            flush();
        });
    }

    private SyncReport execute(Runnable body) {
        RuntimeException failure = null;
        try {
            body.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure == null) {
            failure = stop;
        }
        uncountUnanswered();
        SyncReport report = new SyncReport(feed, dataSpaceId, processed, unchanged, sent, rejected, rejectedCount,
                retryable, deleted, requests, 0, Duration.ofNanos(System.nanoTime() - started), dryRun);
        if (failure instanceof ConnectorException && failure == deadlineCause) {
            String reason = "The gateway failed " + DELIVERIES_BEFORE_THE_DEADLINE + " deliveries of a batch in a row "
                    + "(the in-memory fake's stand-in for the sync deadline), so the " + feed.name() + " call ended "
                    + "(last failure: " + failure.getMessage() + "). Nothing is lost: of the " + report.processed()
                    + " items processed, " + report.retryable() + " are kept retryable (the batches in flight); the "
                    + "items read but not sent yet are not counted as processed and, like those not read, were not "
                    + "sent. Run retryFailed or the sync again once the gateway works: the sync sends them all.";
            report = report.stoppedBecause(reason);
            failure = new SyncDeadlineExceededException(reason, failure, report, Duration.ZERO);
        } else if (failure != null) {
            report = report.stoppedBecause(String.valueOf(failure.getMessage()));
        }
        try {
            listener.finished(report);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return report;
    }

    /**
     * Takes the items the call queued for the gateway but never learnt the outcome of out of the processed count, as
     * the real client does, so that a stopped call's report adds up: the batch being filled and the second half of a
     * split batch when the call stopped, and a batch whose keys were refused. The state holds them as before the call,
     * or as unconfirmed, so the next sync sends them. A dry run sends nothing and settles its items as it reads them.
     */
    private void uncountUnanswered() {
        if (!dryRun) {
            processed -= pending.size();
        }
    }

    private void item(FeedItem item, long position, boolean forced) {
        Map<String, Object> fields;
        try {
            fields = item == null ? null : item.fields();
        } catch (RuntimeException e) {
            reject(null, "INVALID_ITEM", "Item at position " + position + " failed to give its fields: " + e, position);
            return;
        }
        if (fields == null) {
            reject(null, "INVALID_ITEM", "Item at position " + position + " is null", position);
            return;
        }
        ItemRules.Problem identityProblem = ItemRules.identityProblem(feed, fields);
        if (identityProblem != null) {
            reject(null, identityProblem.code(), "Item at position " + position + ": " + identityProblem.message(),
                    position);
            return;
        }
        ItemKey key = ItemKey.ofItem(feed, fields);
        long identity = ItemRules.identityHash(key);
        if (duplicate(key, identity, position)) {
            return;
        }
        ItemRules.Problem valueProblem = ItemRules.valueProblem(fields);
        if (valueProblem != null) {
            reject(key, valueProblem.code(), "Item " + key + " " + valueProblem.message(), position);
            if (!dryRun) {
                state.record(List.of(StateChange.rejected(key, identity, ItemRules.contentHash(Map.of("invalid",
                        valueProblem.message())), valueProblem.message())), runtime.clock().instant());
            }
            pending.remove(identity);
            return;
        }
        boolean delete = Boolean.TRUE.equals(fields.get("deleted"));
        long content = delete ? StateChange.DELETE_CONTENT : ItemRules.contentHash(fields);
        if (skipped(position, identity, content)) {
            pending.remove(identity);
            unchanged++;
            return;
        }
        StoredItem stored = forced || stateErased ? null : state.find(identity);
        if (stored != null && stored.contentHash() == content
                && (stored.status() == ItemStatus.ACCEPTED || stored.status() == ItemStatus.REJECTED)) {
            pending.remove(identity);
            if (stored.status() == ItemStatus.ACCEPTED) {
                unchanged++;
            } else {
                reject(key, "STILL_REJECTED", state.reason(identity), position);
            }
            return;
        }
        queue(new Entry(key, identity, content, fields, position, delete));
    }

    /** Whether a resync of some keys or a resumed resync leaves the item out. */
    private boolean skipped(long position, long identity, long content) {
        if (selected != null) {
            return !selected.contains(identity);
        }
        if (!resuming) {
            return false;
        }
        if (position < checkpoint.confirmedItems()) {
            return true;
        }
        StoredItem stored = state.find(identity);
        return stored != null && stored.contentHash() == content
                && (stored.status() == ItemStatus.ACCEPTED || stored.status() == ItemStatus.REJECTED)
                && !state.lastAttempt(identity).isBefore(checkpoint.started());
    }

    private boolean duplicate(ItemKey key, long identity, long position) {
        if (pending.add(identity)) {
            if (stateErased || state.markSeen(identity)) {
                return false;
            }
            pending.remove(identity);
        }
        reject(key, "DUPLICATE_IDENTITY", "Item " + key + " comes more than once in this call: only its first "
                + "occurrence is sent", position);
        return true;
    }

    private void reject(ItemKey key, String code, String reason, long position) {
        reject(key, code, reason, null, position);
    }

    private void reject(ItemKey key, String code, String reason, String field, long position) {
        rejectedCount++;
        if (rejected.size() < LISTED) {
            rejected.add(new RejectedItem(key, reason, code, field, position));
        }
    }

    private Map<String, Object> deleteItem(ItemKey key) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < key.fields().size(); i++) {
            item.put(key.fields().get(i), key.values().get(i));
        }
        item.put("deleted", Boolean.TRUE);
        return item;
    }

    private void queue(Entry entry) {
        if (dryRun) {
            if (entry.delete()) {
                deleted++;
            } else {
                sent++;
            }
            return;
        }
        batch.add(entry);
        if (batch.size() >= feed.defaultBatchSize()) {
            flush();
        }
    }

    /**
     * Sends the batch being filled; after a stop it is dropped unsent, its items left pending, so the call's report
     * does not count them as processed.
     */
    private void flush() {
        if (batch.isEmpty() || stop != null) {
            batch = new ArrayList<>();
            return;
        }
        List<Entry> full = batch;
        batch = new ArrayList<>();
        send(full);
        if (checkpoint != null && !dryRun && stop == null && retryable == 0) {
            state.resyncCheckpoint(new ResyncCheckpoint(checkpoint.started(), processed));
        }
        listener.progress(new SyncProgress(feed, processed, unchanged, sent, rejectedCount, retryable, deleted, 0,
                Duration.ofNanos(System.nanoTime() - started)));
    }

    private void send(List<Entry> entries) {
        List<StateChange> sending = new ArrayList<>();
        entries.forEach(entry -> sending.add(StateChange.sending(entry.key(), entry.identity(), entry.content())));
        state.record(sending, runtime.clock().instant());
        List<Map<String, Object>> items = entries.stream().map(Entry::item).toList();
        for (int delivery = 1; ; delivery++) {
            requests++;
            FeedResult result;
            try {
                result = runtime.gate().call(FakeOperation.SEND_FEED, "POST", feed.route() + "/" + dataSpaceId, null,
                        dataSpaceId, feed.route(), () -> runtime.account().acceptFeed(dataSpaceId, feed.route(),
                                items));
            } catch (AuthenticationException e) {
                // The keys were refused: the batch stays pending (unconfirmed in the state), as sent without an answer.
                stop = e;
                return;
            } catch (ConnectorServiceException e) {
                boolean heldOn = e.isRetryable() && e.statusCode() != 413;
                if (heldOn && delivery < DELIVERIES_BEFORE_THE_DEADLINE) {
                    continue;
                }
                if (heldOn) {
                    giveUp(entries, e);
                } else {
                    refused(entries, e);
                }
                return;
            } catch (ConnectorClientException e) {
                if (!e.isRetryable()) {
                    stop = e;
                } else if (delivery < DELIVERIES_BEFORE_THE_DEADLINE) {
                    continue;
                } else {
                    giveUp(entries, e);
                }
                return;
            }
            answered(entries, result);
            return;
        }
    }

    /** The batch kept failing: its items stay retryable and the call ends, as at the real client's deadline. */
    private void giveUp(List<Entry> entries, ConnectorException cause) {
        retryable(entries, cause);
        stop = cause;
        deadlineCause = cause;
    }

    private void refused(List<Entry> entries, ConnectorServiceException e) {
        int status = e.statusCode();
        if ((status == 413 || status == 400 || status == 422) && entries.size() > 1) {
            int half = entries.size() / 2;
            send(entries.subList(0, half));
            if (stop == null) {
                send(entries.subList(half, entries.size()));
            }
        } else if (status == 400 || status == 422) {
            List<StateChange> changes = new ArrayList<>();
            for (Entry entry : entries) {
                changes.add(StateChange.rejected(entry.key(), entry.identity(), entry.content(), e.getMessage()));
                reject(entry.key(), e.errorCode().orElse("HTTP_" + status), e.getMessage(), entry.position());
            }
            record(entries, changes);
        } else if (status == 413 || e.isRetryable()) {
            retryable(entries, e);
        } else {
            stop = e;
        }
    }

    private void answered(List<Entry> entries, FeedResult result) {
        Map<Integer, Refusal> invalid = new HashMap<>();
        result.invalidItems().forEach(item -> invalid.merge(item.itemIndex(), Refusal.of(item), Refusal::and));
        List<StateChange> changes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Refusal refusal = invalid.get(i);
            if (refusal != null) {
                changes.add(StateChange.rejected(entry.key(), entry.identity(), entry.content(), refusal.message()));
                reject(entry.key(), refusal.code(), refusal.message(), refusal.field(), entry.position());
            } else if (entry.delete()) {
                changes.add(StateChange.accepted(entry.key(), entry.identity(), StateChange.DELETE_CONTENT));
                deleted++;
            } else {
                changes.add(StateChange.accepted(entry.key(), entry.identity(), entry.content()));
                sent++;
            }
        }
        record(entries, changes);
    }

    /**
     * A refusal as the HTTP client reports it from the gateway's reply: a refusal by field carries no code on the
     * wire, names the field below the item and starts its message with it; a refusal by position keeps its code.
     * Several refusals of one item are joined as the client joins them.
     */
    private record Refusal(String code, String field, String message) {
        static Refusal of(InvalidItem item) {
            if (item.field() == null) {
                return new Refusal(item.code(), null, item.message());
            }
            String[] parts = item.field().split("/", 3);
            String field = parts.length > 2 ? parts[2] : null;
            return new Refusal(null, field, (field == null ? "" : field + ": ") + item.message());
        }

        Refusal and(Refusal next) {
            return new Refusal(code == null ? next.code : code, field == null ? next.field : field,
                    message + "; " + next.message);
        }
    }

    private void retryable(List<Entry> entries, ConnectorException cause) {
        List<StateChange> changes = new ArrayList<>();
        for (Entry entry : entries) {
            changes.add(StateChange.retryable(entry.key(), entry.identity(), entry.content(), json(entry.item())));
        }
        record(entries, changes);
        retryable += entries.size();
    }

    private void record(List<Entry> entries, List<StateChange> changes) {
        state.record(changes, runtime.clock().instant());
        entries.forEach(entry -> pending.remove(entry.identity()));
    }

    private static byte[] json(Map<String, Object> item) {
        try {
            return JSON.writeValueAsBytes(item);
        } catch (IOException e) {
            throw new UncheckedIOException("An item could not be written as JSON", e);
        }
    }

    private static Map<String, Object> parse(byte[] json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("A kept retry payload is not JSON", e);
        }
    }
}
