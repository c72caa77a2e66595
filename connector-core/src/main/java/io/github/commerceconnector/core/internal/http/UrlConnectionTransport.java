package io.github.commerceconnector.core.internal.http;

import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.internal.runtime.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * An {@link HttpTransport} on the JDK's blocking {@link HttpURLConnection}: HTTP/1.1 with the JDK's keep-alive
 * connection cache, the proxy a {@link ProxySelector} picks, and a whole-call deadline kept by one watchdog thread
 * that disconnects an exchange still running when its deadline passes. A blocking exchange costs a fraction of the
 * CPU of the JDK {@code HttpClient}'s (measured in {@code BENCHMARKS.md}: about 100 against 500 CPU µs for a
 * request of 100 products), which is why a client without a shared runtime uses it by default.
 *
 * <p>A request with a body ({@code POST}, {@code PUT}) that goes to the gateway without a proxy is exchanged by
 * {@link DirectHttp}, on connections of the transport's own: {@code HttpURLConnection} probes a kept-alive
 * connection for a streamed {@code POST} with a read that waits a millisecond, on every request, which was most of
 * a batch's time on a nearby gateway. Such a request is sent once, its reply read whole (a {@code 401} too), and
 * its connection kept only after a whole reply and checked before reuse without waiting.
 *
 * <p>Through a proxy, request bodies are streamed by {@code HttpURLConnection} with their length fixed, which keeps it
 * from sending a request again by itself when a reused connection fails (it does so for a buffered body): every
 * request the gateway receives is one the connector sent and counted. What {@code HttpURLConnection} cannot send
 * ({@code PATCH}) goes through a second transport made on first use, and so does a request refused with {@code 401}
 * or {@code 407} through a proxy: {@code HttpURLConnection} throws such a reply away when the body was streamed, so
 * the request is asked once more there to read the reply's headers and body (the gateway did nothing with a request
 * it refused). Connections go back to the JDK's cache only after the whole reply has been read.
 *
 * <p>Where it differs from the JDK {@code HttpClient} transport: on {@code HttpURLConnection} the whole-call deadline
 * is exact until the reply's body starts, and after that checked between reads, so a body that stalls can make a
 * call last up to twice its deadline (on the transport's own connections the deadline closes the connection, body or
 * not); a thread interrupted during the exchange is not woken (the deadline, or closing the transport, ends
 * the exchange); a connection that could not be opened in time fails with {@link HttpConnectTimeoutException},
 * as with the {@code HttpClient}. The process-wide settings of {@code HttpURLConnection} that could change what is
 * sent are set aside per connection: the {@link Authenticator} (none: the gateway's challenges are not answered
 * with another part of the application's credentials), and for HTTPS the socket factory and host name verifier
 * (the JDK's default TLS context and its own host name check). A process-wide {@code CookieHandler} still applies
 * to requests on {@code HttpURLConnection}, never to those on the transport's own connections.
 * Thread-safe.
 */
public final class UrlConnectionTransport implements HttpTransport {
    private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE");
    private static final AtomicInteger TRANSPORT_NUMBER = new AtomicInteger();
    /**
     * Consulted only when the JDK's own host name check fails: refuses, so that a lenient verifier set process-wide
     * by other code never covers the connector's calls.
     */
    private static final HostnameVerifier ONLY_THE_JDKS_OWN_CHECK = (host, session) -> false;
    /** Gives no credentials, so that a process-wide {@link Authenticator} never answers the gateway's challenges. */
    private static final Authenticator NO_CREDENTIALS = new Authenticator() {
    };
    private static final long STOP_WAIT_SECONDS = 5;
    private static final int BODY_CHUNK = 8192;

    private final Duration connectTimeout;
    private final ProxySelector proxy;
    private final Supplier<HttpTransport> otherMethods;
    private final DaemonThreads watchdogThread;
    private final ScheduledThreadPoolExecutor watchdog;
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<DirectHttp.Exchange> directInFlight = ConcurrentHashMap.newKeySet();
    private final DirectHttp direct = new DirectHttp(UrlConnectionTransport::defaultTls);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HttpTransport other;

    /**
     * Creates the transport.
     *
     * @param connectTimeout how long opening a connection may take
     * @param proxy          the proxy selector, or {@code null} for the system default
     * @param otherMethods   makes the transport for methods {@code HttpURLConnection} cannot send, on first use;
     *                       closed with this one
     */
    public UrlConnectionTransport(Duration connectTimeout, ProxySelector proxy,
            Supplier<HttpTransport> otherMethods) {
        this.connectTimeout = connectTimeout;
        this.proxy = proxy;
        this.otherMethods = otherMethods;
        this.watchdogThread = new DaemonThreads("commerce-connector-deadlines-" + TRANSPORT_NUMBER.incrementAndGet()
                + "-");
        this.watchdog = new ScheduledThreadPoolExecutor(1, watchdogThread);
        watchdog.setRemoveOnCancelPolicy(true);
    }

    @Override
    public TransportResponse send(TransportRequest request, Duration deadline) throws IOException {
        if (closed.get()) {
            throw new IOException("The HTTP transport is closed");
        }
        if (!METHODS.contains(request.method())) {
            return other().send(request, deadline);
        }
        Proxy chosen = proxyFor(request.uri());
        if (chosen.type() == Proxy.Type.DIRECT && DirectHttp.handles(request)) {
            return sendDirect(request, deadline);
        }
        Exchange exchange = new Exchange(open(request.uri(), chosen, deadline),
                System.nanoTime() + deadline.toNanos());
        inFlight.add(exchange);
        ScheduledFuture<?> alarm;
        try {
            alarm = watchdog.schedule(exchange::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            inFlight.remove(exchange);
            throw new IOException("The HTTP transport is closed", closedMeanwhile);
        }
        boolean completed = false;
        try {
            TransportResponse response = exchange.run(request);
            completed = true;
            if (response == null) {
                long left = exchange.deadlineAt - System.nanoTime();
                if (left <= 0) {
                    throw timeout(deadline, null);
                }
                return other().send(request, Duration.ofNanos(left));
            }
            return response;
        } catch (IOException | RuntimeException failed) {
            IOException explained = explained(failed, exchange.expired, exchange.deadlineAt, deadline);
            if (explained != null) {
                throw explained;
            }
            throw failed;
        } finally {
            alarm.cancel(false);
            inFlight.remove(exchange);
            if (!completed) {
                exchange.connection.disconnect();
            }
        }
    }

    /**
     * What explains an exchange's failure, or {@code null} when it is to be thrown as it is (a connect timeout
     * always is): a timeout once the deadline passed (or its watchdog ended the exchange), a failure that says so
     * when the transport was closed.
     */
    private IOException explained(Exception failed, boolean expired, long deadlineAt, Duration deadline) {
        if (failed instanceof HttpConnectTimeoutException) {
            return null;
        }
        if (expired || deadlineAt - System.nanoTime() <= 0) {
            return timeout(deadline, failed);
        }
        if (closed.get()) {
            return new IOException("The HTTP transport was closed during the exchange", failed);
        }
        return null;
    }

    private static HttpTimeoutException timeout(Duration deadline, Throwable cause) {
        HttpTimeoutException late = TransportRules.late(deadline);
        if (cause != null) {
            late.initCause(cause);
        }
        return late;
    }

    /**
     * A request with a body sent straight to the gateway ({@link DirectHttp}): the same deadline, watchdog and
     * failures as an exchange on {@code HttpURLConnection}.
     */
    private TransportResponse sendDirect(TransportRequest request, Duration deadline) throws IOException {
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        DirectHttp.Exchange exchange = direct.exchange(request, connectMillis(deadline), deadlineAt, closed::get);
        AtomicBoolean expired = new AtomicBoolean();
        directInFlight.add(exchange);
        ScheduledFuture<?> alarm;
        try {
            alarm = watchdog.schedule(() -> {
                expired.set(true);
                exchange.abort();
            }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            directInFlight.remove(exchange);
            throw new IOException("The HTTP transport is closed", closedMeanwhile);
        }
        try {
            return exchange.run();
        } catch (IOException | RuntimeException failed) {
            IOException explained = explained(failed, expired.get(), deadlineAt, deadline);
            if (explained != null) {
                throw explained;
            }
            throw failed;
        } finally {
            alarm.cancel(false);
            directInFlight.remove(exchange);
            exchange.release();
        }
    }

    private Proxy proxyFor(URI uri) {
        ProxySelector selector = proxy != null ? proxy : ProxySelector.getDefault();
        List<Proxy> proxies = selector == null ? List.of() : selector.select(uri);
        return proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
    }

    private int connectMillis(Duration deadline) {
        return millis(connectTimeout.compareTo(deadline) < 0 ? connectTimeout : deadline);
    }

    private HttpURLConnection open(URI uri, Proxy chosen, Duration deadline) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(chosen);
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(defaultTls());
            https.setHostnameVerifier(ONLY_THE_JDKS_OWN_CHECK);
        }
        connection.setAuthenticator(NO_CREDENTIALS);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(connectMillis(deadline));
        connection.setReadTimeout(millis(deadline));
        return connection;
    }

    /**
     * One request on one connection. Until the reply's body starts, the watchdog or {@link #close} may end it by
     * disconnecting (which closes the socket); once the body is being read, disconnecting would wait for the read
     * in progress ({@code HttpURLConnection}'s reply streams hold their lock while reading), so the reading loop
     * itself stops at the deadline, or at close, between two reads. A read that receives nothing at all ends at
     * the socket's read timeout, which is the deadline's length: a body that stops arriving just before the
     * deadline can make the call last up to twice its deadline.
     */
    private final class Exchange {
        private final HttpURLConnection connection;
        private final long deadlineAt;
        private volatile boolean readingBody;
        private volatile boolean expired;

        Exchange(HttpURLConnection connection, long deadlineAt) {
            this.connection = connection;
            this.deadlineAt = deadlineAt;
        }

        /** The deadline passed: ends the exchange if it is still waiting for the reply's headers. */
        void expire() {
            expired = true;
            abortIfWaiting();
        }

        void abortIfWaiting() {
            if (!readingBody) {
                connection.disconnect();
            }
        }

        /**
         * Sends the request and reads the whole reply; {@code null} when {@code HttpURLConnection} threw the reply
         * away (a {@code 401} or {@code 407} to a streamed body).
         */
        TransportResponse run(TransportRequest request) throws IOException {
            connection.setRequestMethod(request.method());
            for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
                if (TransportRules.passesOn(header.getKey())) {
                    for (String value : header.getValue()) {
                        connection.addRequestProperty(header.getKey(), value);
                    }
                }
            }
            boolean streamed = request.body().length > 0 || DirectHttp.WITH_BODY.contains(request.method());
            if (streamed) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(request.body().length);
            }
            try {
                connection.connect();
            } catch (SocketTimeoutException slowToConnect) {
                HttpConnectTimeoutException notConnected = new HttpConnectTimeoutException("No connection to "
                        + request.uri().getHost() + " within " + connection.getConnectTimeout() + " ms");
                notConnected.initCause(slowToConnect);
                throw notConnected;
            }
            if (streamed) {
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(request.body());
                }
            }
            int status;
            try {
                status = connection.getResponseCode();
            } catch (HttpRetryException authenticationAsked) {
                return null;
            }
            if (streamed && (status == HttpURLConnection.HTTP_UNAUTHORIZED
                    || status == HttpURLConnection.HTTP_PROXY_AUTH)) {
                return null;
            }
            if (status < 0) {
                throw new IOException("The reply is not HTTP: no status line");
            }
            readingBody = true;
            byte[] body;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                body = in == null ? new byte[0] : readBefore(in);
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
                if (header.getKey() != null) {
                    headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).addAll(header.getValue());
                }
            }
            return new TransportResponse(status, headers, TransportRules.decode(body, connection.getContentEncoding()));
        }

        /** Reads the body to its end, checking the deadline and the transport's closing after every read. */
        private byte[] readBefore(InputStream in) throws IOException {
            byte[] body = new byte[BODY_CHUNK];
            int length = 0;
            for (int read; (read = in.read(body, length, body.length - length)) >= 0;) {
                if (System.nanoTime() - deadlineAt >= 0) {
                    throw new IOException("The deadline passed while the body was arriving");
                }
                if (closed.get()) {
                    throw new IOException("The transport was closed while the body was arriving");
                }
                length += read;
                if (length == body.length) {
                    body = Arrays.copyOf(body, body.length * 2);
                }
            }
            return Arrays.copyOf(body, length);
        }
    }

    /**
     * The JDK's default TLS context ({@code SSLContext.getDefault()}, as the JDK {@code HttpClient} uses), not
     * {@code HttpsURLConnection}'s process-wide default socket factory, which other code may have replaced.
     */
    private static SSLSocketFactory defaultTls() throws IOException {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("This JVM has no default TLS context", e);
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }


    private HttpTransport other() throws IOException {
        HttpTransport made = other;
        if (made == null) {
            synchronized (this) {
                if (closed.get()) {
                    throw new IOException("The HTTP transport is closed");
                }
                made = other;
                if (made == null) {
                    made = otherMethods.get();
                    other = made;
                }
            }
        }
        return made;
    }

    /**
     * Ends the exchanges still running (their callers get an {@link IOException}), stops the watchdog thread and
     * waits briefly for it to end, and closes the transport for other methods if one was made. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        inFlight.forEach(Exchange::abortIfWaiting);
        directInFlight.forEach(DirectHttp.Exchange::abort);
        direct.close();
        watchdogThread.stop(watchdog, STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        HttpTransport made;
        synchronized (this) {
            made = other;
        }
        if (made != null) {
            made.close();
        }
    }
}
