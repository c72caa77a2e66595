package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.GenericItem;
import io.github.commerceconnector.api.catalog.ItemStatus;
import io.github.commerceconnector.api.catalog.Product;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.InMemorySyncStateStore;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk prepared at once ({@link ItemPreparer#applyAll}, its look-ups made together) comes out exactly as its
 * items prepared one by one: every outcome, hash, JSON and stored status, against a real state holding unchanged,
 * changed, rejected and unknown items, with more items than a chunk's first room and items of every other kind
 * between them.
 */
class ChunkPreparationTest {
    private static final int MAX_BATCH_BYTES = 4_000;
    private static final ItemValidator VALIDATOR = new ItemValidator(Feed.PRODUCTS,
            CatalogSyncSettings.DEFAULT_MAX_STRING_BYTES, CatalogSyncSettings.defaults().maxDepth());

    private static Product product(int n, String name) {
        return Product.builder().sku("sku-" + n).storeViewCode("default").name(name)
                .addImage(Product.MediaResource.of("https://cdn.example/" + n + ".jpg", "front", "image"), "1")
                .addAttribute("color", "red", "blue").addAttribute("size", "M").build();
    }

    /** The input: products 0 to 149, a custom item, a null, one too large, one invalid, a duplicate. */
    private static List<FeedItem> items() {
        List<FeedItem> items = new ArrayList<>();
        for (int n = 0; n < 150; n++) {
            items.add(product(n, "name " + n));
        }
        items.add(GenericItem.of(Map.of("sku", "sku-4", "storeViewCode", "custom", "name", "custom")));
        items.add(null);
        items.add(product(150, "x".repeat(MAX_BATCH_BYTES)));
        items.add(Product.builder().storeViewCode("default").name("no sku").build());
        items.add(product(8, "name 8 again"));
        return items;
    }

    private static List<ItemPreparer.Input> inputs(List<FeedItem> items) {
        List<ItemPreparer.Input> inputs = new ArrayList<>();
        for (FeedItem item : items) {
            inputs.add(ItemPreparer.input(item));
        }
        return inputs;
    }

    /**
     * Records the products as a state after an earlier sync: n % 4 == 0 accepted as they are, 1 rejected as they
     * are, 2 accepted with another content (changed since), 3 never seen; the custom item accepted as it is.
     */
    private static void recordEarlierSync(FeedSyncState state, List<ItemPreparer.Input> inputs) {
        ItemPreparer firstSync = new ItemPreparer(VALIDATOR, state, false, ItemPreparer.Skip.NONE, MAX_BATCH_BYTES);
        List<StateChange> changes = new ArrayList<>();
        for (int n = 0; n <= 150; n++) {
            ItemPreparer.Prepared earlier = firstSync.prepare(inputs.get(n), n);
            int kind = n == 150 ? 0 : n % 4;
            switch (kind) {
                case 0 -> changes.add(StateChange.accepted(earlier.key(), earlier.identity(), earlier.content()));
                case 1 -> changes.add(StateChange.rejected(earlier.key(), earlier.identity(), earlier.content(),
                        "bad"));
                case 2 -> changes.add(StateChange.accepted(earlier.key(), earlier.identity(), earlier.content() + 1));
                default -> {
                }
            }
        }
        state.record(changes, Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aChunkComesOutAsItsItemsOneByOne() {
        try (FeedSyncState state = new InMemorySyncStateStore().open("space", Feed.PRODUCTS)) {
            assertChunkComesOutAsItsItemsOneByOne(state);
        }
    }

    /**
     * Against a state of hashes over fields, a chunk looks its typed items up before writing them, and still comes
     * out exactly as its items prepared one by one (each written, its hash from the writer's pass).
     */
    @Test
    void aChunkLookingItemsUpBeforeWritingThemComesOutAsItsItemsOneByOne(@TempDir Path directory) {
        try (FeedSyncState state = new FileSyncStateStore(directory).open("space", Feed.PRODUCTS)) {
            assertEquals(ContentHashAlgorithm.FIELDS_XXH3_64, state.contentHashAlgorithm());
            assertChunkComesOutAsItsItemsOneByOne(state);
        }
    }

    private static void assertChunkComesOutAsItsItemsOneByOne(FeedSyncState state) {
        List<ItemPreparer.Input> inputs = inputs(items());
        recordEarlierSync(state, inputs);
        ItemPreparer preparer = new ItemPreparer(VALIDATOR, state, true,
                (position, identity, content) -> position == 1_007, MAX_BATCH_BYTES);
        long first = 1_000;
        List<ItemPreparer.Prepared> oneByOne = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            oneByOne.add(preparer.prepare(inputs.get(i), first + i));
        }
        for (int round = 0; round < 2; round++) {
            List<ItemPreparer.Prepared> chunk = new ArrayList<>();
            preparer.applyAll(inputs, first, chunk);
            assertEquals(oneByOne.size(), chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                assertSame(oneByOne.get(i), chunk.get(i), "round " + round + ", item " + i);
            }
        }
        Map<ItemPreparer.Outcome, Integer> outcomes = new EnumMap<>(ItemPreparer.Outcome.class);
        oneByOne.forEach(prepared -> outcomes.merge(prepared.outcome(), 1, Integer::sum));
        assertEquals(Map.of(ItemPreparer.Outcome.UNCHANGED, 77, ItemPreparer.Outcome.SEND, 74,
                ItemPreparer.Outcome.SKIPPED, 1, ItemPreparer.Outcome.UNIDENTIFIED, 2,
                ItemPreparer.Outcome.TOO_LARGE, 1), outcomes);
        assertEquals(ItemStatus.REJECTED, oneByOne.get(1).stored());
        assertEquals(ItemPreparer.Outcome.SEND, oneByOne.get(2).outcome(), "changed since");
        assertEquals(ItemPreparer.Outcome.UNCHANGED, oneByOne.get(150).outcome(), "the custom item");
        assertNotNull(oneByOne.get(3).json());
    }

    @Test
    void withoutLookUpsAChunkSendsEveryValidItem() {
        List<ItemPreparer.Input> inputs = inputs(items());
        try (FeedSyncState state = new InMemorySyncStateStore().open("space", Feed.PRODUCTS)) {
            recordEarlierSync(state, inputs);
            ItemPreparer preparer = new ItemPreparer(VALIDATOR, state, false, ItemPreparer.Skip.NONE,
                    MAX_BATCH_BYTES);
            List<ItemPreparer.Prepared> chunk = new ArrayList<>();
            preparer.applyAll(inputs, 0, chunk);
            for (int i = 0; i < inputs.size(); i++) {
                assertSame(preparer.prepare(inputs.get(i), i), chunk.get(i), "item " + i);
            }
            assertEquals(152, chunk.stream().filter(p -> p.outcome() == ItemPreparer.Outcome.SEND).count());
        }
    }

    @Test
    void whenAnItemThrowsTheItemsBeforeItComeOutSettled() {
        List<ItemPreparer.Input> inputs = inputs(items());
        try (FeedSyncState state = new InMemorySyncStateStore().open("space", Feed.PRODUCTS)) {
            recordEarlierSync(state, inputs);
            ItemPreparer preparer = new ItemPreparer(VALIDATOR, state, true, ItemPreparer.Skip.NONE,
                    MAX_BATCH_BYTES);
            IllegalStateException broken = new IllegalStateException("broken map");
            Map<String, Object> throwing = new java.util.AbstractMap<>() {
                @Override
                public Object get(Object key) {
                    return "sku".equals(key) ? "sku-x" : "storeViewCode".equals(key) ? "default" : null;
                }

                @Override
                public java.util.Set<Map.Entry<String, Object>> entrySet() {
                    throw broken;
                }
            };
            List<ItemPreparer.Input> chunk = List.of(inputs.get(0), inputs.get(2), inputs.get(1),
                    new ItemPreparer.Input(GenericItem.of(Map.of("sku", "sku-x")), throwing, null), inputs.get(4));
            List<ItemPreparer.Prepared> prepared = new ArrayList<>();
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> preparer.applyAll(chunk, 0, prepared));
            assertEquals(broken, thrown);
            assertEquals(3, prepared.size(), "the items before the one that threw");
            for (int i = 0; i < 3; i++) {
                assertSame(preparer.prepare(chunk.get(i), i), prepared.get(i), "item " + i);
            }
            assertEquals(List.of(ItemPreparer.Outcome.UNCHANGED, ItemPreparer.Outcome.SEND,
                    ItemPreparer.Outcome.UNCHANGED), prepared.stream().map(ItemPreparer.Prepared::outcome).toList());
        }
    }

    @Test
    void whenTheLookUpsFailOnlyTheItemsBeforeTheFirstLookedUpComeOut() {
        List<ItemPreparer.Input> inputs = inputs(items());
        FeedSyncState state = new InMemorySyncStateStore().open("space", Feed.PRODUCTS);
        recordEarlierSync(state, inputs);
        ItemPreparer preparer = new ItemPreparer(VALIDATOR, state, true, ItemPreparer.Skip.NONE, MAX_BATCH_BYTES);
        state.close();
        List<ItemPreparer.Input> chunk = List.of(inputs.get(151), inputs.get(153), inputs.get(0), inputs.get(151));
        List<ItemPreparer.Prepared> prepared = new ArrayList<>();

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> preparer.applyAll(chunk, 0, prepared));

        assertTrue(thrown.getMessage().contains("closed"), thrown.getMessage());
        assertEquals(List.of(ItemPreparer.Outcome.UNIDENTIFIED, ItemPreparer.Outcome.UNIDENTIFIED),
                prepared.stream().map(ItemPreparer.Prepared::outcome).toList(), "nothing held back comes out");
    }

    @Test
    void itemsOfMegabytesComeOutAsOneByOne() {
        List<FeedItem> large = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            large.add(product(n, Character.toString('a' + n).repeat(1_500_000)));
        }
        List<ItemPreparer.Input> inputs = inputs(large);
        try (FeedSyncState state = new InMemorySyncStateStore().open("space", Feed.PRODUCTS)) {
            ItemValidator longStrings = new ItemValidator(Feed.PRODUCTS, 2 << 20,
                    CatalogSyncSettings.defaults().maxDepth());
            ItemPreparer preparer = new ItemPreparer(longStrings, state, true, ItemPreparer.Skip.NONE, 8 << 20);
            List<ItemPreparer.Prepared> chunk = new ArrayList<>();
            preparer.applyAll(inputs, 0, chunk);
            for (int i = 0; i < inputs.size(); i++) {
                ItemPreparer.Prepared expected = preparer.prepare(inputs.get(i), i);
                assertEquals(ItemPreparer.Outcome.SEND, expected.outcome());
                assertSame(expected, chunk.get(i), "item " + i);
            }
        }
    }

    private static void assertSame(ItemPreparer.Prepared expected, ItemPreparer.Prepared actual, String what) {
        assertEquals(expected.outcome(), actual.outcome(), what);
        assertEquals(expected.position(), actual.position(), what);
        assertEquals(expected.key(), actual.key(), what);
        assertEquals(expected.identity(), actual.identity(), what);
        assertEquals(expected.content(), actual.content(), what);
        assertEquals(expected.delete(), actual.delete(), what);
        assertEquals(expected.problem(), actual.problem(), what);
        assertEquals(expected.stored(), actual.stored(), what);
        if (expected.json() == null) {
            assertNull(actual.json(), what);
        } else {
            assertArrayEquals(expected.json(), actual.json(), what);
        }
    }
}
