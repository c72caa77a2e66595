package io.github.commerceconnector.examples;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * What the product at an index is. In the realistic profile products come in groups of ten: a configurable
 * product (offset 0) with two colors and three sizes, its six variants (offsets 1 to 6, simple products not
 * visible on their own), and three simple products (offsets 7 to 9). In the small profile every product is simple.
 */
final class CatalogShape {
    /** Products per group. */
    static final int GROUP = 10;
    /** Colors of a configurable product. */
    static final int COLORS = 2;
    /** Sizes of a configurable product. */
    static final int SIZES = 3;
    /** The attribute id of color. */
    static final int COLOR_ATTRIBUTE = 93;
    /** The attribute id of size. */
    static final int SIZE_ATTRIBUTE = 144;

    /** The kinds of product. */
    enum Role {
        /** A configurable product: options, variants, no stock of its own. */
        CONFIGURABLE,
        /** A variant of the configurable product at the start of its group. */
        CHILD,
        /** A simple product, visible on its own. */
        SIMPLE
    }

    private CatalogShape() {
    }

    static Role role(CatalogProfile profile, int index) {
        if (profile == CatalogProfile.SMALL) {
            return Role.SIMPLE;
        }
        int offset = index % GROUP;
        return offset == 0 ? Role.CONFIGURABLE : offset <= COLORS * SIZES ? Role.CHILD : Role.SIMPLE;
    }

    /** The index of a child's configurable product. */
    static int parent(int index) {
        return index - index % GROUP;
    }

    /** The color (index into {@link CatalogText#COLORS}) of a configurable product's n-th color. */
    static int color(int parent, int n) {
        return (new SplittableRandom(parent * 31L + 7).nextInt(CatalogText.COLORS.length) + n * 3)
                % CatalogText.COLORS.length;
    }

    /** The size (index into {@link CatalogText#SIZES}) of a configurable product's n-th size. */
    static int size(int n) {
        return n + 1;
    }

    /** The color of a child, as the n-th color of its parent. */
    static int childColor(int index) {
        return (index % GROUP - 1) / SIZES;
    }

    /** The size of a child, as the n-th size of its parent. */
    static int childSize(int index) {
        return (index % GROUP - 1) % SIZES;
    }

    /** The first {@code count} products' number of a role. */
    static int count(CatalogProfile profile, int count, Role role) {
        int matching = 0;
        for (int index = 0; index < count; index++) {
            if (role(profile, index) == role) {
                matching++;
            }
        }
        return matching;
    }

    /** The option value id of a color (the store's id of the attribute option). */
    static int colorValueId(int color) {
        return 49 + color;
    }

    /** The option value id of a size. */
    static int sizeValueId(int size) {
        return 166 + size;
    }

    /** The uid of an option value, as the storefront API makes it: base64 of {@code configurable/<id>/<value>}. */
    static String uid(int attributeId, int valueId) {
        return Base64.getEncoder().encodeToString(("configurable/" + attributeId + "/" + valueId)
                .getBytes(StandardCharsets.US_ASCII));
    }
}
