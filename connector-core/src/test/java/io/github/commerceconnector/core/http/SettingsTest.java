package io.github.commerceconnector.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.exception.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented defaults of the HTTP settings, and the typed refusal of values out of range. */
class SettingsTest {

    @Test
    void documentsItsDefaults() {
        assertEquals(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(120)),
                Timeouts.defaults());
        assertEquals(new RetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60)),
                RetrySettings.defaults());
        assertEquals(new CircuitBreakerSettings(50f, 20, 10, Duration.ofSeconds(30), 3),
                CircuitBreakerSettings.defaults());
        assertEquals(1, RetrySettings.none().maxAttempts());
    }

    @Test
    void refusesTimeoutsThatAreNotPositiveOrInconsistent() {
        assertThrows(ConfigurationException.class, () -> Timeouts.defaults().withConnect(Duration.ZERO));
        assertThrows(ConfigurationException.class, () -> Timeouts.defaults().withAttempt(null));
        ConfigurationException shorter = assertThrows(ConfigurationException.class,
                () -> Timeouts.defaults().withCall(Duration.ofSeconds(5)));
        assertTrue(shorter.getMessage().contains("shorter than the attempt timeout"), shorter.getMessage());
    }

    @Test
    void refusesRetrySettingsOutOfRange() {
        assertThrows(ConfigurationException.class, () -> RetrySettings.defaults().withMaxAttempts(0));
        assertThrows(ConfigurationException.class, () -> RetrySettings.defaults().withMaxAttempts(21));
        assertThrows(ConfigurationException.class,
                () -> RetrySettings.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(ConfigurationException.class,
                () -> RetrySettings.defaults().withMaxRetryAfter(Duration.ofSeconds(-1)));
    }

    @Test
    void refusesBreakerSettingsOutOfRange() {
        assertThrows(ConfigurationException.class, () -> CircuitBreakerSettings.defaults().withFailureRatePercent(0));
        assertThrows(ConfigurationException.class, () -> CircuitBreakerSettings.defaults().withWindow(5, 6));
        assertThrows(ConfigurationException.class,
                () -> CircuitBreakerSettings.defaults().withOpenDuration(Duration.ZERO));
        assertThrows(ConfigurationException.class, () -> CircuitBreakerSettings.defaults().withHalfOpenCalls(0));
    }
}
