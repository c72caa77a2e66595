package io.github.commerceconnector.examples.archfixture.testkit;

import io.github.commerceconnector.examples.archfixture.core.internal.Hidden;

/** Breaks the testkit rule on purpose: testkit using core (and core's internals). */
public final class UsesCore {

    /** Uses core. */
    public Object misuse() {
        return new Hidden();
    }
}
