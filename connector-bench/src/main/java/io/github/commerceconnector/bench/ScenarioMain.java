package io.github.commerceconnector.bench;

import io.github.commerceconnector.examples.CatalogGenerator;
import io.github.commerceconnector.examples.CatalogProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The entry point of a child JVM: runs one scenario of the end-to-end benchmark and prints its figures as one
 * {@link Figures#PREFIX result line}. Arguments: the scenario name, then {@code name=value} parameters
 * ({@code profile=realistic|small} picks the catalog, realistic by default).
 * Exit code 0 on success, 1 when the scenario failed (the reason goes to standard error).
 */
public final class ScenarioMain {

    private ScenarioMain() {
    }

    /**
     * Runs a scenario.
     *
     * @param args {@code sdk|baseline|limit|heap|cpu|fidelity|guardrail|signing} and its parameters
     */
    public static void main(String[] args) {
        try {
            System.out.println(run(args).toLine());
            System.exit(0);
        } catch (Exception | OutOfMemoryError e) {
            System.err.println("Scenario " + String.join(" ", args) + " failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    static Figures run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("Give a scenario: sdk, baseline, limit, heap, cpu, fidelity, guardrail or "
                    + "signing");
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Parameter '" + args[i] + "' is not name=value");
            }
            parameters.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        int size = integer(parameters, "size", 0);
        int warmup = integer(parameters, "warmup", 0);
        CatalogGenerator catalog = new CatalogGenerator(CatalogProfile.of(parameters.getOrDefault("profile",
                CatalogProfile.REALISTIC.label())));
        return switch (args[0]) {
            case "sdk" -> SdkScenarios.fullSync(catalog, size, warmup, Boolean.parseBoolean(parameters.get("resync")));
            case "baseline" -> BaselineRun.run(catalog, size, warmup);
            case "limit" -> LimitRun.run(catalog, size, warmup);
            case "heap" -> SdkScenarios.heap(catalog, size);
            case "cpu" -> SdkScenarios.cpuByThreads(catalog, size, warmup);
            case "fidelity" -> FidelityCheck.run(catalog, size);
            case "guardrail" -> GuardrailRun.run(catalog, size);
            case "signing" -> SigningRun.run(integer(parameters, "minutes", 60),
                    Double.parseDouble(parameters.getOrDefault("perSecond", "2")));
            default -> throw new IllegalArgumentException("Unknown scenario '" + args[0] + "'");
        };
    }

    private static int integer(Map<String, String> parameters, String name, int fallback) {
        String value = parameters.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
