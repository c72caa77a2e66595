package io.github.commerceconnector.examples.archfixture.testkit.internal;

/** An internal class of the fixture's testkit module. */
public final class FakeDetail {
}
