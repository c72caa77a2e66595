package io.github.commerceconnector.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.Secret;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.CredentialsNotFoundException;
import io.github.commerceconnector.api.exception.InvalidKeyException;
import io.github.commerceconnector.api.exception.InvalidKeyException.Problem;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every writable {@link CredentialStore} must show (DESIGN.md, PITFALLS.md): find,
 * require, put, remove, rotation with listeners, validation of the key material at {@code put} with
 * the exact {@link InvalidKeyException.Problem}, and messages that never echo key material. Extend it
 * and implement {@link #createStore()}.
 */
@Timeout(60)
public abstract class CredentialStoreContract {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final Map<String, String> SHARED_PEMS = new ConcurrentHashMap<>();

    /** Key material the refusal tests share (generating keys is slow; they only need its form). */
    private static String sharedPem(String kind) {
        return SHARED_PEMS.computeIfAbsent(kind, k -> {
            switch (k) {
                case "rsa":
                    return TestKeys.rsa().pkcs8Pem();
                case "pkcs1":
                    return TestKeys.rsa().pkcs1Pem();
                case "encrypted":
                    return TestKeys.rsa().encryptedPkcs8Pem(PASSPHRASE);
                case "public":
                    return TestKeys.rsa().publicKeyPem();
                case "certificate":
                    return TestKeys.rsa().certificatePem();
                case "ec":
                    return TestKeys.ecPrivateKeyPem();
                case "short":
                    return TestKeys.rsa(1024).pkcs8Pem();
                default:
                    throw new IllegalArgumentException(k);
            }
        });
    }

    /** A fresh, empty, writable store of the implementation under test. */
    protected abstract CredentialStore createStore();

    /**
     * Credentials whose keys the store's {@link CredentialStore#validate} accepts. The default makes
     * fresh keys registered nowhere, which suits a store that checks the key material only; a store
     * that asks a gateway registers them there.
     */
    protected ServiceCredentials issueCredentials(Environment environment) {
        return TestKeys.credentials(environment);
    }

    /**
     * Whether {@link CredentialStore#validate} asks a gateway, so that keys it does not know are
     * reported invalid. Default {@code false} (a store checking key material only).
     */
    protected boolean validateAsksGateway() {
        return false;
    }

    private static ServiceCredentials withKey(String pem) {
        return ServiceCredentials.of(Environment.SANDBOX, TestKeys.apiKey().value(), pem);
    }

    private static Problem problemOf(CredentialStore store, ServiceCredentials credentials) {
        return assertThrows(InvalidKeyException.class, () -> store.put(credentials)).problem();
    }

    /** An empty store finds nothing. */
    @Test
    public void findOfAnEmptyStoreIsEmpty() {
        CredentialStore store = createStore();

        assertEquals(Optional.empty(), store.find(Environment.SANDBOX));
        assertEquals(Optional.empty(), store.find(Environment.PRODUCTION));
    }

    /** {@code require} of a missing environment names it in a {@link CredentialsNotFoundException}. */
    @Test
    public void requireThrowsCredentialsNotFoundWhenMissing() {
        CredentialStore store = createStore();

        CredentialsNotFoundException error = assertThrows(CredentialsNotFoundException.class,
                () -> store.require(Environment.PRODUCTION));
        assertEquals(Environment.PRODUCTION, error.environment());
    }

    /** Stored credentials are found again, key unchanged. */
    @Test
    public void putThenFindReturnsTheCredentials() {
        CredentialStore store = createStore();
        ServiceCredentials credentials = issueCredentials(Environment.SANDBOX);

        store.put(credentials);

        ServiceCredentials found = store.require(Environment.SANDBOX);
        assertEquals(Environment.SANDBOX, found.environment());
        assertEquals(credentials.apiKey(), found.apiKey());
        assertEquals(credentials.privateKey(), found.privateKey());
    }

    /** Production and sandbox keys are kept apart. */
    @Test
    public void environmentsAreIndependent() {
        CredentialStore store = createStore();
        ServiceCredentials sandbox = issueCredentials(Environment.SANDBOX);
        ServiceCredentials production = issueCredentials(Environment.PRODUCTION);

        store.put(sandbox);
        store.put(production);
        store.remove(Environment.SANDBOX);

        assertEquals(Optional.empty(), store.find(Environment.SANDBOX));
        assertEquals(production.apiKey(), store.require(Environment.PRODUCTION).apiKey());
    }

    /** A second put replaces the environment's keys (rotation). */
    @Test
    public void putReplacesThePreviousKeys() {
        CredentialStore store = createStore();
        store.put(issueCredentials(Environment.SANDBOX));
        ServiceCredentials rotated = issueCredentials(Environment.SANDBOX);

        store.put(rotated);

        assertEquals(rotated.apiKey(), store.require(Environment.SANDBOX).apiKey());
        assertEquals(rotated.privateKey(), store.require(Environment.SANDBOX).privateKey());
    }

    /** {@code remove} says whether keys were stored, and forgets them. */
    @Test
    public void removeReturnsWhetherKeysWereStored() {
        CredentialStore store = createStore();
        store.put(issueCredentials(Environment.SANDBOX));

        assertTrue(store.remove(Environment.SANDBOX));
        assertFalse(store.remove(Environment.SANDBOX));
        assertEquals(Optional.empty(), store.find(Environment.SANDBOX));
    }

    /** Listeners are told of a rotation after the new keys are visible, and of a removal. */
    @Test
    public void listenersAreToldOfRotationAndRemoval() {
        CredentialStore store = createStore();
        List<String> events = new ArrayList<>();
        AtomicReference<Optional<ServiceCredentials>> seenByReader = new AtomicReference<>();
        store.addListener((environment, current) -> {
            events.add(environment + ":" + current.map(c -> c.apiKey().lastFour()).orElse("removed"));
            seenByReader.set(store.find(environment));
        });
        ServiceCredentials first = issueCredentials(Environment.SANDBOX);
        ServiceCredentials second = issueCredentials(Environment.SANDBOX);

        store.put(first);
        store.put(second);
        assertEquals(Optional.of(second.apiKey()), seenByReader.get().map(ServiceCredentials::apiKey));
        store.remove(Environment.SANDBOX);

        assertEquals(List.of("SANDBOX:" + first.apiKey().lastFour(), "SANDBOX:" + second.apiKey().lastFour(),
                "SANDBOX:removed"), events);
    }

    /** A closed listener registration hears nothing more. */
    @Test
    public void closedListenerHearsNothingMore() {
        CredentialStore store = createStore();
        List<Environment> heard = new ArrayList<>();
        CredentialStore.ListenerRegistration registration = store.addListener((environment, current) ->
                heard.add(environment));
        store.put(issueCredentials(Environment.SANDBOX));

        registration.close();
        registration.close();
        store.put(issueCredentials(Environment.SANDBOX));

        assertEquals(List.of(Environment.SANDBOX), heard);
    }

    /** A refused put keeps the previous keys and tells no listener. */
    @Test
    public void refusedPutKeepsThePreviousKeys() {
        CredentialStore store = createStore();
        ServiceCredentials good = issueCredentials(Environment.SANDBOX);
        store.put(good);
        List<Environment> heard = new ArrayList<>();
        store.addListener((environment, current) -> heard.add(environment));

        assertThrows(InvalidKeyException.class, () -> store.put(withKey("not a key")));

        assertEquals(good.apiKey(), store.require(Environment.SANDBOX).apiKey());
        assertEquals(List.of(), heard);
    }

    /** PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) keys are accepted. */
    @Test
    public void acceptsPkcs1Keys() {
        CredentialStore store = createStore();

        assertDoesNotThrow(() -> store.put(withKey(sharedPem("pkcs1"))));
        assertTrue(store.find(Environment.SANDBOX).isPresent());
    }

    /** Encrypted PKCS#8 keys are accepted with their passphrase. */
    @Test
    public void acceptsEncryptedPkcs8KeysWithTheirPassphrase() {
        CredentialStore store = createStore();
        ServiceCredentials credentials = ServiceCredentials.of(Environment.SANDBOX, TestKeys.apiKey().value(),
                sharedPem("encrypted"), PASSPHRASE);

        assertDoesNotThrow(() -> store.put(credentials));
        assertTrue(store.find(Environment.SANDBOX).isPresent());
    }

    /** Keys pasted with Windows line endings, literal {@code \n}, or newlines flattened to spaces are accepted. */
    @Test
    public void acceptsKeysWithMangledLineBreaks() {
        CredentialStore store = createStore();
        String pem = sharedPem("rsa");

        assertDoesNotThrow(() -> store.put(withKey(pem.replace("\n", "\r\n"))));
        assertDoesNotThrow(() -> store.put(withKey(pem.replace("\n", "\\n"))));
        assertDoesNotThrow(() -> store.put(withKey(pem.replace("\n", " "))));
    }

    /** An empty or blank key is refused as {@link Problem#EMPTY}. */
    @Test
    public void refusesAnEmptyKey() {
        CredentialStore store = createStore();

        assertEquals(Problem.EMPTY, problemOf(store, withKey("")));
        assertEquals(Problem.EMPTY, problemOf(store, withKey("  \n ")));
        assertEquals(Optional.empty(), store.find(Environment.SANDBOX));
    }

    /** Text without PEM armor is refused as {@link Problem#NOT_PEM}. */
    @Test
    public void refusesTextThatIsNotPem() {
        assertEquals(Problem.NOT_PEM, problemOf(createStore(), withKey("my-secret-key")));
    }

    /** A public key pasted where the private key belongs is refused as {@link Problem#PUBLIC_KEY}. */
    @Test
    public void refusesAPublicKey() {
        assertEquals(Problem.PUBLIC_KEY, problemOf(createStore(), withKey(sharedPem("public"))));
    }

    /** A certificate pasted where the private key belongs is refused as {@link Problem#CERTIFICATE}. */
    @Test
    public void refusesACertificate() {
        assertEquals(Problem.CERTIFICATE, problemOf(createStore(), withKey(sharedPem("certificate"))));
    }

    /** A key that is not RSA is refused as {@link Problem#NOT_RSA}. */
    @Test
    public void refusesANonRsaKey() {
        assertEquals(Problem.NOT_RSA, problemOf(createStore(), withKey(sharedPem("ec"))));
    }

    /** An RSA key under 2048 bits is refused as {@link Problem#TOO_SHORT}. */
    @Test
    public void refusesAnRsaKeyShorterThan2048Bits() {
        assertEquals(Problem.TOO_SHORT, problemOf(createStore(), withKey(sharedPem("short"))));
    }

    /** An encrypted key without a passphrase is refused as {@link Problem#PASSPHRASE_REQUIRED}. */
    @Test
    public void refusesAnEncryptedKeyWithoutPassphrase() {
        String encrypted = sharedPem("encrypted");

        assertEquals(Problem.PASSPHRASE_REQUIRED, problemOf(createStore(), withKey(encrypted)));
    }

    /** An encrypted key with the wrong passphrase is refused as {@link Problem#WRONG_PASSPHRASE}. */
    @Test
    public void refusesAnEncryptedKeyWithTheWrongPassphrase() {
        ServiceCredentials credentials = ServiceCredentials.of(Environment.SANDBOX, TestKeys.apiKey().value(),
                sharedPem("encrypted"), "not the passphrase");

        assertEquals(Problem.WRONG_PASSPHRASE, problemOf(createStore(), credentials));
    }

    /** Two private keys in one paste are refused as {@link Problem#MULTIPLE_KEYS}. */
    @Test
    public void refusesTwoKeysAtOnce() {
        String two = sharedPem("rsa") + sharedPem("pkcs1");

        assertEquals(Problem.MULTIPLE_KEYS, problemOf(createStore(), withKey(two)));
    }

    /** A key whose base64 body was cut short is refused as {@link Problem#CORRUPT}. */
    @Test
    public void refusesATruncatedKey() {
        String[] lines = sharedPem("rsa").split("\n");
        StringBuilder truncated = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length / 2; i++) {
            truncated.append(lines[i]).append('\n');
        }
        truncated.append(lines[lines.length - 1]).append('\n');

        assertEquals(Problem.CORRUPT, problemOf(createStore(), withKey(truncated.toString())));
    }

    /** An OpenSSH private key is refused as {@link Problem#UNSUPPORTED_FORMAT} (it must be converted). */
    @Test
    public void refusesAnOpenSshKey() {
        String body = Base64.getMimeEncoder(70, new byte[] {'\n'})
                .encodeToString("openssh-key-v1\0not really a key, only its armor matters here".getBytes(
                        StandardCharsets.US_ASCII));
        String openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n";

        assertEquals(Problem.UNSUPPORTED_FORMAT, problemOf(createStore(), withKey(openssh)));
    }

    /** No message of a refused key and no {@code toString} of a store echoes key material. */
    @Test
    public void neverEchoesKeyMaterial() {
        CredentialStore store = createStore();
        TestKeyPair pair = TestKeys.rsa();
        String pem = pair.pkcs8Pem();
        String bodyLine = pem.split("\n")[1];
        List<ServiceCredentials> refused = List.of(withKey(pem.substring(0, pem.length() / 2)),
                withKey(pair.publicKeyPem()), withKey(sharedPem("short")),
                ServiceCredentials.of(Environment.SANDBOX, TestKeys.apiKey().value(),
                        pair.encryptedPkcs8Pem(PASSPHRASE), "Zq9-not-the-passphrase-77"));
        for (ServiceCredentials credentials : refused) {
            InvalidKeyException error = assertThrows(InvalidKeyException.class, () -> store.put(credentials));
            String message = String.valueOf(error.getMessage());
            assertFalse(message.contains(bodyLine), "the message echoes the key: " + error.problem());
            assertFalse(message.contains(pair.publicKeyPem().split("\n")[1]), "the message echoes the public key");
            assertFalse(message.contains("Zq9-not-the-passphrase-77") || message.contains(PASSPHRASE),
                    "the message echoes the passphrase");
        }
        ServiceCredentials good = issueCredentials(Environment.SANDBOX);
        store.put(good);
        String printed = store + " " + store.require(Environment.SANDBOX);
        assertFalse(printed.contains(good.privateKey().reveal().split("\n")[1]), "toString shows the private key");
        assertFalse(printed.contains(good.apiKey().value()), "toString shows the whole API key");
    }

    /** {@code validate} of an environment without keys is a {@link CredentialsNotFoundException}. */
    @Test
    public void validateOfAMissingEnvironmentThrowsCredentialsNotFound() {
        CredentialStore store = createStore();

        assertThrows(CredentialsNotFoundException.class, () -> store.validate(Environment.SANDBOX));
    }

    /** {@code validate} reports usable keys as valid. */
    @Test
    public void validateReportsUsableKeysAsValid() {
        CredentialStore store = createStore();
        store.put(issueCredentials(Environment.SANDBOX));

        KeyCheck check = store.validate(Environment.SANDBOX);

        assertEquals(Environment.SANDBOX, check.environment());
        assertTrue(check.valid(), check.message());
    }

    /**
     * Keys the gateway does not know: a store that asks a gateway reports them invalid, confirmed by it;
     * a store that checks key material only accepts them and says the gateway did not confirm it.
     */
    @Test
    public void validateSaysWhetherTheGatewayConfirmedUnknownKeys() {
        CredentialStore store = createStore();
        store.put(TestKeys.rsa().credentials(Environment.SANDBOX, ApiKey.of("unknown-api-key-id")));

        KeyCheck check = store.validate(Environment.SANDBOX);

        if (validateAsksGateway()) {
            assertFalse(check.valid(), check.message());
            assertTrue(check.gatewayConfirmed(), check.message());
        } else {
            assertTrue(check.valid(), check.message());
            assertFalse(check.gatewayConfirmed(), "a store that checks key material only claimed the gateway "
                    + "confirmed the keys: " + check.message());
        }
    }

    /** The secret wrapper used by stored credentials never prints. */
    @Test
    public void storedPrivateKeyIsASecretThatDoesNotPrint() {
        CredentialStore store = createStore();
        store.put(issueCredentials(Environment.SANDBOX));

        Secret key = store.require(Environment.SANDBOX).privateKey();

        assertEquals("Secret[<redacted>]", key.toString());
    }
}
