package io.github.commerceconnector.core.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.internal.http.ReplyDetails;
import io.github.commerceconnector.core.internal.json.Json;
import java.io.IOException;
import java.util.function.Function;

/** Reads a registry reply, turning a reply of the wrong shape into a {@link ConnectorServiceException}. */
final class RegistryReplies {
    /** The error code of a reply that does not have the documented shape. */
    static final String MALFORMED_REPLY = "MALFORMED_REPLY";

    private RegistryReplies() {
    }

    /**
     * Parses the reply and maps it.
     *
     * @param what   the request, named in the message, e.g. {@code GET merchant-registry/v1/registry}
     * @param mapper reads the parsed body; throws {@link IllegalArgumentException} when the shape is wrong
     * @throws ConnectorServiceException with error code {@value #MALFORMED_REPLY} if the body is not JSON or
     *     not of the expected shape
     */
    static <T> T read(TransportResponse response, String what, Function<JsonNode, T> mapper) {
        try {
            return mapper.apply(Json.parse(response.body()));
        } catch (IOException | IllegalArgumentException malformed) {
            String reason = malformed instanceof IOException ? "the body is not JSON" : malformed.getMessage();
            throw new ConnectorServiceException("The registry's reply to " + what + " is not of the documented "
                    + "shape (" + reason + "). The gateway may have changed; report this with the request id.",
                    response.statusCode(), ReplyDetails.of(response).requestId(), MALFORMED_REPLY, null);
        }
    }
}
