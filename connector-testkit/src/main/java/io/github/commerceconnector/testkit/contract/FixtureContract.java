package io.github.commerceconnector.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of the registry contract suites: opens {@link ContractFixture}s through the implementation's
 * {@link #openFixture} and closes them after each test.
 */
public abstract class FixtureContract {
    private final List<ContractFixture> opened = new ArrayList<>();

    /**
     * Opens a fixture: the implementation under test, connected to a fresh, empty account of the spec's
     * edition, configured with the spec's installation (and production override).
     */
    protected abstract ContractFixture openFixture(FixtureSpec spec);

    /** Opens a fixture that is closed after the test. */
    protected final ContractFixture fixture(FixtureSpec spec) {
        ContractFixture fixture = openFixture(spec);
        opened.add(fixture);
        return fixture;
    }

    /** Closes every fixture the test opened. */
    @AfterEach
    public final void closeFixtures() {
        for (ContractFixture fixture : opened) {
            fixture.close();
        }
        opened.clear();
    }
}
