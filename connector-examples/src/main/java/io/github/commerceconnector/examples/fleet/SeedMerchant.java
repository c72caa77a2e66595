package io.github.commerceconnector.examples.fleet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The command that adds a merchant to the fleet (see {@link FleetSeeder}): its keys, its project and data space,
 * and the size of its generated catalog. Exit code 0 when added, 1 when refused, 2 on bad options.
 */
public final class SeedMerchant {
    /** The options. */
    public static final String USAGE = String.join("\n",
            "SeedMerchant: adds a merchant to the fleet, or replaces its keys, data space and catalog.",
            "  --jdbc-url URL           the fleet's PostgreSQL (required)",
            "  --gateway URL            the gateway's base URL (required)",
            "  --environment NAME       sandbox (default) or production: the keys' environment",
            "  --merchant ID            the merchant's id (required)",
            "  --api-key KEY            its API key (required)",
            "  --private-key-file PATH  its private key, PEM (required)",
            "  --project ID             its SaaS project (required)",
            "  --data-space ID          the data space its catalog goes to (required)",
            "  --products N             how many products its generated catalog has (default 1000)",
            "Environment: " + FleetKeys.VARIABLE + ", the AES key the merchants' keys are encrypted with (base64).");

    private static final Set<String> NAMES = Set.of("--jdbc-url", "--gateway", "--environment", "--merchant",
            "--api-key", "--private-key-file", "--project", "--data-space", "--products");

    private SeedMerchant() {
    }

    /**
     * Adds the merchant and exits.
     *
     * @param args see {@link #USAGE}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (CommandLine.wantsHelp(args)) {
            System.out.println(USAGE);
            return 0;
        }
        CommandLine line;
        ServiceCredentials credentials;
        Merchant merchant;
        try {
            line = CommandLine.parse(args, NAMES, USAGE);
            Environment environment = Environment.fromName(line.text("--environment", "sandbox"));
            credentials = ServiceCredentials.of(environment, line.required("--api-key"),
                    Files.readString(Path.of(line.required("--private-key-file"))));
            merchant = new Merchant(line.required("--merchant"), line.number("--products", 1000, 0, 10_000_000), 0);
        } catch (IllegalArgumentException | ConnectorException | IOException invalid) {
            System.err.println("seed: " + invalid.getMessage());
            return 2;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(line.required("--jdbc-url"));
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config);
                FleetSeeder seeder = new FleetSeeder(pool, FleetKeys.fromEnvironment(),
                        URI.create(line.required("--gateway")), credentials.environment())) {
            seeder.seed(merchant, credentials, line.required("--project"), line.required("--data-space"));
            System.out.println("Added merchant " + merchant.id() + " (" + merchant.products() + " products), API key "
                    + credentials.apiKey());
            return 0;
        } catch (ConnectorException | IllegalArgumentException | IllegalStateException refused) {
            System.err.println("seed failed: " + refused.getMessage());
            return 1;
        }
    }
}
