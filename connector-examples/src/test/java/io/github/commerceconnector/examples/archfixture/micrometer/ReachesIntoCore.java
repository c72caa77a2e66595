package io.github.commerceconnector.examples.archfixture.micrometer;

import io.github.commerceconnector.examples.archfixture.core.Implementation;

/** Breaks "micrometer uses only the api": a micrometer class that uses core. */
public final class ReachesIntoCore {
    /** The core class it must not use. */
    public final Class<?> implementation = Implementation.class;
}
