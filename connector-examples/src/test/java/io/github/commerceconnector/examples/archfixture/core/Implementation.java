package io.github.commerceconnector.examples.archfixture.core;

import io.github.commerceconnector.examples.archfixture.testkit.internal.FakeDetail;

/** Breaks the internal rule on purpose: core using testkit's internal package. */
public final class Implementation {

    /** Uses another module's internal class. */
    public Object misuse() {
        return new FakeDetail();
    }
}
