package dev.dynamotest.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** The server's admin API ({@code /_dynamotest/}, see docs/admin-api.md) over plain HTTP. */
final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AdminClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    URI endpoint() {
        return endpoint;
    }

    Instant clock() {
        return Instant.parse(call("GET", "clock", null).get("now").asText());
    }

    Instant advanceClock(Duration by) {
        return Instant.parse(call("POST", "clock", JSON.createObjectNode().put("advance", by.toString())).get("now").asText());
    }

    Instant setClock(Instant to) {
        return Instant.parse(call("POST", "clock", JSON.createObjectNode().put("set", to.toString())).get("now").asText());
    }

    int sweepTtl() {
        return call("POST", "ttl/sweep", null).get("deleted").asInt();
    }

    void reset() {
        call("POST", "reset", null);
    }

    void enforceCapacity(boolean on) {
        call("POST", "capacity", JSON.createObjectNode().put("enforce", on));
    }

    /** POST /_dynamotest/consistency with {@code body}; the settings after it. */
    JsonNode consistency(JsonNode body) {
        return body == null ? call("GET", "consistency", null) : call("POST", "consistency", body);
    }

    JsonNode autoScaling(String table, String dimension, long min, long max, double targetUtilization) {
        return call("POST", "autoscaling", JSON.createObjectNode().put("table", table).put("dimension", dimension)
            .put("min", min).put("max", max).put("targetUtilization", targetUtilization));
    }

    JsonNode autoScaling() {
        return call("GET", "autoscaling", null);
    }

    JsonNode capacity() {
        return call("GET", "capacity", null);
    }

    /** The snapshot file of every table, or of one ({@code table} not null). */
    byte[] saveSnapshot(String table) {
        return send(HttpRequest.newBuilder(endpoint.resolve("/_dynamotest/snapshot"
            + (table == null ? "" : "?table=" + URLEncoder.encode(table, StandardCharsets.UTF_8)))).GET(), "GET");
    }

    void loadSnapshot(byte[] snapshot) {
        send(HttpRequest.newBuilder(endpoint.resolve("/_dynamotest/snapshot"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(snapshot)), "POST");
    }

    private byte[] send(HttpRequest.Builder b, String method) {
        b.timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json").header("X-DynamoTest-Admin", "1");
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("DynamoTest admin API: " + method + " /_dynamotest/snapshot answered "
                    + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoTest admin API at " + endpoint + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the DynamoTest admin API", e);
        }
    }

    /** The journal as JSON lines, filtered by the admin API's query parameters (e.g. {@code operation=Query}). */
    String journalLines(String query) {
        HttpRequest r = HttpRequest.newBuilder(endpoint.resolve("/_dynamotest/journal" + (query == null || query.isEmpty() ? "" : "?" + query)))
            .timeout(Duration.ofSeconds(30)).header("X-DynamoTest-Admin", "1").GET().build();
        try {
            HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("DynamoTest admin API: GET /_dynamotest/journal answered "
                    + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoTest admin API at " + endpoint + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the DynamoTest admin API", e);
        }
    }

    JsonNode call(String method, String resource, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/_dynamotest/" + resource))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-DynamoTest-Admin", "1"); // the admin API refuses requests without it (no cross-site calls)
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("DynamoTest admin API: " + method + " /_dynamotest/" + resource + " answered "
                    + r.statusCode() + ": " + (answer.has("error") ? answer.get("error").asText() : r.body()));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoTest admin API at " + endpoint + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the DynamoTest admin API", e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
