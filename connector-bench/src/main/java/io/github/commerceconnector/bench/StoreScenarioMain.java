package io.github.commerceconnector.bench;

/**
 * The entry point of a child JVM of the state store benchmark: runs one {@link StoreScenarios scenario} and prints
 * its figures as one {@link Figures#PREFIX result line}. Exit code 0 on success, 1 when it failed (the reason goes
 * to standard error).
 */
public final class StoreScenarioMain {

    private StoreScenarioMain() {
    }

    /**
     * Runs a scenario.
     *
     * @param args {@code sync|heap}, the store ({@code file|jdbc}), the number of products, the warm-up products,
     *             the JDBC URL and, for {@code sync}, the feed requests in flight
     */
    public static void main(String[] args) {
        try {
            int size = Integer.parseInt(args[2]);
            Figures figures = switch (args[0]) {
                case "sync" -> StoreScenarios.sync(args[1], size, Integer.parseInt(args[3]), args[4],
                        Integer.parseInt(args[5]));
                case "heap" -> StoreScenarios.heap(args[1], size, args[4]);
                default -> throw new IllegalArgumentException("Unknown scenario '" + args[0] + "': sync or heap");
            };
            System.out.println(figures.toLine());
            System.exit(0);
        } catch (Exception | OutOfMemoryError e) {
            System.err.println("Store scenario " + String.join(" ", args) + " failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }
}
