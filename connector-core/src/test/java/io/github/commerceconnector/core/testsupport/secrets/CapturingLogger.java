package io.github.commerceconnector.core.testsupport.secrets;

import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger of the test binding: the SDK's loggers ({@code io.github.commerceconnector...}) are enabled at every
 * level, TRACE included, and every formatted message with its throwables goes to {@link CapturedText}; any
 * logger's WARN and ERROR lines are also echoed to {@link System#err} (looked up at each call, so tests that
 * swap it see them).
 */
final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    /** The prefix of the loggers whose every line is captured. */
    static final String SDK_PREFIX = "io.github.commerceconnector";

    private final boolean sdk;

    CapturingLogger(String name) {
        this.name = name;
        this.sdk = name.startsWith(SDK_PREFIX);
    }

    @Override
    public boolean isTraceEnabled() {
        return sdk;
    }

    @Override
    public boolean isDebugEnabled() {
        return sdk;
    }

    @Override
    public boolean isInfoEnabled() {
        return sdk;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
            Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        if (sdk) {
            CapturedText.add("log " + level + " " + name, throwable == null ? message
                    : message + "\n" + CapturedText.describe(throwable));
        }
        if (level == Level.WARN || level == Level.ERROR) {
            PrintStream err = System.err;
            err.println("[" + Thread.currentThread().getName() + "] " + level + " " + name + " - " + message
                    + (throwable == null ? "" : "\n" + CapturedText.describe(throwable).strip()));
        }
    }
}
