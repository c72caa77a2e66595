package io.github.commerceconnector.examples;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.exception.ConfigurationException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The quickstart's command-line options. Without {@code --endpoint} the quickstart starts the testkit's
 * fake gateway in-process and generates its own key pair; with it, it talks only to the given gateway
 * and needs {@code --api-key} and {@code --private-key-file}.
 *
 * @param endpoint       the gateway to use, or {@code null} for an in-process fake gateway
 * @param environment    which key pair and gateway
 * @param apiKey         the public API key id (with {@code --endpoint})
 * @param privateKeyFile the PEM private key file (with {@code --endpoint})
 * @param installation   the installation kind (drives the data-space guard)
 * @param stateDirectory where selection and sync state go, or {@code null} for a fresh temporary one
 * @param products       how many products to generate
 * @param projectName    the SaaS project to use or create
 * @param help           whether {@code --help} was given
 * @param fakeGateway    how the in-process fake gateway behaves (without {@code --endpoint})
 */
record QuickstartOptions(URI endpoint, Environment environment, String apiKey, Path privateKeyFile,
        Installation installation, Path stateDirectory, int products, String projectName, boolean help,
        FakeGatewayOptions fakeGateway) {

    static final String USAGE = String.join("\n",
            "Usage: quickstart [options]",
            "",
            "Runs the whole connector flow: keys, projects, data spaces, the data-space guard, a catalog sync",
            "and an incremental re-sync. Without --endpoint it runs against the testkit's fake gateway,",
            "started in-process on 127.0.0.1 with a freshly generated key pair.",
            "",
            "Options:",
            "  --endpoint URL              use this gateway (or any server speaking the protocol) instead of",
            "                              an in-process fake; needs --api-key and --private-key-file",
            "  --environment NAME          production | sandbox (default: sandbox)",
            "  --api-key KEY               the environment's public API key id",
            "  --private-key-file FILE     the environment's PEM private key",
            "  --installation KIND         production | non-production (default: non-production)",
            "  --state-dir DIR             where the selection and sync state are kept",
            "                              (default: a new temporary directory, deleted at the end)",
            "  --products N                how many products to generate (default: 1000)",
            "  --project NAME              the SaaS project to use, created if missing",
            "                              (default: Quickstart store)",
            "  --help                      print this help",
            "",
            "The in-process fake gateway (without --endpoint) can behave like a flaky production gateway:",
            "  --gateway-rate R            feed requests per second per data space, 429 above (default: 2)",
            "  --gateway-retry-after S     the Retry-After of its 429, in seconds (default: until allowed)",
            "  --gateway-fail-first N[:S]  answer the first N feed requests with status S (default 503): an outage",
            "  --gateway-fail-every N[:S]  answer every Nth feed request with status S (default 503); repeatable",
            "  --gateway-reset-every N     apply every Nth feed request, then reset its connection; repeatable",
            "  --gateway-fail-share P[:S]  answer a share P (0 to 1) of feed requests with S, at random",
            "  --gateway-reset-share P     apply a share P of feed requests, then reset, at random",
            "  --gateway-seed N            the seed of the random faults (default: 1)",
            "  --gateway-latency MS        answer every request only after MS milliseconds (default: 0)",
            "e.g. --gateway-fail-every 3 --gateway-reset-every 5, or --gateway-retry-after 2 --gateway-fail-every 7");

    /**
     * Parses the arguments.
     *
     * @throws ConfigurationException naming the bad option and what would be right
     */
    static QuickstartOptions parse(String... args) {
        URI endpoint = null;
        Environment environment = Environment.SANDBOX;
        String apiKey = null;
        Path privateKeyFile = null;
        Installation installation = Installation.NON_PRODUCTION;
        Path stateDirectory = null;
        int products = 1000;
        String projectName = "Quickstart store";
        boolean help = false;
        FakeGatewayOptions.Parser fakeGateway = new FakeGatewayOptions.Parser();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                help = true;
                continue;
            }
            if (!option.startsWith("--")) {
                throw new ConfigurationException("Unexpected argument '" + option + "': options start with --, "
                        + "see --help");
            }
            if (i + 1 >= args.length) {
                throw new ConfigurationException("Option " + option + " needs a value, see --help");
            }
            String value = args[++i];
            if (FakeGatewayOptions.Parser.handles(option)) {
                fakeGateway.take(option, value);
                continue;
            }
            switch (option) {
                case "--endpoint" -> endpoint = endpoint(value);
                case "--environment" -> environment = Environment.fromName(value);
                case "--api-key" -> apiKey = value;
                case "--private-key-file" -> privateKeyFile = Path.of(value);
                case "--installation" -> installation = Installation.fromName(value);
                case "--state-dir" -> stateDirectory = Path.of(value);
                case "--products" -> products = products(value);
                case "--project" -> projectName = projectName(value);
                default -> throw new ConfigurationException("Unknown option " + option + ", see --help");
            }
        }
        if (endpoint != null && (apiKey == null || privateKeyFile == null)) {
            throw new ConfigurationException("--endpoint needs --api-key and --private-key-file: the quickstart "
                    + "signs requests to a real gateway with your key pair");
        }
        if (endpoint == null && (apiKey != null || privateKeyFile != null)) {
            throw new ConfigurationException("--api-key and --private-key-file are used with --endpoint only; "
                    + "without --endpoint the quickstart generates a key pair for its fake gateway");
        }
        FakeGatewayOptions gateway = fakeGateway.result();
        if (endpoint != null && gateway.customized()) {
            throw new ConfigurationException("--gateway-... options shape the in-process fake gateway; with --endpoint "
                    + "there is none: leave them out");
        }
        return new QuickstartOptions(endpoint, environment, apiKey, privateKeyFile, installation, stateDirectory,
                products, projectName, help, gateway);
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value : value + "/");
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigurationException("--endpoint '" + value + "' is not an absolute http(s) URL, "
                        + "e.g. https://commerce-beta.adobe.io/");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigurationException("--endpoint '" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static int products(String value) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count < 1 || count > 10_000_000) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new ConfigurationException("--products '" + value + "' is not a number from 1 to 10000000");
        }
    }

    private static String projectName(String value) {
        if (value.isBlank()) {
            throw new ConfigurationException("--project needs a non-blank name");
        }
        return value.strip();
    }
}
