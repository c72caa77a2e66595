package io.github.commerceconnector.core.internal.http;

import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.internal.runtime.DaemonThreads;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link HttpTransport} of a runtime, and of a client built with {@code httpVersion(HTTP_2)}, on the JDK
 * {@link HttpClient} (other clients use {@link UrlConnectionTransport}): one client per transport, so
 * connections are reused, HTTP/2 where the server offers it, an optional proxy, and a connect timeout. The
 * whole-call deadline covers headers <em>and</em> body: on Java 17 {@link HttpRequest.Builder#timeout} stops at
 * the headers, so the send is asynchronous and abandoned (cancelled) once the deadline passes.
 */
public final class JdkHttpTransport implements HttpTransport {
    private static final AtomicInteger CLIENT_NUMBER = new AtomicInteger();
    private static final long STOP_WAIT_SECONDS = 5;

    private final ExecutorService executor;
    /** The factory of the executor's threads, to wait for them at close. */
    private final DaemonThreads threads;
    private final HttpClient client;

    /**
     * Creates the transport.
     *
     * @param connectTimeout how long opening a connection may take
     * @param proxy          the proxy selector, or {@code null} for the system default
     * @param version        {@link HttpClient.Version#HTTP_2} (negotiated, falls back to 1.1) or {@code HTTP_1_1}
     */
    public JdkHttpTransport(Duration connectTimeout, ProxySelector proxy, HttpClient.Version version) {
        this(connectTimeout, proxy, version, new DaemonThreads("commerce-connector-http-"
                + CLIENT_NUMBER.incrementAndGet() + "-"), 0);
    }

    /**
     * Creates the transport of a shared runtime: the client's own work (completing replies, HTTP/2 framing) runs on
     * a fixed number of threads.
     *
     * @param connectTimeout how long opening a connection may take
     * @param proxy          the proxy selector, or {@code null} for the system default
     * @param version        {@link HttpClient.Version#HTTP_2} (negotiated, falls back to 1.1) or {@code HTTP_1_1}
     * @param threadPrefix   the prefix of the client's thread names
     * @param threads        how many threads the client's executor has
     */
    public JdkHttpTransport(Duration connectTimeout, ProxySelector proxy, HttpClient.Version version,
            String threadPrefix, int threads) {
        this(connectTimeout, proxy, version, new DaemonThreads(threadPrefix), threads);
    }

    /** A transport whose client runs on a fixed pool of {@code fixedThreads}, or a cached one for 0. */
    private JdkHttpTransport(Duration connectTimeout, ProxySelector proxy, HttpClient.Version version,
            DaemonThreads threads, int fixedThreads) {
        this.threads = threads;
        this.executor = fixedThreads > 0 ? Executors.newFixedThreadPool(fixedThreads, threads)
                : Executors.newCachedThreadPool(threads);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(version)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor);
        if (proxy != null) {
            builder.proxy(proxy);
        }
        this.client = builder.build();
    }

    @Override
    public TransportResponse send(TransportRequest request, Duration deadline) throws IOException {
        HttpRequest httpRequest = toHttpRequest(request, deadline);
        CompletableFuture<HttpResponse<byte[]>> reply = client.sendAsync(httpRequest,
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // A timed get rather than orTimeout: orTimeout would complete the future without stopping the
            // exchange, whereas cancel(true) on the future sendAsync returned aborts it.
            response = reply.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            reply.cancel(true);
            throw TransportRules.late(deadline);
        } catch (InterruptedException interrupted) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("Interrupted while waiting for the reply");
            io.initCause(interrupted);
            throw io;
        } catch (ExecutionException failed) {
            throw asIoException(failed.getCause());
        }
        return new TransportResponse(response.statusCode(), response.headers().map(), TransportRules.decode(
                response.body() == null ? new byte[0] : response.body(),
                response.headers().firstValue("Content-Encoding").orElse(null)));
    }

    /**
     * Stops the client's worker threads and waits briefly for them to end. The JDK 17 client has no close; its
     * selector thread ends with it.
     */
    @Override
    public void close() {
        threads.stop(executor, STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static HttpRequest toHttpRequest(TransportRequest request, Duration deadline) {
        HttpRequest.BodyPublisher body = request.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(deadline)
                .method(request.method(), body);
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (TransportRules.passesOn(header.getKey())) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        return builder.build();
    }

    /** Any failure of the exchange is a transport failure, except a request the JDK refuses to build. */
    private static IOException asIoException(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof IllegalArgumentException bad) {
            throw bad;
        }
        return new IOException("The HTTP exchange failed: " + cause.getClass().getSimpleName(), cause);
    }

}
