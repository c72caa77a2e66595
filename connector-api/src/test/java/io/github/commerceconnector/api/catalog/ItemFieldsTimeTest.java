package io.github.commerceconnector.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The typed items' timestamps, written by hand for years 0 to 9999, are the text the RFC 3339 formatter writes
 * (only the fraction digits needed), at the edges of that range, past them, and for 200,000 random instants with
 * every kind of fraction.
 */
class ItemFieldsTimeTest {
    private static final DateTimeFormatter FORMATTER = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();

    @Test
    void edgesAndFractionsAreWrittenAsTheFormatterWritesThem() {
        List<Instant> edges = List.of(Instant.EPOCH, Instant.parse("2024-05-01T10:15:30.5Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"), Instant.parse("1969-12-31T23:59:59.000000001Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.120Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2000-01-01T00:00:00.100200300Z"), Instant.MIN, Instant.MAX);
        for (Instant edge : edges) {
            assertEquals(FORMATTER.format(edge), ItemFields.time(edge), edge.toString());
        }
    }

    @Test
    void randomInstantsAreWrittenAsTheFormatterWritesThem() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L - 86_400L * 800, 253_402_300_799L + 86_400L * 800);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(FORMATTER.format(instant), ItemFields.time(instant), instant.toString());
        }
    }

    @Test
    void aFieldWriterThatTakesOnlyTextGetsEachTimestampAsItsText() {
        Instant created = Instant.parse("2024-01-02T03:04:05.250Z");
        Instant updated = Instant.parse("+10000-01-01T00:00:00Z");
        List<String> received = new ArrayList<>();
        FieldWriter textOnly = new FieldWriter() {
            @Override
            public void string(String name, String value) {
                received.add(name + "=" + value);
            }

            @Override
            public void number(String name, Number value) {
                received.add(name + "=" + value);
            }

            @Override
            public void bool(String name, boolean value) {
                received.add(name + "=" + value);
            }

            @Override
            public void object(String name, WritesFields value) {
                received.add(name);
            }

            @Override
            public void strings(String name, List<String> values) {
                received.add(name + "=" + values);
            }

            @Override
            public void objects(String name, List<? extends WritesFields> values) {
                received.add(name);
            }
        };
        Category.builder().urlPath("men").createdAt(created).updatedAt(updated).build().writeFields(textOnly);
        assertEquals(List.of("createdAt=2024-01-02T03:04:05.25Z", "updatedAt=+10000-01-01T00:00:00Z",
                "urlPath=men"), received);
        textOnly.time("deletedAt", null);
        assertEquals("deletedAt=null", received.get(3));
    }
}
