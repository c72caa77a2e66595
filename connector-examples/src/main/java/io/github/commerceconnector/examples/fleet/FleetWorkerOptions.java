package io.github.commerceconnector.examples.fleet;

import io.github.commerceconnector.api.Environment;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * How a {@link FleetWorker} runs.
 *
 * @param jdbcUrl     the fleet's PostgreSQL, a JDBC URL with user and password as parameters
 * @param gateway     the gateway's base URL
 * @param environment the environment of the merchants' keys
 * @param worker      the worker's name: its db-scheduler name and the owner of its leases; unique per live worker
 * @param threads     how many merchants it syncs at once
 * @param interval    the time between two complete syncs of a merchant
 * @param lease       how long a feed's lease lasts unless renewed (the longest a dead worker holds a feed)
 * @param heartbeat   how often the worker tells the others it is alive; after four missed heartbeats another
 *                    worker runs its merchants again
 * @param polling     how often it looks for merchants due
 * @param batchSize   items per request; 0 for each feed's default
 */
public record FleetWorkerOptions(String jdbcUrl, URI gateway, Environment environment, String worker, int threads,
        Duration interval, Duration lease, Duration heartbeat, Duration polling, int batchSize) {

    /** The options and their defaults. */
    public static final String USAGE = String.join("\n",
            "FleetWorker: syncs the fleet's merchants, with any number of other workers over the same database.",
            "  --jdbc-url URL           the fleet's PostgreSQL (required), e.g. "
                    + "jdbc:postgresql://db:5432/fleet?user=fleet&password=...",
            "  --gateway URL            the gateway's base URL (required)",
            "  --environment NAME       sandbox (default) or production: the merchants' keys",
            "  --worker NAME            this worker's name, unique per live worker (default host-pid)",
            "  --threads N              merchants synced at once (default 4)",
            "  --interval-seconds N     time between two complete syncs of a merchant (default 60)",
            "  --lease-seconds N        a feed's lease (default 30)",
            "  --heartbeat-seconds N    heartbeat; 4 missed ones and others take over (default 10)",
            "  --poll-millis N          how often to look for merchants due (default 1000)",
            "  --batch-size N           items per request, 0 for the feeds' defaults (default 0)",
            "Environment: " + FleetKeys.VARIABLE + ", the AES key the merchants' keys are encrypted with (base64).");

    private static final Set<String> NAMES = Set.of("--jdbc-url", "--gateway", "--environment", "--worker",
            "--threads", "--interval-seconds", "--lease-seconds", "--heartbeat-seconds", "--poll-millis",
            "--batch-size");

    /**
     * Reads the command line.
     *
     * @param args the options
     * @return the options
     * @throws IllegalArgumentException naming a bad option, with {@link #USAGE}
     */
    public static FleetWorkerOptions parse(String[] args) {
        CommandLine line = CommandLine.parse(args, NAMES, USAGE);
        return new FleetWorkerOptions(line.required("--jdbc-url"), URI.create(line.required("--gateway")),
                Environment.fromName(line.text("--environment", "sandbox")),
                line.text("--worker", defaultName()),
                line.number("--threads", 4, 1, 256),
                Duration.ofSeconds(line.number("--interval-seconds", 60, 1, 86_400)),
                Duration.ofSeconds(line.number("--lease-seconds", 30, 1, 3600)),
                Duration.ofSeconds(line.number("--heartbeat-seconds", 10, 1, 3600)),
                Duration.ofMillis(line.number("--poll-millis", 1000, 50, 600_000)),
                line.number("--batch-size", 0, 0, 10_000));
    }

    /** The host name and process id, as the JVM names itself. */
    private static String defaultName() {
        return "worker-" + ManagementFactory.getRuntimeMXBean().getName().replace('@', '-');
    }

    /**
     * The command line of these options, for starting a worker in another process.
     *
     * @return the arguments
     */
    public String[] toArgs() {
        return new String[] {"--jdbc-url", jdbcUrl, "--gateway", gateway.toString(), "--environment",
            environment.wireName(), "--worker", worker, "--threads", Integer.toString(threads),
            "--interval-seconds", Long.toString(interval.toSeconds()), "--lease-seconds",
            Long.toString(lease.toSeconds()), "--heartbeat-seconds", Long.toString(heartbeat.toSeconds()),
            "--poll-millis", Long.toString(polling.toMillis()), "--batch-size", Integer.toString(batchSize)};
    }

    /** Shows every option but the JDBC URL, which may carry a password. */
    @Override
    public String toString() {
        return "FleetWorkerOptions[worker " + worker + ", gateway " + gateway + ", " + environment.wireName()
                + ", threads " + threads + ", interval " + interval + ", lease " + lease + ", heartbeat "
                + heartbeat + ", polling " + polling + ", batch size " + batchSize + "]";
    }
}
