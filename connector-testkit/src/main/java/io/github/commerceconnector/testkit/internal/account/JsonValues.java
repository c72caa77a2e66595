package io.github.commerceconnector.testkit.internal.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of decoded JSON values, so stored items cannot change behind the account. */
final class JsonValues {

    private JsonValues() {
    }

    /** A deep unmodifiable copy of a JSON object; keys become strings. */
    static Map<String, Object> copyObject(Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?>) {
            return copyObject((Map<?, ?>) value);
        }
        if (value instanceof List<?>) {
            List<Object> copy = new ArrayList<>(((List<?>) value).size());
            for (Object element : (List<?>) value) {
                copy.add(copyValue(element));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
