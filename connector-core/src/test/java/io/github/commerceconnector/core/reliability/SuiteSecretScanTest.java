package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.core.testsupport.secrets.CapturedText;
import io.github.commerceconnector.core.testsupport.secrets.ExceptionRecorder;
import io.github.commerceconnector.core.testsupport.secrets.LeakScanner;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import io.github.commerceconnector.core.testsupport.secrets.SuiteWatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The suite's last test: everything the SDK logged while the whole core suite ran (every SDK logger at TRACE,
 * see {@code CapturingLogProvider}) and the message of every exception the SDK made (caught ones included, see
 * {@link ExceptionRecorder}) is scanned for the private keys, API key ids, passphrases, client secrets and
 * tokens the tests used, and for anything shaped like a JWT, a bearer token or a PEM private key. Ordered last
 * by {@code junit-platform.properties}; it checks that every other test of the run has finished.
 */
@Order(Integer.MAX_VALUE)
class SuiteSecretScanTest {

    @Test
    void nothingTheSdkLoggedOrThrewDuringTheWholeSuiteHoldsASecret() {
        List<String> unfinished = SuiteWatch.unfinishedApartFrom(SuiteSecretScanTest.class);
        assertEquals(List.of(), unfinished, "the scan must run after every other test of the run");
        ExceptionRecorder.Result exceptions = ExceptionRecorder.sdkExceptions();
        List<CapturedText.Entry> texts = new ArrayList<>(CapturedText.snapshot());
        texts.addAll(exceptions.entries());
        LeakScanner scanner = LeakScanner.ofRegistry();

        List<LeakScanner.Finding> findings = new ArrayList<>();
        for (CapturedText.Entry entry : texts) {
            findings.addAll(scanner.scan(entry.source(), entry.text()));
        }

        System.out.printf("Secret scan: %d log texts (%d characters) and %d SDK exception messages (of %d exceptions "
                + "made in the JVM) against %d registered secret fragments and values, in %d test plan(s)%n",
                CapturedText.count(), CapturedText.characters(), exceptions.entries().size(), exceptions.all(),
                SecretRegistry.size(), SuiteWatch.plans());
        if (SuiteWatch.finishedTests() > 1) {
            assertTrue(SecretRegistry.size() > 0, "no secret was registered: the scan would prove nothing");
            assertTrue(CapturedText.count() > 0, "nothing was logged: the logging binding is not in place");
            assertTrue(!exceptions.entries().isEmpty(), "no SDK exception was recorded: the recorder is not working");
        }
        assertTrue(findings.isEmpty(), () -> findings.size() + " secret(s) leaked; the first (secrets masked):\n"
                + String.join("\n", findings.stream().map(LeakScanner.Finding::toString).distinct().limit(20).toList()));
    }
}
