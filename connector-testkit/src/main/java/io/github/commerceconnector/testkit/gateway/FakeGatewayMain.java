package io.github.commerceconnector.testkit.gateway;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FeedChaos;
import io.github.commerceconnector.testkit.internal.keys.KeyPool;
import io.github.commerceconnector.testkit.internal.keys.PemText;
import io.github.commerceconnector.testkit.internal.keys.PublicKeyPem;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeGateway} on its own, e.g. for a manual try of the SDK or a benchmark:
 *
 * <pre>
 * java -jar connector-testkit-&lt;version&gt;-standalone.jar --port 8080 \
 *      --api-key MY_KEY_ID --public-key-file public-key.pem
 * </pre>
 *
 * Without {@code --public-key-file} it generates an RSA-2048 key pair and writes the private key
 * (PKCS#8 PEM, owner-only permissions) and the API key id to files whose paths it prints. Runs until
 * interrupted (Ctrl-C). Uses the JDK alone for keys and signatures, so the standalone jar needs no
 * BouncyCastle.
 */
public final class FakeGatewayMain {
    private static final String USAGE = String.join("\n",
            "Usage: java -jar connector-testkit-<version>-standalone.jar [options]",
            "  --port N                 port to listen on (default 0: a free port, printed)",
            "  --host H                 address to listen on (default 127.0.0.1)",
            "  --api-key K              the API key id to accept (default: generated)",
            "  --public-key-file F      PEM public key (or certificate) whose private half signs requests;",
            "                           without it a key pair is generated and the private key written out",
            "  --key-out DIR            where generated keys are written (default: a new temporary directory)",
            "  --edition E              adobe-commerce (default) or magento-open-source",
            "  --environment E          sandbox (default) or production",
            "  --rate-limit R           feed requests per second per data space (default 2; 0 = off)",
            "  --retry-after S          the Retry-After (seconds) of a 429 of the rate limit (default: until allowed)",
            "  --fail-every N[:S]       answer every Nth feed request with status S (default 503); repeatable",
            "  --reset-every N          apply every Nth feed request, then reset its connection; repeatable",
            "  --fail-share P[:S]       answer a share P (0 to 1) of feed requests with S, at random",
            "  --reset-share P          apply a share P of feed requests, then reset them, at random",
            "  --seed N                 the seed of the random faults (default 1)",
            "  --latency MS             answer every request only after MS milliseconds (default 0)",
            "  --item-limit N           most items per feed request (default: each feed's batch size)",
            "  --sink                   answer feed requests 200 without parsing or storing them",
            "  --check-schema           refuse, per field, items that do not fit the exporter's schema",
            "  --project NAME           create a SaaS project at start (repeatable); its data spaces are printed",
            "  --help                   print this help");

    private FakeGatewayMain() {
    }

    /**
     * Starts the gateway and waits until the process is interrupted.
     *
     * @param args the options of {@code --help}
     */
    public static void main(String[] args) {
        FakeGateway gateway;
        try {
            gateway = start(args, System.out);
        } catch (IllegalArgumentException | ConnectorException | UncheckedIOException badOptions) {
            report(System.err, badOptions.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        if (gateway == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "fake-gateway-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            gateway.close();
        }
    }

    /**
     * Parses the options, starts the gateway and prints where it listens and which keys it accepts.
     *
     * @param args the options
     * @param out  where to print
     * @return the running gateway, or {@code null} when only the help was asked for
     * @throws IllegalArgumentException for a bad option, naming it and the legal values
     * @throws UncheckedIOException when a key file cannot be read or written
     */
    public static FakeGateway start(String[] args, PrintStream out) {
        Options options = Options.parse(args);
        if (options.help) {
            report(out, USAGE);
            return null;
        }
        FakeGateway.Builder builder = FakeGateway.builder().port(options.port).host(options.host)
                .edition(options.edition).environment(options.environment).rateLimit(options.rateLimit)
                .sink(options.sink).checkSchema(options.checkSchema).feedChaos(options.chaos.build());
        if (options.retryAfter != null) {
            builder.rateLimit(options.rateLimit, Duration.ofSeconds(options.retryAfter));
        }
        if (options.latencyMillis != 0) {
            builder.latency(Duration.ofMillis(options.latencyMillis));
        }
        if (options.itemLimit != null) {
            builder.itemLimit(options.itemLimit);
        }
        ApiKey apiKey = options.apiKey != null ? ApiKey.of(options.apiKey) : generatedApiKey();
        List<String> lines = new ArrayList<>();
        PublicKey publicKey;
        if (options.publicKeyFile != null) {
            publicKey = PublicKeyPem.read(read(options.publicKeyFile));
            lines.add("Accepting API key " + apiKey + " signed by the private half of " + options.publicKeyFile);
        } else {
            KeyPair pair = KeyPool.generate(2048);
            publicKey = pair.getPublic();
            Path directory = options.keyOut != null ? options.keyOut : temporaryDirectory();
            Path privateKey = writeOwnerOnly(directory.resolve("private-key.pem"),
                    PemText.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Path apiKeyFile = writeOwnerOnly(directory.resolve("api-key.txt"), apiKey.value() + "\n");
            lines.add("Generated a key pair: private key (PKCS#8 PEM) in " + privateKey + ", API key id in "
                    + apiKeyFile);
        }
        FakeGateway gateway = builder.start();
        gateway.registerKey(apiKey, publicKey);
        for (String name : options.projects) {
            SaasProject project = gateway.services().addProject(name);
            lines.add("Project '" + project.name() + "' " + project.id());
            for (DataSpace dataSpace : project.dataSpaces()) {
                lines.add("  data space '" + dataSpace.name() + "' (" + dataSpace.type().wireName() + ") "
                        + dataSpace.id());
            }
        }
        report(out, "Fake Commerce Services gateway (" + gateway.services().environment().wireName() + ", "
                + gateway.services().edition().displayName() + (options.sink ? ", sink" : "") + ") listening on "
                + gateway.baseUri() + "\n" + String.join("\n", lines));
        return gateway;
    }

    private static void report(PrintStream stream, String text) {
        stream.println(text);
        stream.flush();
    }

    private static ApiKey generatedApiKey() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return ApiKey.of("fakegw-" + HexFormat.of().formatHex(bytes));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("fake-gateway-keys-");
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot create a directory for the generated keys: " + failed.getMessage(),
                    failed);
        }
    }

    private static Path writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file.toAbsolutePath();
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot write " + file + ": " + failed.getMessage(), failed);
        }
    }

    /** The parsed command line. */
    private static final class Options {
        private int port;
        private String host = "127.0.0.1";
        private String apiKey;
        private Path publicKeyFile;
        private Path keyOut;
        private Edition edition = Edition.ADOBE_COMMERCE;
        private Environment environment = Environment.SANDBOX;
        private double rateLimit = FakeGateway.DEFAULT_RATE_LIMIT;
        private Integer itemLimit;
        private Integer retryAfter;
        private final FeedChaos.Builder chaos = FeedChaos.builder();
        private int latencyMillis;
        private boolean sink;
        private boolean checkSchema;
        private boolean help;
        private final List<String> projects = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--help":
                    case "-h":
                        options.help = true;
                        break;
                    case "--sink":
                        options.sink = true;
                        break;
                    case "--check-schema":
                        options.checkSchema = true;
                        break;
                    case "--port":
                        options.port = integer(option, value(args, ++i, option));
                        break;
                    case "--host":
                        options.host = value(args, ++i, option);
                        break;
                    case "--api-key":
                        options.apiKey = value(args, ++i, option);
                        break;
                    case "--public-key-file":
                        options.publicKeyFile = Path.of(value(args, ++i, option));
                        break;
                    case "--key-out":
                        options.keyOut = Path.of(value(args, ++i, option));
                        break;
                    case "--edition":
                        options.edition = edition(value(args, ++i, option));
                        break;
                    case "--environment":
                        options.environment = Environment.fromName(value(args, ++i, option));
                        break;
                    case "--rate-limit":
                        options.rateLimit = number(option, value(args, ++i, option));
                        break;
                    case "--item-limit":
                        options.itemLimit = integer(option, value(args, ++i, option));
                        break;
                    case "--retry-after":
                        options.retryAfter = integer(option, value(args, ++i, option));
                        break;
                    case "--fail-every":
                        String every = value(args, ++i, option);
                        options.chaos.failEvery(integer(option, before(every)), status(option, every));
                        break;
                    case "--reset-every":
                        options.chaos.resetAfterApplyingEvery(integer(option, value(args, ++i, option)));
                        break;
                    case "--fail-share":
                        String share = value(args, ++i, option);
                        options.chaos.failRandomly(number(option, before(share)), status(option, share));
                        break;
                    case "--reset-share":
                        options.chaos.resetAfterApplyingRandomly(number(option, value(args, ++i, option)));
                        break;
                    case "--latency":
                        options.latencyMillis = integer(option, value(args, ++i, option));
                        break;
                    case "--seed":
                        options.chaos.seed(integer(option, value(args, ++i, option)));
                        break;
                    case "--project":
                        options.projects.add(value(args, ++i, option));
                        break;
                    default:
                        throw new IllegalArgumentException("Unknown option '" + option + "'");
                }
            }
            return options;
        }

        private static String before(String value) {
            int colon = value.indexOf(':');
            return colon < 0 ? value : value.substring(0, colon);
        }

        private static int status(String option, String value) {
            int colon = value.indexOf(':');
            return colon < 0 ? 503 : integer(option, value.substring(colon + 1));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            return args[index];
        }

        private static int integer(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("Option " + option + " needs a whole number, not '" + value + "'");
            }
        }

        private static double number(String option, String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("Option " + option + " needs a number, not '" + value + "'");
            }
        }

        private static Edition edition(String value) {
            String normalized = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            switch (normalized) {
                case "adobe-commerce":
                case "ee":
                    return Edition.ADOBE_COMMERCE;
                case "magento-open-source":
                case "ce":
                    return Edition.MAGENTO_OPEN_SOURCE;
                default:
                    throw new IllegalArgumentException("Unknown edition '" + value
                            + "': use adobe-commerce or magento-open-source");
            }
        }
    }
}
