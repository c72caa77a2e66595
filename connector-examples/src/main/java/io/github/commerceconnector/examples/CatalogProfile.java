package io.github.commerceconnector.examples;

import java.util.Locale;

/** The shapes of product that {@link CatalogGenerator} makes. */
public enum CatalogProfile {
    /**
     * What a real store sends: one product in ten a configurable with color and size options and six variants
     * (simple children), the rest simple; each with its URL and URL rewrites, stock, a few images, attributes
     * and categories, some with related products, videos or custom options.
     */
    REALISTIC,
    /**
     * Small simple products of about 1.6 KB of JSON (name, descriptions, four attributes, two categories, two
     * images, stock): the catalog the benchmarks used before the items carried the exporter's whole schema.
     */
    SMALL;

    /** The profile of a name ({@code realistic} or {@code small}, any case). */
    public static CatalogProfile of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new IllegalArgumentException("Unknown catalog profile '" + name + "': use realistic or small",
                    unknown);
        }
    }

    /** Its name in lower case, as {@link #of} reads it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
