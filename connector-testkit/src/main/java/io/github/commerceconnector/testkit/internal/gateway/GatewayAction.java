package io.github.commerceconnector.testkit.internal.gateway;

import io.github.commerceconnector.testkit.NetworkFault;
import java.time.Duration;

/** What a connection does for one request: reply (maybe slowly), fail at the socket level, or hang. */
sealed interface GatewayAction permits GatewayAction.Reply, GatewayAction.Fail, GatewayAction.Hang {

    /**
     * Write a reply.
     *
     * @param reply    the reply
     * @param dribble  how long to spread the body over, or {@code null} to write it at once
     */
    record Reply(WireReply reply, Duration dribble) implements GatewayAction {
    }

    /**
     * Fail the connection without a (complete) reply.
     *
     * @param fault the fault; never {@link NetworkFault#SLOW_BODY}
     */
    record Fail(NetworkFault fault) implements GatewayAction {
    }

    /**
     * Answer nothing for a while, then close.
     *
     * @param duration how long at most
     */
    record Hang(Duration duration) implements GatewayAction {
    }
}
