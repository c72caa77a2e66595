package io.github.commerceconnector.examples.archfixture.api;

import io.github.commerceconnector.examples.archfixture.core.Implementation;
import org.junit.jupiter.api.Assertions;

/** Breaks the api rule on purpose: an api class using a third-party library and the implementation. */
public final class LeakyValue {

    private LeakyValue() {
    }

    /** Uses what api must not use. */
    public static Object misuse() {
        Assertions.assertTrue(true);
        return new Implementation();
    }
}
