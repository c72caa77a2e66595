package io.github.commerceconnector.examples.archfixture.core.internal;

/** An internal class of the fixture's core module. */
public final class Hidden {
}
