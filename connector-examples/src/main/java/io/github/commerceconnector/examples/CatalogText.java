package io.github.commerceconnector.examples;

import java.util.Locale;
import java.util.SplittableRandom;

/** The words the generated catalog is made of, and the small text helpers it needs. */
final class CatalogText {
    static final String[] ADJECTIVES = {"Classic", "Organic", "Lightweight", "Waterproof", "Slim-fit", "Recycled",
        "Breathable", "Insulated", "Vintage", "Performance", "Everyday", "Premium"};
    static final String[] NOUNS = {"Hoodie", "Jacket", "Running Shoe", "Backpack", "Yoga Pant", "Tee", "Water Bottle",
        "Duffle Bag", "Rain Shell", "Fleece", "Trail Sock", "Sports Bra"};
    static final String[] COLORS = {"Black", "Blue", "Gray", "Green", "Orange", "Purple", "Red", "White"};
    static final String[] COLOR_HEX = {"#000000", "#1857f7", "#8f8f8f", "#53a828", "#eb6703", "#ef3dff", "#ff0000",
        "#ffffff"};
    static final String[] SIZES = {"XS", "S", "M", "L", "XL"};
    static final String[] MATERIALS = {"Cotton", "Polyester", "Nylon", "Wool", "Spandex", "Leather"};
    static final String[] ACTIVITIES = {"Running", "Hiking", "Yoga", "Gym", "Travel", "Outdoor", "Urban"};
    static final String[] STYLES = {"Pullover", "Full Zip", "Hooded", "Lightweight", "Insulated", "Rain Coat"};
    static final String[] CLIMATES = {"Cold", "Cool", "Mild", "Warm", "Hot", "Rainy", "Windy"};
    static final String[] PATTERNS = {"Solid", "Striped", "Color-Blocked", "Graphic", "Camo"};
    static final String[] COUNTRIES = {"Portugal", "Vietnam", "Turkey", "Italy", "United States", "Bangladesh"};
    static final String[] SENTENCES = {
        "Designed for all-day comfort, it moves with you from the trail to the city.",
        "A soft brushed interior keeps the chill out without adding bulk.",
        "Flatlock seams reduce chafing on long runs and longer days.",
        "Reinforced panels stand up to daily wear and frequent washing.",
        "The relaxed cut layers easily over a base layer or under a shell.",
        "Moisture-wicking fabric pulls sweat away so you stay dry and focused.",
        "Made with recycled fibres to keep millions of bottles out of landfills.",
        "Zippered pockets keep your phone, keys and cards secure on the move."};

    /** The words above in lower case. */
    static final String[] NOUNS_LOWER = lowered(NOUNS);
    static final String[] COLORS_LOWER = lowered(COLORS);
    static final String[] ACTIVITIES_LOWER = lowered(ACTIVITIES);

    private static final int DESCRIPTION_CHARS_PER_SENTENCE = 80;

    private CatalogText() {
    }

    /** Each word in lower case, made once. */
    private static String[] lowered(String[] words) {
        String[] lower = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            lower[i] = lower(words[i]);
        }
        return lower;
    }

    static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** {@code count} sentences picked at random, as HTML paragraphs of two sentences. */
    static String description(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder(count * DESCRIPTION_CHARS_PER_SENTENCE).append("<p>");
        for (int i = 0; i < count; i++) {
            if (i > 0 && i % 2 == 0) {
                text.append("</p><p>");
            }
            text.append(pick(random, SENTENCES)).append(i % 2 == 0 && i + 1 < count ? " " : "");
        }
        return text.append("</p>").toString();
    }

    /** Lower case, every run of characters other than {@code a-z} and {@code 0-9} turned into one dash. */
    static String slug(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return dashed(lower(text));
            }
        }
        return dashed(text);
    }

    /**
     * Every run of characters other than {@code a-z} and {@code 0-9} turned into one dash, {@code A-Z} taken as
     * lower case: the whole of {@link #slug} for ASCII text, and for text {@link #lower} already made lower case
     * (which may turn one character into two).
     */
    private static String dashed(String text) {
        char[] slug = new char[text.length()];
        int length = 0;
        boolean dash = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                slug[length++] = lower;
                dash = false;
            } else if (!dash) {
                slug[length++] = '-';
                dash = true;
            }
        }
        return new String(slug, 0, length);
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
