package io.github.commerceconnector.core.internal.registry;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.CredentialsListener;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.AuthenticationException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.core.internal.http.GatewayCall;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
import java.util.Optional;

/**
 * The user's {@link CredentialStore} as seen through a connected client: {@link #validate} asks the gateway
 * ({@code GET merchant-registry/v1/ping}, {@code 200} = the keys work); everything else is delegated. Only the
 * client's own environment can be checked on the gateway; for the other one the wrapped store's local check
 * answers.
 */
public final class KeyCheckingCredentialStore implements CredentialStore {
    private final CredentialStore delegate;
    private final Environment environment;
    private final GatewayCaller caller;

    /**
     * Wraps a store.
     *
     * @param delegate    the user's store
     * @param environment the environment the client signs for
     * @param caller      sends the key check
     */
    public KeyCheckingCredentialStore(CredentialStore delegate, Environment environment, GatewayCaller caller) {
        this.delegate = delegate;
        this.environment = environment;
        this.caller = caller;
    }

    /**
     * Checks the environment's keys on the gateway.
     *
     * @return valid and gateway-confirmed on {@code 200}; not valid when the gateway refuses the keys (confirmed)
     *     or the key material cannot be read (not confirmed: nothing was sent)
     * @throws io.github.commerceconnector.api.exception.CredentialsNotFoundException if no keys are stored
     * @throws io.github.commerceconnector.api.exception.ConnectorException if the gateway cannot answer (I/O,
     *     server error): the keys are then neither confirmed nor refused
     */
    @Override
    public KeyCheck validate(Environment requested) {
        if (requested != environment) {
            return delegate.validate(requested);
        }
        ServiceCredentials credentials = delegate.require(requested);
        String which = "the " + requested.wireName() + " keys (API key " + credentials.apiKey() + ")";
        try {
            caller.call(GatewayCall.get(RegistryPaths.PING));
        } catch (AuthenticationException refused) {
            return new KeyCheck(requested, false, true, "The gateway refused " + which + ": check the environment's "
                    + "API key and private key; they must be the pair shown together on the Commerce Services "
                    + "Connector page." + refused.requestId().map(id -> " Request id " + id + ".").orElse(""));
        } catch (InvalidKeyException unreadable) {
            return new KeyCheck(requested, false, false, "The private key of " + which + " cannot be used, so "
                    + "nothing was sent to the gateway: " + unreadable.getMessage());
        }
        return new KeyCheck(requested, true, true, "The gateway accepted " + which + ".");
    }

    @Override
    public Optional<ServiceCredentials> find(Environment requested) {
        return delegate.find(requested);
    }

    @Override
    public ServiceCredentials require(Environment requested) {
        return delegate.require(requested);
    }

    @Override
    public void put(ServiceCredentials credentials) {
        delegate.put(credentials);
    }

    @Override
    public boolean remove(Environment requested) {
        return delegate.remove(requested);
    }

    @Override
    public ListenerRegistration addListener(CredentialsListener listener) {
        return delegate.addListener(listener);
    }

    /** Names the wrapped store. */
    @Override
    public String toString() {
        return "KeyCheckingCredentialStore[" + environment.wireName() + ", " + delegate + "]";
    }
}
