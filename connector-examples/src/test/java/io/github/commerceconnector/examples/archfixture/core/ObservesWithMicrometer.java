package io.github.commerceconnector.examples.archfixture.core;

import io.micrometer.observation.ObservationRegistry;

/** Breaks "core knows no framework": a core class that uses Micrometer. */
public final class ObservesWithMicrometer {
    /** The registry core must not know. */
    public final ObservationRegistry registry = ObservationRegistry.NOOP;
}
