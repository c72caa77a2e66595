package io.github.commerceconnector.core.internal.credentials;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore.ListenerRegistration;
import io.github.commerceconnector.api.credentials.CredentialsListener;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one store. A listener that throws is logged and does not stop the others or the
 * change that was made. Thread-safe.
 */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();

    /**
     * Registers a listener; the same listener may be registered twice and is then called twice.
     *
     * @return a registration that removes exactly this registration when closed
     */
    public ListenerRegistration add(CredentialsListener listener) {
        Entry entry = new Entry(Objects.requireNonNull(listener, "listener"));
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    /** Tells every listener, in registration order, that an environment's keys changed. */
    public void changed(Environment environment, Optional<ServiceCredentials> current) {
        for (Entry entry : entries) {
            try {
                entry.listener.credentialsChanged(environment, current);
            } catch (RuntimeException e) {
                LOG.warn("A credentials listener ({}) failed on the change of the {} keys with {}; the change stands",
                        entry.listener.getClass().getName(), environment.wireName(), e.getClass().getName());
            }
        }
    }

    /** Wraps a listener so that each registration is removed by identity. */
    private static final class Entry {
        private final CredentialsListener listener;

        Entry(CredentialsListener listener) {
            this.listener = listener;
        }
    }
}
