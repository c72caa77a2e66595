package io.github.commerceconnector.testkit.internal.fake;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.internal.account.AccountState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Everything the in-memory clients of one {@code FakeCommerceServices} share: the account, the
 * client-side settings (environment, installation, guard), the saved selection, the injected
 * failures, the call log and the clock. A fake catalog sync client is built from the same runtime.
 */
public final class FakeRuntime {
    private final Environment environment;
    private final Installation installation;
    private final AccountState account;
    private final TestClock clock;
    private final FaultRules faults;
    private final CallLog calls;
    private final CallGate gate;
    private final DataSpaceGuard guard;
    private final AtomicReference<SaasIdentity> selection = new AtomicReference<>();
    private final List<Consumer<String>> cleanupListeners = new CopyOnWriteArrayList<>();

    /**
     * Creates a runtime.
     *
     * @param environment    the environment the fake signs for
     * @param installation   the installation kind (the data-space guard)
     * @param account        the account state
     * @param clock          the account's clock
     * @param overrideReason the production data-space override reason, or {@code null}
     */
    public FakeRuntime(Environment environment, Installation installation, AccountState account, TestClock clock,
            String overrideReason) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.installation = Objects.requireNonNull(installation, "installation");
        this.account = Objects.requireNonNull(account, "account");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.faults = new FaultRules();
        this.calls = new CallLog();
        this.gate = new CallGate(calls, faults, clock);
        this.guard = new DataSpaceGuard(installation, overrideReason);
    }

    /** The environment. */
    public Environment environment() {
        return environment;
    }

    /** The installation kind. */
    public Installation installation() {
        return installation;
    }

    /** The account state. */
    public AccountState account() {
        return account;
    }

    /** The clock. */
    public TestClock clock() {
        return clock;
    }

    /** The injected failures. */
    public FaultRules faults() {
        return faults;
    }

    /** The call log. */
    public CallLog calls() {
        return calls;
    }

    /** The gate in-memory clients call through. */
    public CallGate gate() {
        return gate;
    }

    /** The data-space guard. */
    public DataSpaceGuard guard() {
        return guard;
    }

    /** The saved selection, if any. */
    public Optional<SaasIdentity> selection() {
        return Optional.ofNullable(selection.get());
    }

    /** Saves or clears ({@code null}) the selection. */
    public void setSelection(SaasIdentity identity) {
        selection.set(identity);
    }

    /**
     * Registers a listener told of every data space cleaned up through the in-memory clients (after the
     * account erased it), so client-side state for it (the catalog sync state) can be dropped too.
     */
    public void addCleanupListener(Consumer<String> listener) {
        cleanupListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Tells the cleanup listeners that a data space was erased. */
    public void cleanedUp(String dataSpaceId) {
        cleanupListeners.forEach(listener -> listener.accept(dataSpaceId));
    }

    /** Forgets the account's contents, the selection, the injected failures and the call log. */
    public void reset() {
        account.reset();
        selection.set(null);
        faults.clear();
        calls.clear();
    }
}
