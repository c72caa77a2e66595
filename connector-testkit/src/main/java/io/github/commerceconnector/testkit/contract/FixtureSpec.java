package io.github.commerceconnector.testkit.contract;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Installation;
import java.util.Objects;
import java.util.Optional;

/**
 * What account and client a contract test asks its {@link ContractFixture} for.
 *
 * @param edition                  the account's edition (decides a new project's data spaces)
 * @param installation             the client's installation kind (the data-space guard)
 * @param productionOverrideReason when not {@code null}, the client is built with
 *                                 {@code allowProductionDataSpace(reason)}
 */
public record FixtureSpec(Edition edition, Installation installation, String productionOverrideReason) {

    /** Checks the required fields. */
    public FixtureSpec {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(installation, "installation");
    }

    /** A spec without the production override. */
    public static FixtureSpec of(Edition edition, Installation installation) {
        return new FixtureSpec(edition, installation, null);
    }

    /** A copy whose client may use production data spaces for this reason. */
    public FixtureSpec withProductionOverride(String reason) {
        return new FixtureSpec(edition, installation, reason);
    }

    /** The production override reason, if any. */
    public Optional<String> productionOverride() {
        return Optional.ofNullable(productionOverrideReason);
    }
}
