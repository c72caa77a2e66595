package io.github.commerceconnector.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.internal.keys.PemKeyParser;
import io.github.commerceconnector.core.testsupport.BadKey;
import io.github.commerceconnector.core.testsupport.KeyPems;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad key material, through every way in: the PEM parser, the in-memory and file stores' {@code put}, and the
 * environment-variable store. Each malformed key is refused with exactly {@link InvalidKeyException} carrying its
 * {@link Problem}, with a message that names the problem, quotes no key material and passes on no library's
 * message; each repairable form comes out as the very same key.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MalformedKeyTest {
    private static final String API_KEY = "malformed-key-test-api-key";
    private static final int FRAGMENT = 12;
    /** What the message must mention for each problem. */
    private static final Map<Problem, List<String>> NAMES = new EnumMap<>(Problem.class);

    static {
        NAMES.put(Problem.EMPTY, List.of("empty"));
        NAMES.put(Problem.NOT_PEM, List.of("PEM", "BEGIN"));
        NAMES.put(Problem.MALFORMED_PEM, List.of("line"));
        NAMES.put(Problem.CORRUPT, List.of("truncated", "corrupted", "cut off", "damaged", "nothing between"));
        NAMES.put(Problem.PUBLIC_KEY, List.of("public key"));
        NAMES.put(Problem.CERTIFICATE, List.of("certificate"));
        NAMES.put(Problem.PASSPHRASE_REQUIRED, List.of("passphrase"));
        NAMES.put(Problem.WRONG_PASSPHRASE, List.of("passphrase"));
        NAMES.put(Problem.NOT_RSA, List.of("RSA"));
        NAMES.put(Problem.TOO_SHORT, List.of("bits"));
        NAMES.put(Problem.MULTIPLE_KEYS, List.of("private keys"));
        NAMES.put(Problem.UNSUPPORTED_FORMAT, List.of("not supported", "no private key"));
    }

    @TempDir
    Path directory;

    static List<BadKey> refused() {
        return MoreBadKeys.refused();
    }

    static List<BadKey> repaired() {
        return MoreBadKeys.repaired();
    }

    @Test
    void theCatalogueHoldsAtLeastThirtyMalformedKeys() {
        assertTrue(refused().size() >= 30, "cases: " + refused().size());
        assertTrue(refused().stream().map(BadKey::expected).distinct().count() >= 12, "every kind of problem");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void theParserRefusesItNamingTheProblem(BadKey bad) {
        assertRefused(bad, () -> PemKeyParser.parsePrivateKey(bad.pemSecret(), bad.passphraseSecret()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void everyWritableStoreRefusesItAndKeepsTheKeysItHad(BadKey bad) {
        ServiceCredentials good = ServiceCredentials.of(Environment.SANDBOX, API_KEY, KeyPems.pkcs8(KeyPems.rsa()));
        for (CredentialStore store : List.of(CredentialStores.inMemory(),
                CredentialStores.file(directory.resolve("credentials.json")))) {
            store.put(good);
            ServiceCredentials credentials = new ServiceCredentials(Environment.SANDBOX, ApiKey.of(API_KEY),
                    bad.pemSecret(), bad.passphraseSecret());
            assertRefused(bad, () -> {
                store.put(credentials);
                return null;
            });
            assertEquals(good, store.require(Environment.SANDBOX), "the previous keys are kept");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void theEnvironmentStoreRefusesItNamingTheVariable(BadKey bad) {
        if (bad.pem().isBlank() || bad.pem().length() > 100_000) {
            return;
        }
        Map<String, String> variables = new java.util.HashMap<>(Map.of("COMMERCE_CONNECTOR_SANDBOX_API_KEY", API_KEY,
                "COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY", bad.pem()));
        if (bad.passphrase() != null) {
            variables.put("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY_PASSPHRASE", bad.passphrase());
        }
        InvalidKeyException refused = assertRefused(bad,
                () -> CredentialStores.fromEnvironment(variables, new Properties()));
        assertTrue(refused.getMessage().contains("COMMERCE_CONNECTOR_SANDBOX_PRIVATE_KEY"), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repaired")
    void repairableDamageGivesTheVeryKey(BadKey damaged) {
        RSAPrivateCrtKey key = PemKeyParser.parsePrivateKey(damaged.pemSecret(), damaged.passphraseSecret());
        RSAPrivateCrtKey original = (RSAPrivateCrtKey) KeyPems.rsa().getPrivate();
        assertEquals(original.getModulus(), key.getModulus());
        assertEquals(original.getPrivateExponent(), key.getPrivateExponent());
        CredentialStore store = CredentialStores.inMemory();
        store.put(new ServiceCredentials(Environment.SANDBOX, ApiKey.of(API_KEY), damaged.pemSecret(),
                damaged.passphraseSecret()));
        assertTrue(store.validate(Environment.SANDBOX).valid());
    }

    private static InvalidKeyException assertRefused(BadKey bad, Supplier<?> call) {
        InvalidKeyException refused;
        try {
            call.get();
            fail(bad.name() + " was accepted");
            return null;
        } catch (InvalidKeyException e) {
            refused = e;
        } catch (RuntimeException e) {
            fail(bad.name() + " threw " + e.getClass().getName() + " instead of InvalidKeyException");
            return null;
        }
        assertSame(InvalidKeyException.class, refused.getClass());
        assertEquals(bad.expected(), refused.problem(), refused.getMessage());
        String message = refused.getMessage();
        assertTrue(NAMES.get(bad.expected()).stream().anyMatch(message::contains),
                "the message names the problem (" + NAMES.get(bad.expected()) + "): " + message);
        for (String internal : List.of("org.bouncycastle", "java.", "DerValue", "Exception", "null")) {
            assertFalse(message.contains(internal), "a library's message leaked through: " + message);
        }
        assertQuotesNoKeyMaterial(bad, message);
        for (Throwable cause = refused.getCause(); cause != null; cause = cause.getCause()) {
            assertQuotesNoKeyMaterial(bad, String.valueOf(cause.getMessage()));
        }
        return refused;
    }

    /** No run of {@value #FRAGMENT} characters of the key text (armor lines aside) or the passphrase appears. */
    private static void assertQuotesNoKeyMaterial(BadKey bad, String message) {
        String compact = bad.pem().replaceAll("-----[A-Z ]+-----", " ").replaceAll("\\s+", "");
        if (compact.length() > 200_000) {
            compact = compact.substring(0, 200_000);
        }
        for (int i = 0; i + FRAGMENT <= message.length(); i++) {
            String window = message.substring(i, i + FRAGMENT);
            if (!window.contains(" ") && compact.contains(window)) {
                fail("the message quotes the key ('" + window.substring(0, 4) + "...'): " + bad.name());
            }
        }
        if (bad.passphrase() != null && !bad.passphrase().isEmpty()) {
            assertFalse(message.contains(bad.passphrase()), "the message quotes the passphrase");
        }
        assertFalse(message.contains(Secret.of(bad.pem()).reveal().strip()) && !bad.pem().isBlank(),
                "the message is the key");
    }
}
