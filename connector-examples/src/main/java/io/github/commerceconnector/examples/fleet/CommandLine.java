package io.github.commerceconnector.examples.fleet;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} options of the fleet's commands, checked against the names a command knows. */
final class CommandLine {
    private final Map<String, String> values;
    private final String usage;

    private CommandLine(Map<String, String> values, String usage) {
        this.values = values;
        this.usage = usage;
    }

    /**
     * Reads the options.
     *
     * @throws IllegalArgumentException naming an unknown option or one without a value, with the usage
     */
    static CommandLine parse(String[] args, Set<String> known, String usage) {
        Map<String, String> values = new HashMap<>();
        for (int n = 0; n < args.length; n++) {
            String name = args[n];
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option " + name + "\n" + usage);
            }
            if (n + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + usage);
            }
            values.put(name, args[++n]);
        }
        return new CommandLine(values, usage);
    }

    /** Whether the command line asks for the usage ({@code --help}). */
    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help");
    }

    /** A required option's value. */
    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required\n" + usage);
        }
        return value;
    }

    /** An option's value, or a default. */
    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** Whether the option was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * A whole-number option from {@code min} to {@code max}, or a default.
     *
     * @throws IllegalArgumentException naming the option and the range
     */
    int number(String name, int otherwise, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(name + " '" + value + "' is not a whole number from " + min + " to "
                + max + "\n" + usage);
    }
}
