package io.github.commerceconnector.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.internal.catalog.FeedJson;
import io.github.commerceconnector.core.internal.catalog.RequestBody;
import io.github.commerceconnector.examples.CatalogGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch of 100 generated products (about 160 KiB of JSON) made into a request body: each item written as
 * JSON, the array gzipped. With the SDK's code at its default level ({@code BEST_SPEED}), with the same code at
 * the JDK's default level (6), and as the do-it-yourself baseline does it (Jackson straight into a
 * {@link GZIPOutputStream}, level 6).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class BatchEncodingBenchmark {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private final List<Map<String, Object>> batch = new ArrayList<>();

    /** Builds the fields of 100 products. */
    @Setup
    public void setUp() {
        CatalogGenerator generator = new CatalogGenerator();
        for (int index = 0; index < 100; index++) {
            batch.add(generator.product(index, 0).fields());
        }
    }

    /** The SDK: its JSON writer and request body encoder at its default level. */
    @Benchmark
    public byte[] sdkDefaultLevel() {
        return encode(CatalogSyncSettings.defaults().gzipLevel());
    }

    /** The SDK's code at the JDK's default deflate level. */
    @Benchmark
    public byte[] sdkAtJdkDefaultLevel() {
        return encode(Deflater.DEFAULT_COMPRESSION);
    }

    /** The do-it-yourself way: the list written by Jackson into a default {@link GZIPOutputStream}. */
    @Benchmark
    public byte[] diyJacksonIntoGzipStream() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            JACKSON.writeValue(gzip, batch);
        }
        return bytes.toByteArray();
    }

    private byte[] encode(int level) {
        List<byte[]> items = new ArrayList<>(batch.size());
        for (Map<String, Object> fields : batch) {
            items.add(FeedJson.write(fields));
        }
        return RequestBody.encodeJson(items, true, level);
    }
}
