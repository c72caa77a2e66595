package io.github.commerceconnector.core.internal.guard;

import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.registry.DataSpaceType;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-space guard: a {@link Installation#NON_PRODUCTION} installation may not select, sync to or clean
 * up a {@link DataSpaceType#PRODUCTION} data space, because test data sent there overwrites the live catalog.
 * Callers ask {@link #permit} before any request that writes. The builder's explicit override lets such an
 * installation through, logging a WARN with the given reason every time; a production installation that
 * selects a testing data space is let through with a WARN.
 */
public final class DataSpaceGuard {
    private static final Logger LOG = LoggerFactory.getLogger(DataSpaceGuard.class);

    private final Installation installation;
    private final String overrideReason;

    /**
     * Creates the guard.
     *
     * @param installation   this installation's kind
     * @param overrideReason why production data spaces are allowed for a non-production installation, or
     *                       {@code null} for no override
     */
    public DataSpaceGuard(Installation installation, String overrideReason) {
        this.installation = Objects.requireNonNull(installation, "installation");
        this.overrideReason = overrideReason;
    }

    /** What is about to be done to a data space. */
    public enum Action {
        /** Select it as the data space this installation writes to. */
        SELECT("select"),
        /** Send catalog data to it. */
        SYNC("sync catalog data to"),
        /** Erase everything synced into it. */
        CLEANUP("clean up");

        private final String verb;

        Action(String verb) {
            this.verb = verb;
        }

        /** The action as words, e.g. {@code clean up}. */
        public String verb() {
            return verb;
        }
    }

    /**
     * Lets the action through or refuses it.
     *
     * @param action      what is about to be done
     * @param dataSpaceId the data space
     * @param type        its type
     * @throws DataSpaceGuardException if a non-production installation targets a production data space
     *     without the override
     */
    public void permit(Action action, String dataSpaceId, DataSpaceType type) {
        if (type == DataSpaceType.PRODUCTION && installation == Installation.NON_PRODUCTION) {
            if (overrideReason == null) {
                throw new DataSpaceGuardException(dataSpaceId, "This non-production installation may not "
                        + action.verb() + " the production data space " + dataSpaceId + ": test data sent there "
                        + "overwrites the live catalog. Use a testing data space of the project instead, or, only "
                        + "if this really must write to production, build the client with "
                        + "allowProductionDataSpace(\"<why>\").");
            }
            LOG.warn("Allowing this non-production installation to {} the production data space {} (override: {})",
                    action.verb(), dataSpaceId, overrideReason);
        } else if (action == Action.SELECT && type == DataSpaceType.TESTING
                && installation == Installation.PRODUCTION) {
            LOG.warn("The production installation selects the testing data space {}: the live storefront's "
                    + "services will not see this catalog", dataSpaceId);
        }
    }

    /** The installation kind this guard protects. */
    public Installation installation() {
        return installation;
    }
}
