package io.github.commerceconnector.jdbc.internal;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore.ListenerRegistration;
import io.github.commerceconnector.api.credentials.CredentialsListener;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of a credential store, told in registration order; one that throws is logged (never with key
 * material) and does not stop the others. Thread-safe.
 */
public final class CredentialListeners {
    private static final System.Logger LOG = System.getLogger(CredentialListeners.class.getName());

    private final CopyOnWriteArrayList<Registered> registered = new CopyOnWriteArrayList<>();

    /** Registers a listener; closing the registration removes exactly it. */
    public ListenerRegistration add(CredentialsListener listener) {
        Registered entry = new Registered(Objects.requireNonNull(listener, "listener"));
        registered.add(entry);
        return () -> registered.remove(entry);
    }

    /** Tells every listener that an environment's keys changed. */
    public void changed(Environment environment, Optional<ServiceCredentials> current) {
        for (Registered entry : registered) {
            try {
                entry.listener.credentialsChanged(environment, current);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A credentials listener ({0}) failed on the change of the {1} keys with {2}; "
                        + "the change stands", entry.listener.getClass().getName(), environment.wireName(),
                        e.getClass().getName());
            }
        }
    }

    /** One registration, removed by identity. */
    private static final class Registered {
        private final CredentialsListener listener;

        Registered(CredentialsListener listener) {
            this.listener = listener;
        }
    }
}
