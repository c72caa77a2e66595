package io.github.commerceconnector.testkit.gateway;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * A minimal client for the gateway tests: plain JDK HttpClient (HTTP/1.1, with a timeout), requests
 * signed with java-jwt as PROTOCOL.md §2 says.
 */
final class SignedClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final ApiKey apiKey;
    private final TestKeyPair keys;

    SignedClient(FakeGateway gateway, ApiKey apiKey, TestKeyPair keys) {
        this.base = gateway.baseUri();
        this.apiKey = apiKey;
        this.keys = keys;
    }

    /** A JWT as the connector signs it: RS256, exp now + 300 s, iat backdated 30 s. */
    static String jwt(TestKeyPair keys, Instant now) {
        return JWT.create().withExpiresAt(now.plusSeconds(300)).withIssuedAt(now.minusSeconds(30))
                .withIssuer("8E6307BF5D775FA00A495EF9@AdobeOrg")
                .sign(Algorithm.RSA256(keys.publicKey(), keys.privateKey()));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("x-api-key", apiKey.value()).header("magento-api-key", apiKey.value())
                .header("x-gw-signature", jwt(keys, Instant.now()));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> json(String method, String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
    }

    HttpResponse<String> gzipJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(bytes(body)))).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        return sendWith(http, request);
    }

    HttpResponse<String> sendWith(HttpClient other, HttpRequest request) {
        try {
            return other.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    HttpClient http() {
        return http;
    }

    static byte[] bytes(Object body) {
        try {
            return body instanceof String ? ((String) body).getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return out.toByteArray();
    }

    static Object parse(String body) {
        try {
            return JSON.readValue(body, Object.class);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
