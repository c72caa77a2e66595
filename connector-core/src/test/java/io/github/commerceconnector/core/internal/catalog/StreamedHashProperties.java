package io.github.commerceconnector.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dynatrace.hash4j.hashing.Hashing;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.ContentHashAlgorithm;
import io.github.commerceconnector.api.spi.StateChange;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hasher streams the canonical text into SHA-256 (or XXH3) without building strings; these properties hold it
 * to the plain definition (build the canonical text as a string the simple way, take its UTF-8 bytes, hash
 * them), so that state files written before stay valid: same text, same hashes, for any text, including
 * escapes, non-ASCII, surrogate pairs and unpaired surrogates, nested order-free arrays and numbers of
 * every type.
 */
class StreamedHashProperties {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final ItemHasher hasher = new ItemHasher();
    private final ItemHasher xxh3Hasher = new ItemHasher(ContentHashAlgorithm.XXH3_64);
    private final CanonicalJson canonical = new CanonicalJson();

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(10),
                Arbitraries.strings().withChars('"', '\\', '\t', '\n', '\u0001', '\u001f', 'x', 'é', '€', '\ud83d',
                        '\ude00', '\uffff', '\ue000').ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    @Provide
    Arbitrary<Object> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().between(-1e6, 1e6).map(Object.class::cast),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000")).ofScale(3)
                        .map(Object.class::cast));
    }

    @Provide
    Arbitrary<Map<String, Object>> items() {
        Arbitrary<String> names = Arbitraries.oneOf(texts(), Arbitraries.of("images", "roles", "attributes", "sku",
                "updatedAt", "modifiedAt", "value", "categoryData"));
        Arbitrary<Object> leaves = Arbitraries.oneOf(texts().map(Object.class::cast), numbers(),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(Object.class::cast));
        Arbitrary<Object> inner = Arbitraries.oneOf(leaves,
                leaves.list().ofMaxSize(4).map(Object.class::cast),
                Arbitraries.maps(names, leaves).ofMaxSize(4).map(Object.class::cast));
        Arbitrary<Object> values = Arbitraries.oneOf(inner,
                inner.list().ofMaxSize(4).map(Object.class::cast),
                Arbitraries.maps(names, inner).ofMaxSize(4).map(Object.class::cast));
        return Arbitraries.maps(names, values).ofMaxSize(8).map(LinkedHashMap::new);
    }

    @Property(tries = 1000)
    void contentHashIsSha256OfTheSimplyBuiltCanonicalText(@ForAll("items") Map<String, Object> item) {
        String reference = Reference.canonical(item, true);
        assertEquals(reference, canonical.of(item));
        assertEquals(Reference.hash(reference.getBytes(StandardCharsets.UTF_8)), hasher.contentHash(item));
    }

    @Property(tries = 1000)
    void xxh3ContentHashIsXxh3OfTheSameCanonicalBytes(@ForAll("items") Map<String, Object> item) {
        byte[] text = Reference.canonical(item, true).getBytes(StandardCharsets.UTF_8);
        long expected = Hashing.xxh3_64().hashBytesToLong(text);
        assertEquals(expected == StateChange.DELETE_CONTENT ? 1 : expected, xxh3Hasher.contentHash(item));
    }

    @Property(tries = 1000)
    void xxh3HashOfTheJsonSentIsTheContentHashAndLeavesTheJsonWhole(@ForAll("items") Map<String, Object> item) {
        long hash = xxh3Hasher.writeItem(item);
        byte[] json = xxh3Hasher.json();
        hasher.writeItem(item);
        assertArrayEquals(hasher.json(), json, "the algorithm changes the hash only, not the bytes sent");
        assertEquals(xxh3Hasher.contentHash(item), hash, "the hash of the bytes sent is the content hash");
    }

    @Property(tries = 1000)
    void theJsonSentCarriesTheHashedCanonicalTextAndTheLeftOutFields(@ForAll("items") Map<String, Object> item)
            throws IOException {
        String text = canonical.of(item);
        long hash = hasher.writeItem(item);
        byte[] json = hasher.json();
        Assume.that(!hasUnpairedSurrogates(Wtf8.decode(json, json.length)));
        assertEquals(hasher.contentHash(item), hash, "the hash of the bytes sent is the content hash");
        Map<String, Object> sent = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        assertEquals(item.keySet(), sent.keySet(), "every field is sent");
        assertEquals(text, canonical.of(sent), "the JSON sent has the item's canonical content");
        for (String leftOut : CanonicalJson.IGNORED_FIELDS) {
            if (item.containsKey(leftOut)) {
                assertEquals(canonical.of(Map.of("v", item.get(leftOut))), canonical.of(Map.of("v", sent.get(leftOut))),
                        leftOut + " is sent as given");
            }
        }
        byte[] head = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Arrays.copyOf(head, head.length - 1), Arrays.copyOf(json, head.length - 1),
                "the canonical text, but its closing brace, opens the JSON");
    }

    private static boolean hasUnpairedSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @Property(tries = 500)
    void identityHashIsSha256OfTheLengthPrefixedUtf8Values(@ForAll("texts") String sku, @ForAll("texts") String view) {
        ByteBuffer expected = ByteBuffer.allocate(8 + 8 * (sku.length() + view.length()));
        for (String value : List.of(sku, view)) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            expected.putInt(bytes.length).put(bytes);
        }
        byte[] input = new byte[expected.position()];
        expected.flip().get(input);
        assertEquals(Reference.hash(input), hasher.identityHash(new ItemKey(Feed.PRODUCTS.identityFields(),
                List.of(sku, view))));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.longs().between(-10_000_000, 10_000_000), Arbitraries.integers()
                .between(-5, 8)).as((unscaled, scale) -> new BigDecimal(BigInteger.valueOf(unscaled), scale));
    }

    @Property(tries = 2000)
    void decimalsAreWrittenPlainWithoutTrailingZeros(@ForAll("decimals") BigDecimal value) {
        String expected = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        assertEquals(expected, CanonicalJson.canonicalNumber(value));
    }

    /** The canonical form built as plainly as possible, the way the first version of the hasher did. */
    static final class Reference {

        static String canonical(Object value, boolean topLevel) {
            return value(value, null, topLevel);
        }

        private static String value(Object value, String field, boolean topLevel) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String text) {
                return string(text);
            }
            if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
                return value.toString();
            }
            if (value instanceof Number number) {
                return CanonicalJson.canonicalNumber(number);
            }
            if (value instanceof Map<?, ?> map) {
                List<String> keys = new ArrayList<>();
                for (Object key : map.keySet()) {
                    String name = String.valueOf(key);
                    if (!(topLevel && CanonicalJson.IGNORED_FIELDS.contains(name))) {
                        keys.add(name);
                    }
                }
                keys.sort(null);
                List<String> parts = new ArrayList<>();
                for (String key : keys) {
                    parts.add(string(key) + ":" + value(map.get(key), key, false));
                }
                return "{" + String.join(",", parts) + "}";
            }
            List<String> elements = new ArrayList<>();
            for (Object element : (Collection<?>) value) {
                elements.add(value(element, null, false));
            }
            if (field != null && CanonicalJson.ORDER_FREE_ARRAYS.contains(field)) {
                elements.sort(null);
            }
            return "[" + String.join(",", elements) + "]";
        }

        /** A string as JSON text, quoted, escaped as the canonical form escapes. */
        static String string(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }

        static long hash(byte[] input) {
            try {
                long hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(input)).getLong();
                return hash == StateChange.DELETE_CONTENT ? 1 : hash;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
