/**
 * Contract suites: abstract JUnit 5 classes encoding PROTOCOL.md's and DESIGN.md's behaviour, which
 * every implementation of {@code CredentialStore}, {@code SaasProjectClient}, {@code DataSpaceClient}
 * and {@code CatalogSyncClient} must pass. Extend one and supply the implementation under test (for the
 * registry and catalog suites, a {@link io.github.commerceconnector.testkit.contract.ContractFixture}).
 */
package io.github.commerceconnector.testkit.contract;
