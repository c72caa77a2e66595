package io.github.commerceconnector.testkit.internal.fake;

import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.registry.DataSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-space guard of DESIGN.md: a {@link Installation#NON_PRODUCTION} installation cannot select,
 * sync to or clean up a production data space, unless an explicit override with a reason was given,
 * in which case every use is logged at WARN.
 */
public final class DataSpaceGuard {
    private static final Logger LOG = LoggerFactory.getLogger(DataSpaceGuard.class);

    private final Installation installation;
    private final String overrideReason;

    /**
     * Creates the guard.
     *
     * @param installation   the installation kind
     * @param overrideReason why production data spaces are allowed anyway, or {@code null} for no override
     */
    public DataSpaceGuard(Installation installation, String overrideReason) {
        this.installation = installation;
        this.overrideReason = overrideReason;
    }

    /**
     * Checks that this installation may {@code action} the data space.
     *
     * @param action what is about to happen, e.g. {@code select}, {@code clean up}, {@code sync to}
     * @throws DataSpaceGuardException if a non-production installation targets a production data space
     *     without the override
     */
    public void check(DataSpace dataSpace, String action) {
        if (installation != Installation.NON_PRODUCTION || !dataSpace.isProduction()) {
            return;
        }
        if (overrideReason != null) {
            LOG.warn("Data-space guard overridden: a non-production installation may {} the production data space "
                    + "{} ({}) because: {}", action, dataSpace.name(), dataSpace.id(), overrideReason);
            return;
        }
        throw new DataSpaceGuardException(dataSpace.id(), "A non-production installation may not " + action
                + " the production data space '" + dataSpace.name() + "' (" + dataSpace.id() + "): test data sent "
                + "there overwrites the live catalog. Select a testing data space instead, or, in the rare "
                + "legitimate case, allow it explicitly with allowProductionDataSpace(reason).");
    }

    /** Logs the warning for a production installation selecting a testing data space. */
    public void noteSelection(DataSpace dataSpace) {
        if (installation == Installation.PRODUCTION && !dataSpace.isProduction()) {
            LOG.warn("A production installation selected the testing data space {} ({}): the live storefront's "
                    + "services will read test data until the production data space is selected again.",
                    dataSpace.name(), dataSpace.id());
        }
    }
}
