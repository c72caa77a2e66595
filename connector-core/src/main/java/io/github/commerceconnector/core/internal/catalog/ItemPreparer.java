package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.catalog.Category;
import io.github.commerceconnector.api.catalog.CategoryPermission;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.GenericItem;
import io.github.commerceconnector.api.catalog.InventoryStockStatus;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.Price;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.catalog.ProductAttribute;
import io.github.commerceconnector.api.catalog.ProductOverride;
import io.github.commerceconnector.api.catalog.RatingMetadata;
import io.github.commerceconnector.api.catalog.Review;
import io.github.commerceconnector.api.catalog.ScopeCustomerGroup;
import io.github.commerceconnector.api.catalog.ScopeWebsite;
import io.github.commerceconnector.api.catalog.Variant;
import io.github.commerceconnector.api.catalog.WritesFields;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.api.spi.StoredItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-item work of a sync that does not depend on the order of the items, done on worker threads ahead of
 * the {@link SyncRun}: an item's fields, their validation, its identity and content hashes, the look-up of what
 * the gateway holds, and, for an item to send, its JSON. The JSON and the content hash come from one pass over
 * the item ({@link ItemHasher#writeItem}): the hash is of the bytes sent, or of the fields they were written from.
 * Against a state of hashes over fields, a typed item in a chunk is looked up before its JSON is written ({@link
 * ItemHasher#hashTyped}), and only one the state does not hold unchanged is then written. Validation walks an item
 * only when that pass noticed something validation may refuse ({@link ItemHasher#needsValidation()}); the
 * identity is always checked. What depends on order (duplicates, batching, the tally) stays with the run. The
 * look-up is safe ahead of order: the run's own records only change items it already sent, and a second occurrence
 * of those is a duplicate whatever the state says. Thread-safe. Public for the per-item benchmarks only; the sync
 * run is its one user.
 */
public final class ItemPreparer implements OrderedPipeline.Stage<ItemPreparer.Input, ItemPreparer.Prepared> {
    /** Items whose fields are read on a worker thread: the SDK's own immutable types. */
    private static final Set<Class<?>> IMMUTABLE = Set.of(Product.class, ProductAttribute.class, Category.class,
            Price.class, Variant.class, ScopeWebsite.class, ScopeCustomerGroup.class, InventoryStockStatus.class,
            Review.class, RatingMetadata.class, ProductOverride.class, CategoryPermission.class, GenericItem.class);

    private static final String DELETED = "deleted";

    /** What {@link #prepare(Input, long, ChunkLookUps)} gives for an item whose look-up is held back. */
    private static final Prepared HELD_BACK = new Prepared(Outcome.SEND, -1, null, 0, 0, null, false, null, null);

    private static final Logger LOG = LoggerFactory.getLogger(ItemPreparer.class);

    /** One item in this many is hashed by the walk as well as by the writer's pass ({@link #checkWalk}). */
    private static final int WALK_CHECKED_EVERY = 64;

    /** Whether a disagreement of the two hashes was logged: once per process is enough. */
    private static final AtomicBoolean WALK_DISAGREED = new AtomicBoolean();

    /** Each thread's room for the look-ups of a chunk ({@link #applyAll}). */
    private static final ThreadLocal<ChunkLookUps> LOOK_UPS = ThreadLocal.withInitial(ChunkLookUps::new);

    /**
     * Each thread's hasher, kept across calls and replaced when a call's limits or hash differ: one static
     * thread-local rather than one per call, so that the look-up per item finds its entry at once instead of
     * probing past the entries earlier calls left in a pool thread's map.
     */
    private static final ThreadLocal<ItemHasher> HASHERS = new ThreadLocal<>();

    /**
     * The captured field lists of the calls so far, one instance per content: a typed item's writer keeps what it
     * learned of the top-level fields while it is given the same list instance, so that a new call does not
     * send it down a path compiled code has not seen (and the JIT does not recompile the item path for it).
     * Holds one list per feed's identity.
     */
    private static final Map<List<String>, List<String>> CAPTURED = new ConcurrentHashMap<>();

    /** What became of an item. */
    public enum Outcome {
        /** Its identity could not be read: rejected by position. */
        UNIDENTIFIED,
        /** Failed validation: rejected locally. */
        INVALID,
        /** The gateway holds this content, or rejected it before: nothing to send. */
        UNCHANGED,
        /** Its JSON is larger than a request may carry: rejected locally. */
        TOO_LARGE,
        /** To be sent. */
        SEND,
        /** Left out by the call's {@link Skip} (a resync of some keys, a resumed resync): not sent. */
        SKIPPED
    }

    /** Which valid items a call leaves out, decided ahead of order; thread-safe. */
    @FunctionalInterface
    public interface Skip {
        /** Skips nothing. */
        Skip NONE = (position, identity, content) -> false;

        /**
         * Whether to leave out an item.
         *
         * @param position its position in the input
         * @param identity its identity hash
         * @param content  its content hash
         * @return whether to leave it out
         */
        boolean skip(long position, long identity, long content);
    }

    /**
     * An item as the reading thread hands it over: the item itself when it is of an immutable SDK type, else
     * the fields it gave on the reading thread (or the exception it threw), so that a custom item's code only
     * runs on the caller's thread.
     *
     * @param item    the item ({@code null} when it gave null fields)
     * @param fields  the fields it gave on the reading thread, or {@code null}
     * @param failure what it threw when asked for its fields, or {@code null}
     */
    public record Input(FeedItem item, Map<String, Object> fields, RuntimeException failure) {
    }

    /**
     * A prepared item.
     *
     * @param outcome  what became of it
     * @param position its position in the input
     * @param key      its identity (null when unidentified)
     * @param identity its identity hash
     * @param content  its content hash (the fallback hash of an invalid item)
     * @param json     its JSON (to send only)
     * @param delete   whether it is a delete
     * @param problem  why it is rejected (unidentified, invalid, too large)
     * @param stored   the status the state holds (unchanged only)
     */
    public record Prepared(Outcome outcome, long position, ItemKey key, long identity, long content, byte[] json,
            boolean delete, ItemValidator.Problem problem, ItemStatus stored) {
    }

    private final ItemValidator validator;
    private final FeedSyncState state;
    private final boolean lookUp;
    private final Skip skip;
    private final int maxBatchBytes;
    private final ContentHashAlgorithm contentHashes;
    /** The top-level fields a typed item's writing notes: the identity fields, then {@code deleted}. */
    private final List<String> captured;

    /**
     * A preparer.
     *
     * @param validator     the feed's validator
     * @param state         the feed's state, where unchanged items are looked up
     * @param lookUp        whether to skip items the state holds unchanged (not for forced resyncs or erased state)
     * @param skip          which valid items to leave out
     * @param maxBatchBytes the most bytes of JSON one request may carry
     */
    public ItemPreparer(ItemValidator validator, FeedSyncState state, boolean lookUp, Skip skip, int maxBatchBytes) {
        this.skip = skip;
        this.validator = validator;
        this.contentHashes = Objects.requireNonNull(state.contentHashAlgorithm(),
                "the state's contentHashAlgorithm()");
        List<String> names = new ArrayList<>(validator.identityFields());
        names.add(DELETED);
        this.captured = CAPTURED.computeIfAbsent(List.copyOf(names), same -> same);
        this.state = state;
        this.lookUp = lookUp;
        this.maxBatchBytes = maxBatchBytes;
    }

    /**
     * Hands an item over, on the reading thread.
     *
     * @param item the caller's item, possibly {@code null}
     * @return what a worker thread prepares
     */
    public static Input input(FeedItem item) {
        if (item == null || item instanceof Product || IMMUTABLE.contains(item.getClass())) {
            return new Input(item, null, null);
        }
        try {
            Map<String, Object> fields = item.fields();
            return fields == null ? new Input(null, null, null) : new Input(item, fields, null);
        } catch (RuntimeException e) {
            return new Input(item, null, e);
        }
    }

    /**
     * Prepares one item, on any thread.
     *
     * @param input    the item as handed over
     * @param position its position in the input
     * @return what became of it
     */
    public Prepared prepare(Input input, long position) {
        return prepare(input, position, null);
    }

    /**
     * Prepares a chunk of items that follow one another in the input, as {@link #prepare} prepares each, but
     * with their look-ups in the state made at once, after the whole chunk is written ({@link
     * FeedSyncState#findAll}): on a large state each look-up alone waits for main memory, and at once those
     * waits overlap. On any thread. When an item's preparation throws, the items before it are in
     * {@code prepared}, settled; when the look-ups throw, only the items before the first looked up are.
     *
     * @param inputs   the items as handed over
     * @param first    the position in the input of the first
     * @param prepared where what became of each goes, in order
     */
    @Override
    public void applyAll(List<Input> inputs, long first, List<Prepared> prepared) {
        if (!lookUp) {
            OrderedPipeline.Stage.super.applyAll(inputs, first, prepared);
            return;
        }
        int offset = prepared.size();
        ChunkLookUps held = LOOK_UPS.get();
        try {
            Throwable failure = null;
            try {
                for (int i = 0; i < inputs.size(); i++) {
                    prepared.add(prepare(inputs.get(i), first + i, held));
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            try {
                settleHeld(held, first, offset, prepared);
            } catch (RuntimeException | Error e) {
                cutAtFirstHeldBack(prepared, offset);
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            } else if (failure != null) {
                throw (Error) failure;
            }
        } finally {
            held.clear();
        }
    }

    /**
     * Leaves only the outputs before the first item whose look-up was held back, when the look-ups failed: those
     * after it are not known.
     */
    private static void cutAtFirstHeldBack(List<Prepared> prepared, int offset) {
        for (int i = offset; i < prepared.size(); i++) {
            if (prepared.get(i) == HELD_BACK) {
                prepared.subList(i, prepared.size()).clear();
                return;
            }
        }
    }

    /** Looks the items held back up at once and puts what became of each in its place. */
    private void settleHeld(ChunkLookUps held, long first, int offset, List<Prepared> prepared) {
        held.findIn(state);
        for (int entry = 0; entry < held.count(); entry++) {
            prepared.set(offset + (int) (held.position(entry) - first), settleFound(held, entry));
        }
    }

    @Override
    public Prepared apply(Input input, long position) {
        return prepare(input, position);
    }

    /**
     * Prepares one item; with {@code held}, a valid item's look-up is held back there (then {@link #HELD_BACK}:
     * the chunk's look-ups settle it).
     */
    private Prepared prepare(Input input, long position, ChunkLookUps held) {
        if (input.item() instanceof WritesFields typed && input.fields() == null && input.failure() == null) {
            if (held != null && typed.writesAllFields()) {
                Prepared hashed = holdBackUnwritten(input, typed, position, held);
                if (hashed != null) {
                    return hashed;
                }
            }
            Prepared written = prepareTyped(typed, position, held);
            if (written != null) {
                return written;
            }
        }
        Map<String, Object> fields;
        if (input.item() == null) {
            return unidentified("Item at position " + position + " is null or has null fields", position);
        }
        if (input.failure() != null) {
            return unidentified("Item at position " + position + " failed to give its fields: " + input.failure(),
                    position);
        }
        if (input.fields() != null) {
            fields = input.fields();
        } else {
            try {
                fields = input.item().fields();
            } catch (RuntimeException e) {
                return unidentified("Item at position " + position + " failed to give its fields: " + e, position);
            }
        }
        if (fields == null) {
            return unidentified("Item at position " + position + " is null or has null fields", position);
        }
        ItemValidator.Result checked = validator.identity(fields);
        if (checked.key() == null) {
            return new Prepared(Outcome.UNIDENTIFIED, position, null, 0, 0, null, false, checked.problem(), null);
        }
        ItemHasher hasher = hasher();
        ItemKey key = checked.key();
        long identity = hasher.identityHash(key);
        long content;
        ItemValidator.Problem problem = null;
        try {
            content = hasher.writeItem(fields);
            if (hasher.needsValidation()) {
                problem = validator.check(fields).problem();
            }
        } catch (IllegalArgumentException notJson) {
            problem = validator.check(fields).problem();
            if (problem == null) {
                throw notJson;
            }
            content = hasher.contentHash(Map.of("invalid", problem.message()));
        }
        if (problem != null) {
            return new Prepared(Outcome.INVALID, position, key, identity, content, null, false, problem, null);
        }
        return settle(position, key, identity, content, Boolean.TRUE.equals(fields.get(DELETED)), hasher, held);
    }

    /**
     * Prepares a typed item that gives all its fields in name order: its JSON and content hash written without
     * building its fields map. {@code null} when it must take the general path instead: it holds extra fields,
     * something validation is to name, or an identity that is not sound.
     */
    private Prepared prepareTyped(WritesFields item, long position, ChunkLookUps held) {
        if (!item.writesAllFields()) {
            return null;
        }
        ItemHasher hasher = hasher();
        long content;
        try {
            content = hasher.writeItem(item, captured);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
        if (hasher.needsValidation()) {
            return null;
        }
        if (hasher.hashesFields() && position % WALK_CHECKED_EVERY == 0) {
            checkWalk(item, content, hasher);
        }
        ItemKey key = capturedKey(hasher);
        if (key == null) {
            return null;
        }
        return settle(position, key, hasher.identityHash(key), content,
                Boolean.TRUE.equals(hasher.captured(captured.size() - 1)), hasher, held);
    }

    /**
     * Looks a typed item up before anything is written, when the state's content hashes are taken over fields:
     * hashes its fields and holds its look-up back without JSON (then {@link #HELD_BACK}). The chunk's look-ups then
     * settle it as unchanged, or prepare it in full to be sent ({@link #settleFound}). An item the gateway accepted
     * with this content is not validated again: it was when it was sent. {@code null} when it must be prepared in
     * full at once: the state's hashes are over JSON, its fields are not JSON or its identity is not sound.
     */
    private Prepared holdBackUnwritten(Input input, WritesFields item, long position, ChunkLookUps held) {
        ItemHasher hasher = hasher();
        if (!hasher.hashesFields()) {
            return null;
        }
        long content;
        try {
            content = hasher.hashTyped(item, captured);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
        ItemKey key = capturedKey(hasher);
        if (key == null) {
            return null;
        }
        boolean delete = Boolean.TRUE.equals(hasher.captured(captured.size() - 1));
        long identity = hasher.identityHash(key);
        if (delete) {
            content = StateChange.DELETE_CONTENT;
        }
        if (skip.skip(position, identity, content)) {
            return new Prepared(Outcome.SKIPPED, position, key, identity, content, null, delete, null, null);
        }
        held.addUnwritten(position, key, identity, content, delete, input);
        return HELD_BACK;
    }

    /**
     * Hashes a typed item written and hashed in the writer's pass once more by the walk over its fields, which an
     * unchanged item's look-up takes: both must give the same hash, or the item would be written in every re-sync.
     * Done for one item in {@value #WALK_CHECKED_EVERY}, it also has the walk compiled for the items every sync
     * gives, before the first re-sync needs it. A disagreement (a defect) is logged once.
     */
    private void checkWalk(WritesFields item, long written, ItemHasher hasher) {
        long walked = hasher.hashTyped(item, captured);
        if (walked != written && WALK_DISAGREED.compareAndSet(false, true)) {
            LOG.warn("The content hash of a {} taken over its fields differs from the one its JSON's pass gave: such "
                    + "items will be written again in every re-sync to be found unchanged. Please report this defect "
                    + "of the connector",
                    item.getClass().getSimpleName());
        }
    }

    /** The key of the typed item the hasher last wrote or hashed, from its captured identity values, or null. */
    private ItemKey capturedKey(ItemHasher hasher) {
        Object[] identityValues = new Object[captured.size() - 1];
        for (int i = 0; i < identityValues.length; i++) {
            identityValues[i] = hasher.captured(i);
        }
        return validator.identityOf(identityValues).key();
    }

    /** This thread's hasher for the call's limits and content hash. */
    private ItemHasher hasher() {
        ItemHasher hasher = HASHERS.get();
        if (hasher == null || !hasher.hasSettings(validator.maxStringBytes(), validator.maxDepth(), contentHashes)) {
            hasher = new ItemHasher(validator.maxStringBytes(), validator.maxDepth(), contentHashes);
            hasher.expectCaptured(captured);
            HASHERS.set(hasher);
        }
        return hasher;
    }

    /**
     * What becomes of a valid item whose JSON the hasher holds: unchanged, too large or to send; {@link #HELD_BACK}
     * when its look-up is held back in {@code held}.
     */
    private Prepared settle(long position, ItemKey key, long identity, long writtenContent, boolean delete,
            ItemHasher hasher, ChunkLookUps held) {
        long content = writtenContent;
        if (delete) {
            content = StateChange.DELETE_CONTENT;
        }
        if (skip.skip(position, identity, content)) {
            return new Prepared(Outcome.SKIPPED, position, key, identity, content, null, delete, null, null);
        }
        boolean tooLarge = hasher.jsonLength() + 2 > maxBatchBytes;
        if (held != null) {
            held.add(position, key, identity, content, delete, hasher.buffer(), hasher.jsonLength(), !tooLarge);
            return HELD_BACK;
        }
        StoredItem stored = lookUp ? state.find(identity) : null;
        if (unchanged(stored, content)) {
            return new Prepared(Outcome.UNCHANGED, position, key, identity, content, null, delete, null,
                    stored.status());
        }
        if (tooLarge) {
            return tooLarge(position, key, identity, content, delete, hasher.jsonLength());
        }
        return new Prepared(Outcome.SEND, position, key, identity, content, hasher.json(), delete, null, null);
    }

    /** What becomes of an item held back for its chunk's look-ups, once they are made. */
    private Prepared settleFound(ChunkLookUps held, int entry) {
        long position = held.position(entry);
        ItemKey key = held.key(entry);
        long identity = held.identity(entry);
        long content = held.content(entry);
        boolean delete = held.delete(entry);
        StoredItem stored = held.found(entry);
        Input unwritten = held.unwritten(entry);
        if (unwritten != null && !acceptedUnchanged(stored, content)) {
            return prepare(unwritten, position, null);
        }
        if (unchanged(stored, content)) {
            return new Prepared(Outcome.UNCHANGED, position, key, identity, content, null, delete, null,
                    stored.status());
        }
        if (!held.sendable(entry)) {
            return tooLarge(position, key, identity, content, delete, held.jsonLength(entry));
        }
        return new Prepared(Outcome.SEND, position, key, identity, content, held.json(entry), delete, null, null);
    }

    private Prepared tooLarge(long position, ItemKey key, long identity, long content, boolean delete,
            int jsonLength) {
        return new Prepared(Outcome.TOO_LARGE, position, key, identity, content, null, delete,
                new ItemValidator.Problem("ITEM_TOO_LARGE", null, "Item " + key + " is " + jsonLength
                        + " bytes of JSON, more than one request may carry (" + maxBatchBytes
                        + "): shorten it or raise maxBatchBytes"), null);
    }

    /**
     * Whether the gateway accepted an item with this content: the only item looked up before it is written that is
     * settled without being written and validated. One rejected (by the gateway or, invalid, before sending) is
     * prepared in full, so that it is reported as it was: still rejected, or with its validation problem.
     */
    private static boolean acceptedUnchanged(StoredItem stored, long content) {
        return stored != null && stored.contentHash() == content && stored.status() == ItemStatus.ACCEPTED;
    }

    /** Whether the state holds an item with this content and the gateway's answer about it. */
    private static boolean unchanged(StoredItem stored, long content) {
        return stored != null && stored.contentHash() == content && settled(stored.status());
    }

    /** Whether the gateway's answer about an item is known, so the same content need not be sent again. */
    private static boolean settled(ItemStatus status) {
        return status == ItemStatus.ACCEPTED || status == ItemStatus.REJECTED;
    }

    private static Prepared unidentified(String message, long position) {
        return new Prepared(Outcome.UNIDENTIFIED, position, null, 0, 0, null, false,
                new ItemValidator.Problem("INVALID_ITEM", null, message), null);
    }
}
