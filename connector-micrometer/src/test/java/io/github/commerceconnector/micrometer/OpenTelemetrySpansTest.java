package io.github.commerceconnector.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.catalog.Feed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Through Micrometer Tracing's OpenTelemetry bridge, the same observations become spans: one per catalog call,
 * with one child per feed request, exported by the OpenTelemetry SDK.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenTelemetrySpansTest {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
    private final ObservationRegistry observations = ObservationRegistry.create();

    OpenTelemetrySpansTest() {
        OtelCurrentTraceContext context = new OtelCurrentTraceContext();
        OtelTracer tracer = new OtelTracer(openTelemetry.getTracer("connector-test"), context, event -> { },
                new OtelBaggageManager(context, List.of(), List.of()));
        observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
    }

    @AfterEach
    void shutDown() {
        openTelemetry.close();
    }

    @Test
    void aCatalogCallIsASpanWithItsFeedRequestsAsChildren() {
        try (GatewayFixture fixture = new GatewayFixture(0,
                MicrometerConnectorObserver.create(observations, new SimpleMeterRegistry()))) {
            fixture.client.catalog().sync(Feed.PRODUCTS, GatewayFixture.products(0, 25));

            List<SpanData> spans = exporter.getFinishedSpanItems();
            List<SpanData> syncs = named(spans, "sync products");
            assertEquals(1, syncs.size(), spans::toString);
            SpanData sync = syncs.get(0);
            assertEquals("25", sync.getAttributes().get(AttributeKey.stringKey("items.sent")));
            assertEquals("complete", sync.getAttributes().get(AttributeKey.stringKey("outcome")));
            assertEquals(fixture.dataSpaceId, sync.getAttributes().get(AttributeKey.stringKey("data.space")));

            List<SpanData> sends = named(spans, "feeds.send");
            assertEquals(fixture.feedRequestsReceived(), sends.size());
            for (SpanData send : sends) {
                assertEquals(sync.getSpanId(), send.getParentSpanId());
                assertEquals(sync.getTraceId(), send.getTraceId());
                assertEquals("2xx", send.getAttributes().get(AttributeKey.stringKey("status.class")));
            }
            assertEquals(List.of("2xx"), named(spans, "projects.get").stream()
                    .map(span -> span.getAttributes().get(AttributeKey.stringKey("status.class"))).distinct()
                    .collect(Collectors.toList()), "the selection's registry request is a span too");
        }
    }

    private static List<SpanData> named(List<SpanData> spans, String name) {
        return spans.stream().filter(span -> span.getName().equals(name)).collect(Collectors.toList());
    }
}
