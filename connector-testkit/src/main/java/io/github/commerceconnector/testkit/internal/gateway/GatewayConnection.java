package io.github.commerceconnector.testkit.internal.gateway;

import io.github.commerceconnector.testkit.NetworkFault;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Serves the requests of one connection in turn and carries out what the dispatcher decided: write a
 * reply (at once or dribbled), reset, close without a reply, write garbage, or hang.
 */
final class GatewayConnection {
    private static final byte[] GARBAGE = "\u0000\u0001\u0002 this is not HTTP \uFFFD\r\n\r\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] MALFORMED_CHUNK = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nnot-a-chunk-size\r\n{\"results\":[]}\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int HANG_POLL_MILLIS = 50;

    private final Socket socket;
    private final GatewayDispatcher dispatcher;
    private final GatewaySettings settings;
    private final CountDownLatch serverClosed;

    GatewayConnection(Socket socket, GatewayDispatcher dispatcher, GatewaySettings settings,
            CountDownLatch serverClosed) {
        this.socket = socket;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.serverClosed = serverClosed;
    }

    void serve() throws IOException {
        socket.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        while (serverClosed.getCount() > 0) {
            WireRequest request;
            try {
                request = HttpCodec.read(in, out, settings.maxBodyBytes());
            } catch (MalformedRequestException malformed) {
                WireReply.json(malformed.status(), "malformed-request", RegistryJson.error(malformed.status(),
                        malformed.getMessage(), "malformed-request")).writeTo(out, true);
                return;
            }
            if (request == null) {
                return;
            }
            if (!dispatcher.serve(request, action -> (settings.latency().isZero() || delay(settings.latency()))
                    && carryOut(action, request.keepAlive(), in, out))) {
                return;
            }
        }
    }

    /** Does what the dispatcher decided; returns whether the connection stays open. */
    /** Waits out the added latency; false if the server is closing meanwhile. */
    private boolean delay(Duration latency) {
        try {
            return !serverClosed.await(latency.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean carryOut(GatewayAction action, boolean keepAlive, InputStream in, OutputStream out)
            throws IOException {
        if (action instanceof GatewayAction.Reply) {
            GatewayAction.Reply reply = (GatewayAction.Reply) action;
            if (reply.dribble() == null) {
                reply.reply().writeTo(out, !keepAlive);
            } else {
                dribble(reply.reply(), reply.dribble(), out);
                return false;
            }
            return keepAlive;
        }
        if (action instanceof GatewayAction.Hang) {
            hang(((GatewayAction.Hang) action).duration(), in);
            return false;
        }
        NetworkFault fault = ((GatewayAction.Fail) action).fault();
        switch (fault) {
            case CONNECTION_RESET:
            case RESET_AFTER_APPLYING:
                socket.setSoLinger(true, 0);
                socket.close();
                return false;
            case GARBAGE_THEN_CLOSE:
                out.write(GARBAGE);
                out.flush();
                socket.close();
                return false;
            case MALFORMED_CHUNK:
                out.write(MALFORMED_CHUNK);
                out.flush();
                socket.close();
                return false;
            default:
                socket.close();
                return false;
        }
    }

    /** Writes the head at once, then the body a byte at a time spread over {@code duration}. */
    private void dribble(WireReply reply, Duration duration, OutputStream out) throws IOException {
        out.write(reply.head(true));
        out.flush();
        byte[] body = reply.body();
        long pauseNanos = body.length == 0 ? 0 : duration.toNanos() / body.length;
        for (byte b : body) {
            if (pause(pauseNanos)) {
                return;
            }
            out.write(b);
            out.flush();
        }
    }

    /** Answers nothing until {@code duration} passes, the peer closes, or the server closes. */
    private void hang(Duration duration, InputStream in) throws IOException {
        long deadline = System.nanoTime() + duration.toNanos();
        socket.setSoTimeout(HANG_POLL_MILLIS);
        while (serverClosed.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                if (in.read() < 0) {
                    return;
                }
            } catch (SocketTimeoutException stillThere) {
                continue;
            }
        }
    }

    /** Waits, or returns {@code true} at once when the server closes meanwhile. */
    private boolean pause(long nanos) {
        try {
            return serverClosed.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
