package io.github.commerceconnector.testkit.internal.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake gateway's socket server: one acceptor thread and one daemon thread per open connection,
 * each serving HTTP/1.1 requests (keep-alive) through a {@link GatewayConnection}. {@link #close()}
 * closes the listening socket and every open connection and waits for the threads to end.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final ServerSocket serverSocket;
    private final GatewayDispatcher dispatcher;
    private final GatewaySettings settings;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);

    private GatewayServer(ServerSocket serverSocket, GatewayDispatcher dispatcher, GatewaySettings settings) {
        this.serverSocket = serverSocket;
        this.dispatcher = dispatcher;
        this.settings = settings;
        String prefix = "fake-gateway-" + serverSocket.getLocalPort();
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, prefix + "-conn-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, prefix + "-acceptor");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds and starts serving.
     *
     * @param address the address to bind, normally the loopback address
     * @param port    the port, or {@code 0} for a free one
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static GatewayServer start(InetAddress address, int port, GatewayDispatcher dispatcher,
            GatewaySettings settings) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 256);
        } catch (IOException bindFailed) {
            closeQuietly(socket);
            throw new UncheckedIOException("The fake gateway cannot listen on " + address.getHostAddress() + ":" + port
                    + ": " + bindFailed.getMessage() + ". Use port 0 for a free port.", bindFailed);
        }
        GatewayServer server = new GatewayServer(socket, dispatcher, settings);
        server.acceptor.start();
        return server;
    }

    /** The bound port. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The bound address. */
    public InetAddress address() {
        return serverSocket.getInetAddress();
    }

    /** Whether it still serves. */
    public boolean isRunning() {
        return closed.getCount() > 0;
    }

    /** Stops serving, closes every connection and waits (up to 5 s) for the threads to end. Idempotent. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        closeQuietly(serverSocket);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        workers.shutdownNow();
        try {
            acceptor.join(STOP_WAIT_MILLIS);
            if (!workers.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("Fake gateway connection threads did not stop within {} ms", STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (isRunning()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException acceptFailed) {
                if (isRunning()) {
                    LOG.warn("Fake gateway stopped accepting connections: {}", acceptFailed.getMessage());
                }
                return;
            }
            open.add(socket);
            if (!isRunning()) {
                closeQuietly(socket);
                return;
            }
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException closing) {
                closeQuietly(socket);
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            new GatewayConnection(socket, dispatcher, settings, closed).serve();
        } catch (SocketException closedUnderneath) {
            LOG.trace("Fake gateway connection closed: {}", closedUnderneath.getMessage());
        } catch (IOException | RuntimeException failed) {
            if (isRunning()) {
                LOG.debug("Fake gateway connection failed", failed);
            }
        } finally {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception alreadyBroken) {
            LOG.trace("Closing {} failed: {}", closeable.getClass().getSimpleName(), alreadyBroken.getMessage());
        }
    }
}
