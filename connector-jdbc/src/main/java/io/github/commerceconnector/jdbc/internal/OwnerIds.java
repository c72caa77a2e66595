package io.github.commerceconnector.jdbc.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The default worker id written in lease rows: host name, process id and a random part, e.g.
 * {@code worker-7f9c/1/a3f09c2e}. The random part keeps ids apart where process ids repeat (every container's
 * main process is 1).
 */
public final class OwnerIds {
    private static final String PROCESS = generate();

    private OwnerIds() {
    }

    /** The id of this process, the same for every store of it. */
    public static String ofThisProcess() {
        return PROCESS;
    }

    private static String generate() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = "host";
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    }
}
