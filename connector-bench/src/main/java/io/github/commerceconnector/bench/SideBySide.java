package io.github.commerceconnector.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares builds of the SDK in one JVM, turn by turn: each build is loaded through a class loader of its own, syncs
 * a catalog into a state of its own, then the builds run the same scenario in alternating order (A B, B A, ...), so
 * that each round sees the machine as it is that minute. On a shared machine whose speed drifts by 15% or more
 * within minutes, this tells apart changes of a few percent that whole child JVMs run one after another cannot.
 * The CPU is the whole JVM's during each run (the other builds are idle then). {@code connector-bench/side-by-side.sh}
 * builds two git revisions and runs this.
 *
 * <p>Arguments: {@code [--scenario resync|full] [--size N] [--rounds R] [--profile small|realistic] build...}, each
 * build the path of a {@code connector-bench} jar (its manifest names its libraries), or {@code .} for this JVM's own
 * class path, optionally named: {@code name=path}. Prints each run, then per build the median of the rounds after
 * the first two (the JIT's), and each build's median ratio to the first build's run of the same round.
 */
public final class SideBySide {
    private static final String SIDE = BuildUnderTest.class.getName();
    private static final int WARM_UP_ROUNDS = 2;

    private SideBySide() {
    }

    /**
     * Runs a comparison.
     *
     * @param args options, then the builds
     */
    public static void main(String[] args) throws Exception {
        run(args, System.out);
        System.exit(0);
    }

    /** Runs a comparison, printing to {@code out}; returns each build's median CPU seconds, in the builds' order. */
    static double[] run(String[] args, PrintStream out) throws Exception {
        String scenario = "resync";
        String profile = "small";
        int size = 1_000_000;
        int rounds = 10;
        List<String> builds = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> scenario = value(args, ++i);
                case "--size" -> size = Integer.parseInt(value(args, ++i));
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                case "--profile" -> profile = value(args, ++i);
                default -> builds.add(args[i]);
            }
        }
        if (builds.isEmpty() || !(scenario.equals("resync") || scenario.equals("full")) || rounds < 1) {
            throw new IllegalArgumentException("Usage: SideBySide [--scenario resync|full] [--size N] [--rounds R] "
                    + "[--profile small|realistic] build... (a connector-bench jar, or . for this class path)");
        }
        List<Class<?>> sides = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            for (String build : builds) {
                int equals = build.indexOf('=');
                names.add(equals > 0 ? build.substring(0, equals) : build);
                Class<?> side = Class.forName(SIDE, true, new SideLoader(urls(build.substring(equals + 1))));
                sides.add(side);
                call(side, "prepare", new Class<?>[] {int.class, String.class}, size, profile);
            }
            return compare(names, sides, scenario, rounds, out);
        } finally {
            for (Class<?> side : sides) {
                call(side, "close", new Class<?>[0]);
            }
        }
    }

    private static double[] compare(List<String> names, List<Class<?>> sides, String scenario, int rounds,
            PrintStream out) throws Exception {
        int count = sides.size();
        double[][] cpu = new double[count][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < count; turn++) {
                int build = round % 2 == 0 ? turn : count - 1 - turn;
                double[] figures = (double[]) call(sides.get(build), scenario, new Class<?>[0]);
                cpu[build][round] = figures[1];
                out.printf("round %d  %-20s %6.2f s %6.2f CPU s%n", round, names.get(build), figures[0], figures[1]);
            }
        }
        int first = rounds > WARM_UP_ROUNDS ? WARM_UP_ROUNDS : 0;
        double[] medians = new double[count];
        for (int build = 0; build < count; build++) {
            medians[build] = median(Arrays.copyOfRange(cpu[build], first, rounds));
            double[] ratios = new double[rounds - first];
            for (int round = first; round < rounds; round++) {
                ratios[round - first] = cpu[build][round] / cpu[0][round];
            }
            out.printf("%-20s median %.3f CPU s of rounds %d to %d, x%.3f the first build's (median of the rounds' "
                    + "ratios)%n", names.get(build), medians[build], first, rounds - 1, median(ratios));
        }
        return medians;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Option " + args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static URL[] urls(String build) throws MalformedURLException {
        if (!build.equals(".")) {
            return new URL[] {Path.of(build).toUri().toURL()};
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Object call(Class<?> side, String name, Class<?>[] types, Object... arguments) throws Exception {
        Method method = side.getMethod(name, types);
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * A build's classes, with {@link BuildUnderTest} taken from the harness's own build (so that every build runs
     * the same scenario code, even one made before the class existed) and defined in the build's package.
     */
    private static final class SideLoader extends URLClassLoader {
        SideLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.equals(SIDE)) {
                return super.findClass(name);
            }
            try (InputStream in = SideBySide.class.getResourceAsStream("/" + SIDE.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
