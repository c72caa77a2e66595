package io.github.commerceconnector.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What a refused key leaves in the application's startup failure report: the property named, never the key, though
 * Spring Boot's failure analysis reads a refused property's value back from the environment; and blank key
 * properties (empty placeholders) count as unset.
 */
class StartupFailureSecretsTest {

    @Test
    void theStartupFailureReportOfARefusedKeyNamesThePropertyAndNeverPrintsTheKey() {
        String pem = TestKeys.ecPrivateKeyPem();
        String body = pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        SpringApplication application = new SpringApplication(CommerceConnectorAutoConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String report = printedWhile(() -> assertThatThrownBy(() -> application.run(
                "--commerce.connector.installation=non-production", "--commerce.connector.keys.api-key=abcd1234",
                "--commerce.connector.keys.private-key=" + pem)).isInstanceOf(RuntimeException.class));

        assertThat(report).contains("commerce.connector.keys.private-key");
        assertThat(report).as("the private key must never reach the report").doesNotContain(body);
    }

    @Test
    void blankKeyPropertiesCountAsUnset() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CommerceConnectorAutoConfiguration.class))
                .withPropertyValues("commerce.connector.installation=non-production",
                        "commerce.connector.keys.api-key=", "commerce.connector.keys.private-key= ")
                .run(context -> assertThat(context).as("the keys then come from a file or the environment")
                        .hasNotFailed().hasSingleBean(CredentialStore.class));
    }

    /** What the application prints to standard output and error while {@code action} runs. */
    private static String printedWhile(Runnable action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
