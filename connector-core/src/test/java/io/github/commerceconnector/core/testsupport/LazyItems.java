package io.github.commerceconnector.core.testsupport;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/** Catalogs made as they are read, so that a large one is never held in memory as a whole. */
public final class LazyItems {

    private LazyItems() {
    }

    /** {@code count} items, item {@code n} made by {@code item} when the iteration reaches it. */
    public static <T> Iterable<T> of(int count, IntFunction<? extends T> item) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public T next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return item.apply(next++);
            }
        };
    }
}
