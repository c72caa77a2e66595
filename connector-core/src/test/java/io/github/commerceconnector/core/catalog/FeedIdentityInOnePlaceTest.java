package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commerceconnector.api.catalog.Feed;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The identity of a feed is {@link Feed#identityFields()}, which the clients, the fakes and the contract suites
 * read; the typed items' Javadoc is generated from {@code connector-codegen/items.json}. The two must agree, so that
 * correcting an assumed identity (product overrides, category permissions) is the line in {@code Feed}, and this
 * test names the line of items.json that follows it.
 */
class FeedIdentityInOnePlaceTest {

    @Test
    void theGeneratorsIdentitiesAreTheFeeds() throws Exception {
        Path items = Path.of("").toAbsolutePath().getParent().resolve("connector-codegen/items.json");
        JsonNode spec = new ObjectMapper().readTree(items.toFile());
        Map<String, List<String>> generated = new LinkedHashMap<>();
        for (JsonNode item : spec.get("classes")) {
            List<String> identity = new ArrayList<>();
            item.get("identity").forEach(field -> identity.add(field.asText()));
            generated.put(item.get("feed").asText(), identity);
        }
        Map<String, List<String>> feeds = new LinkedHashMap<>();
        for (Feed feed : Feed.builtIn()) {
            feeds.put(constantOf(feed), feed.identityFields());
        }
        assertEquals(feeds, generated, "the identity in items.json must be the Feed constant's: change items.json "
                + "and run connector-codegen/generate.sh");
    }

    /** The name of the {@code Feed} constant holding a built-in feed, e.g. {@code PRODUCTS}. */
    private static String constantOf(Feed feed) throws IllegalAccessException {
        for (Field field : Feed.class.getFields()) {
            if (field.getType() == Feed.class && Modifier.isStatic(field.getModifiers()) && feed.equals(field.get(null))) {
                return field.getName();
            }
        }
        throw new IllegalStateException("No Feed constant holds " + feed);
    }
}
