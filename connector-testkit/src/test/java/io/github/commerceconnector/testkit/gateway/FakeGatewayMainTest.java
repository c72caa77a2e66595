package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FakeGatewayMainTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static TestKeyPair readPrivateKey(Path file) throws Exception {
        String pem = Files.readString(file);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(der));
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        return TestKeyPair.of(new KeyPair(publicKey, key));
    }

    @Test
    void generatesKeysWritesThemOwnerOnlyAndAcceptsThem() throws Exception {
        try (FakeGateway gateway = FakeGatewayMain.start(new String[] {"--port", "0", "--key-out",
                directory.toString(), "--project", "Bench", "--rate-limit", "0"}, out)) {
            Path privateKey = directory.resolve("private-key.pem");
            ApiKey apiKey = ApiKey.of(Files.readString(directory.resolve("api-key.txt")).strip());

            assertTrue(output().contains("listening on " + gateway.baseUri()), output());
            assertTrue(output().contains("Project 'Bench'"), output());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
            assertFalse(output().contains(apiKey.value()), "the API key id is printed");
            SignedClient client = new SignedClient(gateway, apiKey, readPrivateKey(privateKey));
            assertEquals(200, client.get("merchant-registry/v1/ping").statusCode());
            assertEquals(1, gateway.services().projects().list().size());
        }
    }

    /** Starts the gateway accepting a given key, with more options. */
    private FakeGateway startWithGivenKey(TestKeyPair keys, ApiKey apiKey, String... options) throws Exception {
        Path publicKey = Files.writeString(directory.resolve("public.pem"), keys.publicKeyPem());
        List<String> args = new ArrayList<>(List.of("--api-key", apiKey.value(), "--public-key-file",
                publicKey.toString()));
        args.addAll(List.of(options));
        return FakeGatewayMain.start(args.toArray(String[]::new), out);
    }

    @Test
    void acceptsAGivenPublicKeyAndApiKey() throws Exception {
        TestKeyPair keys = TestKeys.rsa();
        ApiKey apiKey = TestKeys.apiKey();

        try (FakeGateway gateway = startWithGivenKey(keys, apiKey, "--edition", "magento-open-source", "--sink")) {
            SignedClient client = new SignedClient(gateway, apiKey, keys);

            assertEquals(200, client.get("merchant-registry/v1/ping").statusCode());
            assertEquals(Edition.MAGENTO_OPEN_SOURCE, gateway.services().edition());
            assertTrue(gateway.isSink());
            assertFalse(Files.exists(directory.resolve("private-key.pem")));
        }
    }

    @Test
    void addsALatencyWhenAsked() throws Exception {
        try (FakeGateway gateway = startWithGivenKey(TestKeys.rsa(), TestKeys.apiKey(), "--latency", "50")) {
            assertEquals(Duration.ofMillis(50), gateway.latency());
        }
        assertThrows(IllegalArgumentException.class, () -> FakeGatewayMain.start(new String[] {"--latency", "-5"},
                out));
    }

    @Test
    void checksItemsAgainstTheExporterSchemaWhenAsked() throws Exception {
        TestKeyPair keys = TestKeys.rsa();
        ApiKey apiKey = TestKeys.apiKey();

        try (FakeGateway gateway = startWithGivenKey(keys, apiKey, "--rate-limit", "0", "--project", "Shop",
                "--check-schema")) {
            String dataSpace = gateway.services().projects().list().get(0).testingDataSpaces().get(0).id();
            HttpResponse<String> reply = new SignedClient(gateway, apiKey, keys).gzipJson(
                    Feed.PRODUCT_ATTRIBUTES.route() + "/" + dataSpace,
                    List.of(Map.of("attributeCode", "color", "storeViewCode", "default", "visibleInPLP", true)));

            assertEquals(200, reply.statusCode());
            assertTrue(reply.body().contains("\"field\":\"/0/visibleInPLP\""), reply.body());
        }
    }

    @Test
    void refusesAPrivateKeyGivenAsThePublicKey() throws Exception {
        Path wrong = Files.writeString(directory.resolve("private.pem"), TestKeys.rsa().pkcs8Pem());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FakeGatewayMain.start(new String[] {"--public-key-file", wrong.toString()}, out));

        assertTrue(error.getMessage().contains("public half"), error.getMessage());
    }

    @Test
    void refusesUnknownOptionsAndMissingValues() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> FakeGatewayMain.start(new String[] {"--bogus"}, out));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> FakeGatewayMain.start(new String[] {"--port"}, out));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> FakeGatewayMain.start(new String[] {"--port", "eighty"}, out));

        assertTrue(unknown.getMessage().contains("--bogus"));
        assertTrue(missing.getMessage().contains("--port"));
        assertTrue(notANumber.getMessage().contains("eighty"));
    }

    @Test
    void helpPrintsTheUsageAndStartsNothing() {
        assertNull(FakeGatewayMain.start(new String[] {"--help"}, out));
        assertTrue(output().contains("--public-key-file"));
    }
}
