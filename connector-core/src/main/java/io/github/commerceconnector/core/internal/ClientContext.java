package io.github.commerceconnector.core.internal;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.spi.Sleeper;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.internal.guard.DataSpaceGuard;
import io.github.commerceconnector.core.internal.http.GatewayCaller;
import io.github.commerceconnector.core.internal.registry.HttpDataSpaceClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What one built client shares with the parts built on top of it (catalog sync): the caller that sends,
 * signs and retries, the data-space guard, the data-space client whose selection and listeners tell where to
 * write, the state directory, and the injected time.
 *
 * @param environment    the environment the client signs for
 * @param installation   this installation's kind
 * @param edition        the store's edition
 * @param caller         the one way to the gateway
 * @param guard          the data-space guard
 * @param dataSpaces     the selection and its change listeners ({@code addListener})
 * @param stateDirectory where state files go; empty to keep state in memory
 * @param retry          the retry settings, for callers that pace themselves
 * @param clock          the injected clock
 * @param sleeper        the injected sleeper
 * @param observer       told of requests, catalog calls and the live state, for metrics and traces
 */
public record ClientContext(Environment environment, Installation installation, Edition edition,
        GatewayCaller caller, DataSpaceGuard guard, HttpDataSpaceClient dataSpaces, Optional<Path> stateDirectory,
        RetrySettings retry, Clock clock, Sleeper sleeper, ConnectorObserver observer) {

    /** Checks presence. */
    public ClientContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(dataSpaces, "dataSpaces");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(observer, "observer");
    }
}
