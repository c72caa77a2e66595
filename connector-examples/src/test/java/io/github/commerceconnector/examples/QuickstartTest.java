package io.github.commerceconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quickstart the way the README does, with a small catalog. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QuickstartTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Quickstart.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsTheWholeFlowAgainstAnInProcessFakeGateway(@TempDir Path state) {
        int code = run("--products", "300", "--state-dir", state.toString());

        assertEquals(0, code, () -> output() + err.toString(StandardCharsets.UTF_8));
        String output = output();
        assertTrue(output.contains("Guard: selecting the production data space from a non-production installation"
                + " was refused"), output);
        assertTrue(output.contains("Selected data space 'Testing 1'"), output);
        assertTrue(output.contains("only the 3 changed products were sent (300 before)"), output);
        for (String feed : List.of("product attributes: 18 read, 18 sent", "websites: 1 read, 1 sent",
                "customer groups: 4 read, 4 sent", "categories: 60 read, 60 sent", "variants: 180 read, 180 sent",
                "prices: 270 read, 270 sent", "stock statuses: 300 read, 300 sent", "ratings: 3 read, 3 sent",
                "reviews: 60 read, 60 sent", "product overrides: 300 read, 300 sent",
                "category permissions: 60 read, 60 sent")) {
            assertTrue(output.contains("Synced " + feed), feed + " in " + output);
        }
        int last = -1;
        for (String feed : List.of("product attributes", "categories", "products", "customer groups", "websites",
                "prices", "product overrides", "variants", "category permissions", "stock statuses", "ratings",
                "reviews")) {
            int at = output.indexOf("Synced " + feed + ":");
            assertTrue(at > last, feed + " synced in the dashboard's order, then the others as given: " + output);
            last = at;
        }
        assertTrue(output.contains("inventoryStockStatus"), output);
        assertTrue(output.contains("Quickstart finished: every step passed."), output);
    }

    @Test
    void skipsAFeedWhoseAssumedRouteTheGatewayDoesNotServe(@TempDir Path state) throws Exception {
        try (FakeGateway gateway = FakeGateway.builder().environment(Environment.SANDBOX).noRateLimit()
                .checkSchema(true).start()) {
            gateway.registerFeed(Feed.REVIEWS.withRoute("feeds/reviews/v9/elsewhere"));
            ServiceCredentials credentials = TestKeys.credentialsFor(gateway);
            Path keyFile = Files.writeString(state.resolve("private.pem"), credentials.privateKey().reveal());

            int code = run("--endpoint", gateway.baseUri().toString(), "--api-key", credentials.apiKey().value(),
                    "--private-key-file", keyFile.toString(), "--products", "100", "--state-dir",
                    state.resolve("state").toString());

            assertEquals(0, code, () -> output() + err.toString(StandardCharsets.UTF_8));
            assertTrue(output().contains("Synced reviews: skipped, this gateway does not serve "
                    + "feeds/reviews/v1/reviews (an assumed route"), output());
        }
    }

    @Test
    void usesOnlyTheGatewayGivenWithEndpoint(@TempDir Path state) throws Exception {
        try (FakeGateway gateway = FakeGateway.builder().environment(Environment.SANDBOX).noRateLimit().start()) {
            ServiceCredentials credentials = TestKeys.credentialsFor(gateway);
            Path keyFile = Files.writeString(state.resolve("private.pem"), credentials.privateKey().reveal());

            int code = run("--endpoint", gateway.baseUri().toString(), "--api-key", credentials.apiKey().value(),
                    "--private-key-file", keyFile.toString(), "--products", "200", "--project", "Given gateway",
                    "--state-dir", state.resolve("state").toString());

            assertEquals(0, code, () -> output() + err.toString(StandardCharsets.UTF_8));
            assertTrue(gateway.requestCount() > 0, "the given gateway received no request");
            assertEquals(1, gateway.services().projects().list().size());
            assertEquals("Given gateway", gateway.services().projects().list().get(0).name());
            assertTrue(output().contains("only the 2 changed products were sent (200 before)"), output());
        }
    }

    @Test
    void failsWithExitCodeOneAndAClearMessageWhenTheGatewayRefusesTheKeys(@TempDir Path state) throws Exception {
        try (FakeGateway gateway = FakeGateway.builder().environment(Environment.SANDBOX).start()) {
            ServiceCredentials unregistered = TestKeys.credentials(Environment.SANDBOX);
            Path keyFile = Files.writeString(state.resolve("private.pem"), unregistered.privateKey().reveal());

            int code = run("--endpoint", gateway.baseUri().toString(), "--api-key", unregistered.apiKey().value(),
                    "--private-key-file", keyFile.toString());

            assertEquals(1, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("quickstart failed: "),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void deletesTheTemporaryStateDirectoryItMadeEvenWhenItFails(@TempDir Path state) throws Exception {
        Set<Path> before = temporaryStateDirectories();
        try (FakeGateway gateway = FakeGateway.builder().environment(Environment.SANDBOX).start()) {
            ServiceCredentials unregistered = TestKeys.credentials(Environment.SANDBOX);
            Path keyFile = Files.writeString(state.resolve("private.pem"), unregistered.privateKey().reveal());

            assertEquals(1, run("--endpoint", gateway.baseUri().toString(), "--api-key",
                    unregistered.apiKey().value(), "--private-key-file", keyFile.toString()));
        }
        assertEquals(0, run("--products", "50"), () -> output() + err.toString(StandardCharsets.UTF_8));

        Set<Path> left = temporaryStateDirectories();
        left.removeAll(before);
        assertEquals(Set.of(), left, "temporary state directories left behind");
    }

    private static Set<Path> temporaryStateDirectories() throws IOException {
        try (Stream<Path> paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return paths.filter(path -> path.getFileName().toString().startsWith(Quickstart.TEMPORARY_STATE_PREFIX))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    @Test
    void printsHelp() {
        assertEquals(0, run("--help"));
        assertTrue(output().contains("--private-key-file FILE"), output());
    }

    @Test
    void ridesOutAFlakyFakeGatewayAndSaysWhenItWaitsAndResumes(@TempDir Path state) {
        int code = run("--products", "300", "--state-dir", state.toString(), "--gateway-fail-first", "4",
                "--gateway-fail-every", "7", "--gateway-reset-every", "5", "--gateway-retry-after", "1");

        assertEquals(0, code, () -> output() + err.toString(StandardCharsets.UTF_8));
        String output = output();
        assertTrue(output.contains("FeedChaos[the first 4 answered 503; every 7. answered 503; every 5. applied then "
                + "reset]"), output);
        assertTrue(output.contains("waiting: the gateway is failing requests"), output);
        assertTrue(output.contains("resumed: the gateway answers again"), output);
        assertTrue(output.contains("The fake gateway holds 300 products"), output);
        assertTrue(output.contains("and 0 arrived inside a Retry-After window"), output);
        assertTrue(output.contains("Quickstart finished: every step passed."), output);
    }

    @Test
    void aFakeGatewayWithAddedLatencyStillEndsExact(@TempDir Path state) {
        int code = run("--products", "200", "--state-dir", state.toString(), "--gateway-latency", "20");

        assertEquals(0, code, () -> output() + err.toString(StandardCharsets.UTF_8));
        assertTrue(output().contains("every reply after 20 ms"), output());
        assertTrue(output().contains("The fake gateway holds 200 products"), output());
        assertEquals(2, run("--gateway-latency", "-1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--gateway-latency '-1' is not a number from"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesFakeGatewayOptionsWithAnEndpointAndBadValues() {
        assertEquals(2, run("--endpoint", "http://127.0.0.1:9/", "--api-key", "k", "--private-key-file", "k.pem",
                "--gateway-fail-every", "3"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("with --endpoint there is none"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("--gateway-fail-every", "0"));
        assertEquals(2, run("--gateway-reset-share", "2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--gateway-reset-share '2' is not a number from"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesBadOptionsWithExitCodeTwo() {
        assertEquals(2, run("--environment", "staging"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("use 'production' or 'sandbox'"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnEndpointWithoutKeys() {
        assertEquals(2, run("--endpoint", "http://127.0.0.1:9/"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--endpoint needs --api-key and --private-key-file"));
    }
}
