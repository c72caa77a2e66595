package io.github.commerceconnector.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} of every request: {@code commerce-services-connector-java/<version> (Java <version>)}. */
public final class UserAgent {
    private static final String VALUE = "commerce-services-connector-java/" + sdkVersion() + " (Java "
            + System.getProperty("java.version") + ")";

    private UserAgent() {
    }

    /** The header value. */
    public static String value() {
        return VALUE;
    }

    /** The SDK version, written into {@code connector.properties} at build time. */
    private static String sdkVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("connector.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException unreadable) {
            return "unknown";
        }
    }
}
