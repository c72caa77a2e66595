package io.github.commerceconnector.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator refuses a spec that drifts from the schema, naming the record and field. */
class ItemModelTest {
    private static final String SCHEMA = """
            {"records": {
              "Thing": {"thingId": {"type": "ID", "repeated": false, "deprecated": false},
                        "when": {"type": "String", "repeated": false, "deprecated": false},
                        "parts": {"type": "Part", "repeated": true, "deprecated": false},
                        "old": {"type": "String", "repeated": false, "deprecated": true}},
              "Part": {"size": {"type": "Int", "repeated": false, "deprecated": false}}},
             "source": "test"}""";

    @TempDir
    Path folder;

    private Map<Path, String> generate(String fields, String partFields) throws Exception {
        Path schema = Files.writeString(folder.resolve("schema.json"), SCHEMA);
        Path spec = Files.writeString(folder.resolve("items.json"), """
                {"package": "x.y", "classes": [{"name": "Thing", "record": "Thing", "feed": "THINGS",
                  "identity": ["thingId"], "doc": ["A thing."], "fields": [%s],
                  "nested": [{"name": "Part", "record": "Part", "doc": ["A part."], "fields": [%s]}]}]}
                """.formatted(fields, partFields));
        return ItemGenerator.generate(ExporterSchema.read(schema), ItemSpec.read(spec));
    }

    private static final String THING_FIELDS = """
            {"name": "thingId", "doc": "the id"}, {"name": "when", "java": "Instant", "doc": "when"},
            {"name": "parts", "doc": "its parts"}""";
    private static final String PART_FIELDS = "{\"name\": \"size\", \"doc\": \"the size\"}";

    @Test
    void aSchemaFieldWithoutAnEntryFailsNamingRecordAndField() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> generate("{\"name\": \"thingId\", \"doc\": \"the id\"}, {\"name\": \"parts\", \"doc\": \"x\"}",
                        PART_FIELDS));
        assertTrue(refused.getMessage().contains("Field when (String) of record Thing has no entry in items.json"),
                refused.getMessage());
    }

    @Test
    void aFieldTheSchemaDoesNotHaveFails() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> generate(THING_FIELDS, PART_FIELDS + ", {\"name\": \"visibleInPLP\", \"doc\": \"invented\"}"));
        assertTrue(refused.getMessage().contains("visibleInPLP of Thing.Part (record Part) is not in the exporter "
                + "schema"), refused.getMessage());
    }

    @Test
    void aDeprecatedFieldIsLeftOut() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> generate(THING_FIELDS + ", {\"name\": \"old\", \"doc\": \"old\"}", PART_FIELDS));
        assertTrue(refused.getMessage().contains("is deprecated"), refused.getMessage());
    }

    @Test
    void aJavaTypeThatDoesNotFitTheSchemaTypeFails() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> generate(THING_FIELDS, "{\"name\": \"size\", \"java\": \"Instant\", \"doc\": \"x\"}"));
        assertTrue(refused.getMessage().contains("fits a single String only"), refused.getMessage());
    }

    @Test
    void aFeedItemGetsDeletedAndTypedFieldsWithTheirWireNames() throws Exception {
        String source = generate(THING_FIELDS, PART_FIELDS).values().iterator().next();

        assertTrue(source.startsWith(ItemClassWriter.HEADER), "the generated header comes first");
        assertTrue(source.contains("public Boolean deleted()"), "the exporter adds deleted to every item");
        assertTrue(source.contains(".putTime(\"when\", when)"), "an Instant is written as RFC 3339 text");
        assertTrue(source.contains(".putObjects(\"parts\", parts, Part::fields)"), "nested records are objects");
        assertTrue(source.contains("public Builder addPart(Consumer<Part.Builder> value)"), "an adder per list");
        assertEquals(1, source.split("public final class Thing implements FeedItem", -1).length - 1);
    }
}
