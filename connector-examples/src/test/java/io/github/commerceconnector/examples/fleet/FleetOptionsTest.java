package io.github.commerceconnector.examples.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The fleet's commands read their options, and refuse bad ones naming what would be right. */
class FleetOptionsTest {
    private static final String URL = "jdbc:postgresql://db:5432/fleet?user=fleet&password=s3cret";

    @Test
    void aWorkerTakesItsOptionsAndRoundTripsThemForAChildProcess() {
        FleetWorkerOptions options = FleetWorkerOptions.parse(new String[] {"--jdbc-url", URL, "--gateway",
            "http://127.0.0.1:8080/", "--worker", "w-1", "--threads", "8", "--interval-seconds", "5",
            "--lease-seconds", "6", "--heartbeat-seconds", "1", "--poll-millis", "250", "--batch-size", "50"});

        assertEquals(new FleetWorkerOptions(URL, URI.create("http://127.0.0.1:8080/"), Environment.SANDBOX, "w-1", 8,
                Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofSeconds(1), Duration.ofMillis(250), 50),
                options);
        assertEquals(options, FleetWorkerOptions.parse(options.toArgs()));
        assertFalse(options.toString().contains("s3cret"), options::toString);
    }

    @Test
    void aWorkerRefusesAMissingUrlAnUnknownOptionAndANumberOutOfRange() {
        String missing = assertThrows(IllegalArgumentException.class,
                () -> FleetWorkerOptions.parse(new String[] {"--gateway", "http://127.0.0.1/"})).getMessage();
        assertTrue(missing.startsWith("--jdbc-url is required"), missing);
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> FleetWorkerOptions.parse(new String[] {"--thread", "4"})).getMessage();
        assertTrue(unknown.startsWith("Unknown option --thread") && unknown.contains("--threads N"), unknown);
        String range = assertThrows(IllegalArgumentException.class, () -> FleetWorkerOptions.parse(new String[] {
            "--jdbc-url", URL, "--gateway", "http://127.0.0.1/", "--threads", "0"})).getMessage();
        assertTrue(range.startsWith("--threads '0' is not a whole number from 1 to 256"), range);
    }

    @Test
    void theCredentialsKeyMustBeAnAesKeyAndIsNeverEchoed() {
        assertEquals(32, FleetKeys.decode(FleetKeys.newKey()).getEncoded().length);
        String shortKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7});
        String message = assertThrows(IllegalArgumentException.class, () -> FleetKeys.decode(shortKey))
                .getMessage();
        assertTrue(message.contains("holds 7 bytes: an AES key has 16, 24 or 32"), message);
        assertFalse(message.contains(shortKey), message);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FleetKeys.decode(" ")).getMessage()
                .contains(FleetKeys.VARIABLE + " is not set"));
    }

    @Test
    void aMerchantIdMustBeUsableAsAnInstallationAndTaskId() {
        assertEquals("merchant-0042", new Merchant("merchant-0042", 10, 0).id());
        String message = assertThrows(IllegalArgumentException.class, () -> new Merchant("shop 42", 10, 0))
                .getMessage();
        assertTrue(message.contains("'shop 42' is not usable") && message.contains("'merchant-0042'"), message);
        assertThrows(IllegalArgumentException.class, () -> new Merchant("m", -1, 0));
    }
}
