package io.github.commerceconnector.testkit.internal.keys;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

/**
 * Reads an RSA public key from PEM ({@code BEGIN PUBLIC KEY} or a {@code BEGIN CERTIFICATE}) with the
 * JDK alone, for the standalone fake gateway, which ships without BouncyCastle.
 */
public final class PublicKeyPem {

    private PublicKeyPem() {
    }

    /**
     * Parses the first public key or certificate in the text.
     *
     * @throws IllegalArgumentException naming what is wrong and what to give instead
     */
    public static PublicKey read(String text) {
        List<PemText.Block> blocks = PemText.blocks(PemText.normalize(text == null ? "" : text));
        for (PemText.Block block : blocks) {
            if (!block.decodes()) {
                continue;
            }
            try {
                if (block.label().equals("PUBLIC KEY")) {
                    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(block.der()));
                }
                if (block.label().equals("CERTIFICATE")) {
                    return CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(block.der())).getPublicKey();
                }
            } catch (GeneralSecurityException unreadable) {
                throw new IllegalArgumentException("The " + block.label() + " block is not an RSA public key: give "
                        + "the RSA public key (openssl rsa -in private-key.pem -pubout)");
            }
            if (block.label().contains("PRIVATE KEY")) {
                throw new IllegalArgumentException("This is a private key: give its public half instead "
                        + "(openssl rsa -in private-key.pem -pubout > public-key.pem)");
            }
            if (block.label().equals("RSA PUBLIC KEY")) {
                throw new IllegalArgumentException("This is a PKCS#1 public key: convert it with "
                        + "'openssl rsa -RSAPublicKey_in -in key.pem -pubout' to a BEGIN PUBLIC KEY block");
            }
        }
        throw new IllegalArgumentException("No -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE----- block was "
                + "found: give the RSA public key in PEM form");
    }
}
