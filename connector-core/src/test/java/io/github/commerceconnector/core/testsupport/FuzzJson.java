package io.github.commerceconnector.core.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Generators of reply bodies for the parser fuzz properties: JSON trees whose keys and values lean on a given
 * vocabulary (so that they come close to the shapes the parsers expect), the same text cut short, and raw
 * bytes that are not JSON or not even UTF-8.
 */
public final class FuzzJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FuzzJson() {
    }

    /** Bodies of every kind: JSON of the vocabulary, JSON cut anywhere, random text, random bytes. */
    public static Arbitrary<byte[]> bodies(List<String> keys, List<Object> values) {
        Arbitrary<String> json = tree(3, keys, values).map(FuzzJson::write);
        return Arbitraries.frequencyOf(
                Tuple.of(6, json.map(text -> text.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(2, json.flatMap(text -> Arbitraries.integers().between(0, Math.max(0, text.length()))
                        .map(cut -> text.substring(0, cut).getBytes(StandardCharsets.UTF_8)))),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(200).map(text -> text.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
    }

    /** A JSON value: objects with the vocabulary's keys (and others), arrays, and leaves. */
    public static Arbitrary<Object> tree(int depth, List<String> keys, List<Object> values) {
        Arbitrary<Object> leaf = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(values)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(30).map(text -> (Object) text)),
                Tuple.of(1, Arbitraries.integers().map(number -> (Object) number)),
                Tuple.of(1, Arbitraries.doubles().map(number -> (Object) number)),
                Tuple.of(1, Arbitraries.of(true, false).map(bool -> (Object) bool))).injectNull(0.1);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(keys)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
        Arbitrary<Object> inner = Arbitraries.lazy(() -> tree(depth - 1, keys, values));
        Arbitrary<Object> object = Arbitraries.maps(key, inner).ofMaxSize(8).map(map -> (Object) map);
        Arbitrary<Object> array = inner.list().ofMaxSize(5).map(list -> (Object) new ArrayList<>(list));
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(3, object), Tuple.of(2, array));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a generated JSON value", e);
        }
    }
}
