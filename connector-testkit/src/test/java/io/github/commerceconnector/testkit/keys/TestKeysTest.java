package io.github.commerceconnector.testkit.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TestKeysTest {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private final TestKeyPair pair = TestKeys.rsa();

    private static byte[] body(String pem) {
        String[] lines = pem.strip().split("\n");
        StringBuilder base64 = new StringBuilder();
        for (int i = 1; i < lines.length - 1; i++) {
            base64.append(lines[i]);
        }
        return Base64.getDecoder().decode(base64.toString());
    }

    private static Object parse(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        }
    }

    @Test
    void handsOutFreshDistinct2048BitPairs() {
        Set<Object> moduli = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            TestKeyPair fresh = TestKeys.rsa();
            assertEquals(2048, fresh.bits());
            moduli.add(fresh.publicKey().getModulus());
        }
        assertEquals(3, moduli.size());
    }

    @Test
    void makesOtherSizesOnDemand() {
        assertEquals(1024, TestKeys.rsa(1024).bits());
    }

    @Test
    void pkcs8PemIsThePrivateKey() throws Exception {
        String pem = pair.pkcs8Pem();

        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        PrivateKey parsed = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(body(pem)));
        assertEquals(pair.privateKey(), parsed);
    }

    @Test
    void pkcs1PemIsThePrivateKey() throws Exception {
        String pem = pair.pkcs1Pem();

        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        PEMKeyPair parsed = (PEMKeyPair) parse(pem);
        assertEquals(pair.privateKey(), new JcaPEMKeyConverter().setProvider(BC).getKeyPair(parsed).getPrivate());
    }

    @Test
    void encryptedPkcs8PemDecryptsWithItsPassphraseOnly() throws Exception {
        String pem = pair.encryptedPkcs8Pem("s3cret phrase");

        assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        PKCS8EncryptedPrivateKeyInfo encrypted = (PKCS8EncryptedPrivateKeyInfo) parse(pem);
        PrivateKeyInfo decrypted = encrypted.decryptPrivateKeyInfo(
                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build("s3cret phrase".toCharArray()));
        assertEquals(pair.privateKey(), new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(decrypted));
        assertFalse(pem.contains("s3cret"));
    }

    @Test
    void publicKeyAndCertificatePemsCarryThePublicKey() throws Exception {
        assertEquals(pair.publicKey(),
                KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(body(pair.publicKeyPem()))));
        assertEquals(pair.publicKey(), CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pair.certificatePem().getBytes(StandardCharsets.US_ASCII))).getPublicKey());
    }

    @Test
    void ecKeysAreNotRsa() throws Exception {
        PrivateKey parsed = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(body(TestKeys.ecPrivateKeyPem())));

        assertEquals("EC", parsed.getAlgorithm());
    }

    @Test
    void apiKeysAreValidAndDistinct() {
        ApiKey first = TestKeys.apiKey();
        ApiKey second = TestKeys.apiKey();

        assertNotEquals(first, second);
        assertEquals(first, ApiKey.of(first.value()));
    }

    @Test
    void credentialsForRegistersThePublicHalfWithTheFake() {
        FakeCommerceServices services = FakeCommerceServices.create();

        ServiceCredentials credentials = TestKeys.credentialsFor(services);
        services.credentials().put(credentials);
        KeyCheck check = services.credentials().validate(Environment.SANDBOX);

        assertEquals(Environment.SANDBOX, credentials.environment());
        assertTrue(check.valid());
        assertTrue(check.gatewayConfirmed());
    }

    @Test
    void credentialsForAGatewayRegistersWithItsAccount() {
        try (FakeGateway gateway = FakeGateway.start()) {
            ServiceCredentials credentials = TestKeys.credentialsFor(gateway);

            gateway.services().credentials().put(credentials);

            assertTrue(gateway.services().credentials().validate(Environment.SANDBOX).valid());
        }
    }

    @Test
    void encryptedCredentialsCarryThePassphrase() {
        FakeCommerceServices services = FakeCommerceServices.create();
        ServiceCredentials credentials = pair.encryptedCredentials(Environment.SANDBOX, TestKeys.apiKey(), "phrase");

        services.credentials().put(credentials);

        assertEquals("phrase", credentials.passphraseIfAny().orElseThrow().reveal());
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        String body = pair.pkcs8Pem().split("\n")[1];

        assertEquals("TestKeyPair[RSA 2048]", pair.toString());
        assertFalse(pair.credentials(Environment.SANDBOX, TestKeys.apiKey()).toString().contains(body));
    }
}
