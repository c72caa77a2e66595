package io.github.commerceconnector.api.exception;

/**
 * The connector is configured wrongly: an unknown environment name, a malformed endpoint, an
 * unwritable state directory, a key file other users can read. Thrown at build or open time, never
 * in the middle of a sync.
 */
public class ConfigurationException extends ConnectorClientException {
    private static final long serialVersionUID = 1L;

    /** Creates a configuration exception. */
    public ConfigurationException(String message) {
        super(message);
    }

    /** Creates a configuration exception with a cause. */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
