package io.github.commerceconnector.api.credentials;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import org.junit.jupiter.api.Test;

class KeyCheckTest {

    @Test
    void requiresEnvironmentAndMessage() {
        assertThrows(NullPointerException.class, () -> new KeyCheck(null, true, false, "ok"));
        assertThrows(NullPointerException.class, () -> new KeyCheck(Environment.SANDBOX, true, false, null));
    }

    @Test
    void carriesWhetherTheGatewayConfirmed() {
        assertTrue(new KeyCheck(Environment.SANDBOX, true, true, "confirmed").gatewayConfirmed());
    }
}
