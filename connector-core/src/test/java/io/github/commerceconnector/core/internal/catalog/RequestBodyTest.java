package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    private static List<byte[]> items(int count, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder("{\"sku\":\"SKU-" + i + "\",\"name\":\"");
            while (text.length() < size) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            items.add(text.append("\"}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return items;
    }

    private static byte[] array(List<byte[]> items) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            text.append(i > 0 ? "," : "").append(new String(items.get(i), StandardCharsets.UTF_8));
        }
        return text.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void gzipBodyDecompressesToTheJsonArrayAtEveryLevel() throws IOException {
        List<byte[]> items = items(100, 1600, 1);
        for (int level = 1; level <= 9; level++) {
            assertArrayEquals(array(items), gunzip(RequestBody.encodeJson(items, true, level)), "level " + level);
        }
    }

    @Test
    void buffersReusedOnOneThreadNeverLeakIntoTheNextBody() throws IOException {
        List<byte[]> large = items(300, 4000, 2);
        List<byte[]> small = items(2, 50, 3);
        assertArrayEquals(array(large), gunzip(RequestBody.encodeJson(large, true, 1)));
        assertArrayEquals(array(small), gunzip(RequestBody.encodeJson(small, true, 1)));
        assertArrayEquals(array(small), RequestBody.encodeJson(small, false, 1));
        assertArrayEquals(array(large), gunzip(RequestBody.encodeJson(large, true, 6)));
    }

    @Test
    void emptyBatchIsAnEmptyArray() throws IOException {
        assertEquals("[]", new String(gunzip(RequestBody.encodeJson(List.of(), true, 1)), StandardCharsets.UTF_8));
        assertEquals("[]", new String(RequestBody.encodeJson(List.of(), false, 1), StandardCharsets.UTF_8));
    }
}
