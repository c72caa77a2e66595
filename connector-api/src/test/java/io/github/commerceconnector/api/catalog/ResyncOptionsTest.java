package io.github.commerceconnector.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResyncOptionsTest {
    private static final List<ItemKey> KEYS = List.of(ItemKey.of(Feed.PRODUCTS, "MH01", "default"));

    @Test
    void theEarlierConstructorResendsEveryItemWithoutResuming() {
        ResyncOptions options = new ResyncOptions(true, false, null);
        assertNull(options.onlyKeys());
        assertFalse(options.resumeInterrupted());
        assertSame(SyncListener.NONE, options.listener());
    }

    @Test
    void resumeAndOnlyKeysAreCopiedWithTheOtherOptions() {
        ResyncOptions resume = ResyncOptions.resume().withDryRun(true);
        assertTrue(resume.resumeInterrupted());
        assertTrue(resume.dryRun());
        ResyncOptions some = ResyncOptions.defaults().withOnlyKeys(KEYS).withDryRun(true);
        assertSame(KEYS, some.onlyKeys());
        assertEquals("ResyncOptions[cleanup=false, dryRun=true, onlyKeys=given, resume=false]", some.toString());
    }

    @Test
    void combinationsThatMakeNoSenseAreRefused() {
        IllegalArgumentException cleanupAndKeys = assertThrows(IllegalArgumentException.class,
                () -> ResyncOptions.defaults().withCleanup(true).withOnlyKeys(KEYS));
        assertTrue(cleanupAndKeys.getMessage().contains("resend only some keys"), cleanupAndKeys.getMessage());
        IllegalArgumentException cleanupAndResume = assertThrows(IllegalArgumentException.class,
                () -> ResyncOptions.resume().withCleanup(true));
        assertTrue(cleanupAndResume.getMessage().contains("resume"), cleanupAndResume.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResyncOptions.resume().withOnlyKeys(KEYS));
    }
}
