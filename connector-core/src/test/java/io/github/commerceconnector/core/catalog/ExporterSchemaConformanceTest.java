package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.testsupport.FullItems;
import io.github.commerceconnector.testkit.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed items speak the exporter's schema, field for field: one item of each built-in feed, built with every
 * setter ({@link FullItems}), is synced through the real client and encoder over HTTP to the fake gateway (in schema
 * mode), and the JSON that arrived is held against the committed copy of the exporter's schema (the testkit's
 * {@code exporter-schema.json}): every non-deprecated field present, at every level of nesting; no name outside
 * the schema ({@code deleted} aside, which the exporter adds to every item); every value of the schema's JSON type.
 * A field the exporter adds to its schema fails this test until the items carry it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExporterSchemaConformanceTest {
    private static final String SCHEMA = "/io/github/commerceconnector/testkit/exporter-schema.json";
    /** The records this SDK assumes for the feeds whose exporter records are not public. */
    private static final String ASSUMED = "/io/github/commerceconnector/testkit/assumed-schema.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode records;
    private static JsonNode assumedRecords;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = ExporterSchemaConformanceTest.class.getResourceAsStream(SCHEMA);
                InputStream assumed = ExporterSchemaConformanceTest.class.getResourceAsStream(ASSUMED)) {
            records = (ObjectNode) MAPPER.readTree(in).get("records");
            assumedRecords = MAPPER.readTree(assumed).get("records");
        }
        assumedRecords.properties().forEach(record -> {
            if (record.getKey().equals("Export")) {
                ((ObjectNode) records.get("Export")).setAll((ObjectNode) record.getValue());
            } else {
                records.set(record.getKey(), record.getValue());
            }
        });
    }

    private static String recordOf(Feed feed) {
        JsonNode export = records.get("Export").get(feed.name());
        return export == null ? null : export.get("type").asText();
    }

    @Test
    void everyBuiltInFeedIsAFeedOfTheExporterSchema() {
        for (Feed feed : Feed.builtIn()) {
            assertTrue(recordOf(feed) != null, feed.name() + " is not a feed of the exporter's Export record");
        }
        assertEquals(12, FullItems.all().size());
        assertEquals(Feed.builtIn(), List.copyOf(FullItems.all().keySet()), "one full item per built-in feed");
    }

    @Test
    void oneItemOfEachFeedBuiltWithEverySetterArrivesWithEverySchemaFieldAndOnlySchemaTypes(@TempDir Path state)
            throws IOException {
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder("feed: fields sent / non-deprecated fields of the schema\n");
        int sentTotal = 0;
        int schemaTotal = 0;
        int assumedTotal = 0;
        try (CatalogGateway fake = CatalogGateway.start();
                CommerceServicesClient client = fake.client(state, CatalogSyncSettings.defaults())) {
            for (Map.Entry<Feed, FeedItem> entry : FullItems.all().entrySet()) {
                Feed feed = entry.getKey();
                SyncReport report = client.catalog().sync(feed, List.of(entry.getValue()));
                assertEquals(1, report.sent(), feed.name() + ": " + report.rejected());

                List<RecordedRequest> requests = fake.feedRequests();
                RecordedRequest last = requests.get(requests.size() - 1);
                assertTrue(last.path().startsWith(feed.route() + "/"), last.path());
                JsonNode item = MAPPER.readTree(last.bodyText()).get(0);
                String record = recordOf(feed);
                int sent = check(record, List.of(item), feed.name(), true, problems);
                int expected = schemaFields(record);
                table.append(String.format("  %-22s %3d / %3d%n", feed.name(), sent, expected));
                sentTotal += sent;
                if (assumedRecords.has(record)) {
                    assumedTotal += expected;
                } else {
                    schemaTotal += expected;
                }
            }
        }
        assertEquals(List.of(), problems, table.toString());
        assertEquals(242, schemaTotal, "the schema's non-deprecated fields of the ten exporter feeds (issue 19)");
        assertEquals(15, assumedTotal, "the assumed fields of productOverrides and categoryPermissions (issue 16)");
        assertEquals(schemaTotal + assumedTotal, sentTotal, table.toString());
    }

    /**
     * Holds objects of one record (an item, or every element of its arrays at one path) against the schema: a field
     * counts as present when one of them has it (a discount has a price or a percentage, never both); every name
     * and value is checked in each. Returns how many of the record's fields (nested ones by path) were present.
     */
    private static int check(String record, List<JsonNode> objects, String path, boolean item,
            List<String> problems) {
        JsonNode fields = records.get(record);
        int present = 0;
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            String name = field.getKey();
            List<JsonNode> values = new ArrayList<>();
            objects.forEach(object -> {
                if (object.has(name)) {
                    values.add(object.get(name));
                }
            });
            boolean deprecated = field.getValue().get("deprecated").asBoolean();
            if (values.isEmpty()) {
                if (!deprecated) {
                    problems.add(path + "/" + name + ": missing (" + record + " has it)");
                }
                continue;
            }
            present += deprecated || name.equals("deleted") ? 0 : 1;
            present += values(field.getValue(), values, path + "/" + name, problems);
        }
        for (JsonNode object : objects) {
            object.fieldNames().forEachRemaining(name -> {
                boolean exporterAddsIt = item && name.equals("deleted") && object.get(name).isBoolean();
                if (!fields.has(name) && !exporterAddsIt) {
                    problems.add(path + "/" + name + ": not a field of the exporter's " + record + " record");
                }
            });
        }
        return present;
    }

    /** Checks the values of one field; returns the nested fields present below it. */
    private static int values(JsonNode field, List<JsonNode> values, String at, List<String> problems) {
        String type = field.get("type").asText();
        List<JsonNode> singles = new ArrayList<>();
        for (JsonNode value : values) {
            if (!field.get("repeated").asBoolean()) {
                singles.add(value);
            } else if (value.isArray() && !value.isEmpty()) {
                value.forEach(singles::add);
            } else {
                problems.add(at + ": must be a non-empty array of " + type + ", is " + value);
            }
        }
        if (records.has(type)) {
            for (JsonNode single : singles) {
                if (!single.isObject()) {
                    problems.add(at + ": must be an object (" + type + "), is " + single.getNodeType());
                    return 0;
                }
            }
            return check(type, singles, at, false, problems);
        }
        for (JsonNode single : singles) {
            boolean fits = switch (type) {
                case "ID" -> single.isTextual() || single.isNumber();
                case "String" -> single.isTextual();
                case "Int" -> single.isIntegralNumber();
                case "Float" -> single.isNumber();
                case "Boolean" -> single.isBoolean();
                default -> false;
            };
            if (!fits) {
                problems.add(at + ": must be the exporter's " + type + ", is " + single.getNodeType() + " " + single);
            }
        }
        return 0;
    }

    /** The non-deprecated fields of a record, nested records' fields counted by path, as issue 19 counts them. */
    private static int schemaFields(String record) {
        int total = 0;
        for (Map.Entry<String, JsonNode> field : records.get(record).properties()) {
            if (field.getValue().get("deprecated").asBoolean() || field.getKey().equals("deleted")) {
                continue;
            }
            total++;
            String type = field.getValue().get("type").asText();
            if (records.has(type)) {
                total += schemaFields(type);
            }
        }
        return total;
    }
}
