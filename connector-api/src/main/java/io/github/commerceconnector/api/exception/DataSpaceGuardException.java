package io.github.commerceconnector.api.exception;

/**
 * The data-space guard refused a call before any request was made: a non-production installation
 * tried to select, sync to or clean up a production data space. Test data sent there overwrites
 * the live catalog. Select a testing data space instead, or, in the rare legitimate case, enable
 * the explicit production override on the client builder.
 */
public class DataSpaceGuardException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final String dataSpaceId;

    /** Creates the exception for the refused data space. */
    public DataSpaceGuardException(String dataSpaceId, String message) {
        super(message);
        this.dataSpaceId = dataSpaceId;
    }

    /** The production data space that was refused. */
    public String dataSpaceId() {
        return dataSpaceId;
    }
}
