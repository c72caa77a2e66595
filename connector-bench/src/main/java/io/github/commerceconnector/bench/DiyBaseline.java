package io.github.commerceconnector.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commerceconnector.api.catalog.FeedItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The do-it-yourself baseline: what a developer writes from Adobe's documentation with the JDK
 * {@link HttpClient} and Jackson. Batches of 100 items, gzipped at the JDK's default level (as the PHP
 * connector does), one request at a time, a freshly signed JWT per request, every item sent every
 * time, no state.
 */
final class DiyBaseline {
    private static final int BATCH = 100;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI feedUri;
    private final String apiKey;
    private final Algorithm algorithm;

    DiyBaseline(URI endpoint, String route, String dataSpaceId, String apiKey, RSAPrivateKey privateKey) {
        this.feedUri = endpoint.resolve(route + "/" + dataSpaceId);
        this.apiKey = apiKey;
        this.algorithm = Algorithm.RSA256(null, privateKey);
    }

    /** Sends every item; returns {requests, bytes on the wire}. */
    long[] send(Iterable<? extends FeedItem> items) throws IOException, InterruptedException {
        long requests = 0;
        long bytes = 0;
        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
        for (FeedItem item : items) {
            batch.add(item.fields());
            if (batch.size() == BATCH) {
                bytes += post(batch);
                requests++;
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            bytes += post(batch);
            requests++;
        }
        return new long[] {requests, bytes};
    }

    private long post(List<Map<String, Object>> batch) throws IOException, InterruptedException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            mapper.writeValue(gzip, batch);
        }
        byte[] body = buffer.toByteArray();
        Instant now = Instant.now();
        String jwt = JWT.create()
                .withIssuer("8E6307BF5D775FA00A495EF9@AdobeOrg")
                .withSubject("3181519E5E2714990A495E2E@techacct.adobe.com")
                .withAudience("https://ims-na1.adobelogin.com/c/9ec9d05f79eb443e8f76ce477b1e413c")
                .withExpiresAt(now.plusSeconds(300))
                .withIssuedAt(now.minusSeconds(30))
                .sign(algorithm);
        HttpRequest request = HttpRequest.newBuilder(feedUri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("x-api-key", apiKey)
                .header("magento-api-key", apiKey)
                .header("x-gw-signature", jwt)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("baseline request failed with HTTP " + response.statusCode());
        }
        return body.length;
    }
}
