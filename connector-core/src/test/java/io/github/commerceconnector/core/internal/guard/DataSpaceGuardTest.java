package io.github.commerceconnector.core.internal.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.core.internal.guard.DataSpaceGuard.Action;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The guard's table: installation x data space type x action. */
class DataSpaceGuardTest {

    @ParameterizedTest
    @EnumSource(Action.class)
    void refusesEveryActionOnProductionFromANonProductionInstallation(Action action) {
        DataSpaceGuard guard = new DataSpaceGuard(Installation.NON_PRODUCTION, null);

        DataSpaceGuardException refused = assertThrows(DataSpaceGuardException.class,
                () -> guard.permit(action, "ds-prod", DataSpaceType.PRODUCTION));

        assertEquals("ds-prod", refused.dataSpaceId());
        assertTrue(refused.getMessage().contains(action.verb() + " the production data space ds-prod"),
                refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void letsEveryActionOnTestingThrough(Action action) {
        assertDoesNotThrow(() -> new DataSpaceGuard(Installation.NON_PRODUCTION, null)
                .permit(action, "ds-test", DataSpaceType.TESTING));
        assertDoesNotThrow(() -> new DataSpaceGuard(Installation.PRODUCTION, null)
                .permit(action, "ds-test", DataSpaceType.TESTING));
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void theOverrideLetsProductionThroughAndLogsTheReasonEachTime(Action action) {
        DataSpaceGuard guard = new DataSpaceGuard(Installation.NON_PRODUCTION, "migrating the live catalog");

        String log = captureStandardError(() -> {
            guard.permit(action, "ds-prod", DataSpaceType.PRODUCTION);
            guard.permit(action, "ds-prod", DataSpaceType.PRODUCTION);
        });

        assertEquals(2, log.split("override: migrating the live catalog", -1).length - 1, log);
        assertTrue(log.contains("WARN"), log);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void aProductionInstallationMayUseProduction(Action action) {
        assertDoesNotThrow(() -> new DataSpaceGuard(Installation.PRODUCTION, null)
                .permit(action, "ds-prod", DataSpaceType.PRODUCTION));
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = "SELECT")
    void warnsWhenTheProductionInstallationSelectsTesting(Action action) {
        String log = captureStandardError(() -> new DataSpaceGuard(Installation.PRODUCTION, null)
                .permit(action, "ds-test", DataSpaceType.TESTING));

        assertTrue(log.contains("WARN") && log.contains("selects the testing data space ds-test"), log);
    }

    private static String captureStandardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
