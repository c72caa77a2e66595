package io.github.commerceconnector.examples.archfixture.jdbc;

import io.github.commerceconnector.examples.archfixture.core.Implementation;

/** Breaks the jdbc rule on purpose: a JDBC store using core. */
public final class StoreUsingCore {

    /** Uses core. */
    public Object misuse() {
        return new Implementation();
    }
}
