package io.github.commerceconnector.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.ItemStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ItemIndexTest {

    @Test
    void putUpdatesAndRemoves() {
        ItemIndex table = new ItemIndex(4);
        table.put(7, 70, ItemStatus.ACCEPTED, 16, false);
        table.put(7, 71, ItemStatus.REJECTED, 40, false);
        assertEquals(1, table.size());
        assertEquals(71, table.content(7));
        assertEquals(ItemStatus.REJECTED, table.status(7));
        assertEquals(40, table.position(7));
        assertEquals(0, table.count(ItemStatus.ACCEPTED));
        assertEquals(1, table.count(ItemStatus.REJECTED));
        assertTrue(table.remove(7));
        assertFalse(table.remove(7));
        assertNull(table.status(7));
        assertEquals(0, table.count(ItemStatus.REJECTED));
    }

    @Test
    void findGivesContentAndStatusOfAHeldKeyAndNullOtherwise() {
        ItemIndex table = new ItemIndex(4);
        table.put(7, 70, ItemStatus.ACCEPTED, 16, false);
        table.put(8, 80, ItemStatus.UNCONFIRMED, 32, false);
        assertEquals(new StoredItem(7, 70, ItemStatus.ACCEPTED), table.find(7));
        assertEquals(new StoredItem(8, 80, ItemStatus.UNCONFIRMED), table.find(8));
        assertNull(table.find(9));
        table.remove(7);
        assertNull(table.find(7));
        assertThrows(IllegalArgumentException.class, () -> table.find(0));
    }

    @Test
    void findAllGivesWhatFindGivesForEachKeyAcrossGrowthAndRemovals() {
        ItemIndex table = new ItemIndex(4);
        for (long key = 1; key <= 3_000; key++) {
            table.put(key * 0x9E3779B97F4A7C15L, key, ItemStatus.values()[(int) (key % 4)], key, false);
        }
        for (long key = 3; key <= 3_000; key += 3) {
            table.remove(key * 0x9E3779B97F4A7C15L);
        }
        long[] keys = new long[4_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (i + 1) * 0x9E3779B97F4A7C15L;
        }
        StoredItem[] found = new StoredItem[keys.length];
        table.findAll(keys, keys.length, found);
        for (int i = 0; i < keys.length; i++) {
            assertEquals(table.find(keys[i]), found[i], "key " + (i + 1));
        }
        assertNull(found[2], "removed");
        assertNull(found[3_500], "never held");
        assertEquals(new StoredItem(keys[0], 1, ItemStatus.values()[1]), found[0]);
    }

    @Test
    void findAllRefusesACountBeyondAnArrayAndTheReservedKey() {
        ItemIndex table = new ItemIndex(4);
        table.put(7, 70, ItemStatus.ACCEPTED, 16, false);
        assertThrows(IndexOutOfBoundsException.class, () -> table.findAll(new long[] {7}, 2, new StoredItem[2]));
        assertThrows(IndexOutOfBoundsException.class, () -> table.findAll(new long[] {7, 7}, 2, new StoredItem[1]));
        assertThrows(IndexOutOfBoundsException.class, () -> table.findAll(new long[] {7}, -1, new StoredItem[1]));
        assertThrows(IllegalArgumentException.class, () -> table.findAll(new long[] {7, 0}, 2, new StoredItem[2]));
        StoredItem[] none = new StoredItem[1];
        table.findAll(new long[] {0}, 0, none);
        assertNull(none[0], "a count of 0 looks nothing up");
    }

    @Test
    void prefetchChangesNothingAndChecksItsCount() {
        ItemIndex table = new ItemIndex(4);
        for (long key = 1; key <= 100; key++) {
            table.put(key, key * 10, ItemStatus.ACCEPTED, key, false);
        }
        table.prefetch(new long[] {1, 50, 1_000, 7}, 3);
        assertEquals(100, table.size());
        assertEquals(new StoredItem(50, 500, ItemStatus.ACCEPTED), table.find(50));
        assertNull(table.find(1_000));
        assertEquals(100, table.unseen().length, "no mark set");
        assertThrows(IndexOutOfBoundsException.class, () -> table.prefetch(new long[] {1}, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> table.prefetch(new long[] {1}, -1));
    }

    @Test
    void seenMarksSurviveUpdatesAndListTheRest() {
        ItemIndex table = new ItemIndex(4);
        for (long key = 1; key <= 5; key++) {
            table.put(key, key, ItemStatus.ACCEPTED, key, false);
        }
        assertTrue(table.markSeen(2));
        assertFalse(table.markSeen(2), "second mark reports a duplicate");
        assertTrue(table.markSeen(99), "unknown keys are not marked");
        table.put(2, 22, ItemStatus.RETRYABLE, 8, false);
        table.put(4, 44, ItemStatus.ACCEPTED, 9, true);
        long[] unseen = table.unseen();
        Arrays.sort(unseen);
        assertArrayEquals(new long[] {1, 3, 5}, unseen);
    }

    @Test
    void forEachEntryHandsOverEachItemsContentAndPositionAndStopsWhenAsked() {
        ItemIndex index = new ItemIndex(4);
        for (long key = 1; key <= 1000; key++) {
            index.put(key, key * 7, key % 3 == 0 ? ItemStatus.REJECTED : ItemStatus.ACCEPTED, key * 11, false);
        }
        Map<Long, long[]> visited = new HashMap<>();

        index.forEachEntry(ItemStatus.ACCEPTED, (key, content, position) -> {
            visited.put(key, new long[] {content, position});
            return true;
        });
        int[] stoppedAfter = {0};
        index.forEachEntry(ItemStatus.REJECTED, (key, content, position) -> ++stoppedAfter[0] < 5);

        assertEquals(667, visited.size());
        visited.forEach((key, entry) -> {
            assertEquals(ItemStatus.ACCEPTED, index.status(key));
            assertArrayEquals(new long[] {key * 7, key * 11}, entry, "key " + key);
        });
        assertEquals(5, stoppedAfter[0]);
    }

    @Test
    void refusesTheReservedKey() {
        assertThrows(IllegalArgumentException.class, () -> new ItemIndex(1).put(0, 1, ItemStatus.ACCEPTED, 0, false));
    }

    @Property(tries = 200)
    void behavesLikeAMapUnderRandomInsertsAndRemovals(
            @ForAll @Size(max = 400) long[] operations, @ForAll @LongRange(min = 1, max = 64) long keySpace) {
        ItemIndex table = new ItemIndex(1);
        Map<Long, Long> expected = new HashMap<>();
        for (long operation : operations) {
            long key = Math.floorMod(operation, keySpace) + 1;
            if (operation % 3 == 0) {
                assertEquals(expected.remove(key) != null, table.remove(key));
            } else {
                table.put(key, operation, ItemStatus.ACCEPTED, Math.floorMod(operation, 1000), false);
                expected.put(key, operation);
            }
            assertEquals(expected.size(), table.size());
        }
        for (long key = 1; key <= keySpace; key++) {
            Long content = expected.get(key);
            assertEquals(content != null, table.contains(key));
            if (content != null) {
                assertEquals(content.longValue(), table.content(key));
            }
        }
    }
}
