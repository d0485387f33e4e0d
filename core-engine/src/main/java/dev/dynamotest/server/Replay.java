package dev.dynamotest.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.JournalJson;
import dev.dynamotest.protocol.RequestHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code java -jar dynamotest-server.jar replay --journal FILE --against URL}: sends every request of a journal
 * kept with {@code --journal-bodies} to another endpoint (another DynamoTest, DynamoDB Local, real DynamoDB), in
 * order, signed with SigV4 for the entry's region (credentials from {@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}, or a dummy key), and reports every response that
 * differs from the recorded one. Normalised before comparing: the account in ARNs, stream labels and backup ids in
 * ARNs, timestamps ({@code *DateTime}, {@code *Time}), {@code TableId}, and the error type's namespace prefix.
 * Exit status 0 when every response matches, 1 when some differ, 2 on bad usage.
 */
public final class Replay {
    static final String USAGE = "usage: java -jar dynamotest-server.jar replay --journal FILE --against URL";
    private static final Pattern ACCOUNT = Pattern.compile("(arn:aws[a-z-]*:dynamodb:[a-z0-9-]*:)\\d{12}:");
    private static final Pattern STREAM_LABEL = Pattern.compile("(/stream/)[^/\"]+");
    private static final Pattern BACKUP_ID = Pattern.compile("(/backup/)[^/\"]+");

    private Replay() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        Path journal = null;
        URI against = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--journal") && i + 1 < args.length) {
                journal = Path.of(args[++i]);
            } else if (args[i].equals("--against") && i + 1 < args.length) {
                against = URI.create(args[++i]);
            } else {
                out.println("replay: unknown option " + args[i]);
                out.println(USAGE);
                return 2;
            }
        }
        if (journal == null || against == null) {
            out.println(USAGE);
            return 2;
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                entries.add(JournalJson.read(line));
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int replayed = 0;
        int skipped = 0;
        int differing = 0;
        for (JournalEntry e : entries) {
            if (e.requestBody() == null || e.responseBody() == null || e.operation() == null || e.status() == 0) {
                skipped++;
                continue;
            }
            replayed++;
            HttpResponse<String> r = http.send(request(against, e), HttpResponse.BodyHandlers.ofString());
            List<String> differences = new ArrayList<>();
            if (r.statusCode() != e.status()) {
                differences.add("status: recorded " + e.status() + ", got " + r.statusCode());
            }
            compare("", normalise(parse(e.responseBody())), normalise(parse(r.body())), differences);
            if (!differences.isEmpty()) {
                differing++;
                out.println("#" + e.sequence() + " " + e.operation() + (e.table() == null ? "" : " " + e.table())
                    + " (request " + e.requestId() + ") differs:");
                for (String d : differences) {
                    out.println("  " + d);
                }
            }
        }
        out.println("replayed " + replayed + " request(s) against " + against + ": " + differing + " differ"
            + (skipped > 0 ? "; " + skipped + " skipped (no bodies kept, or a dropped connection)" : ""));
        return differing == 0 ? 0 : 1;
    }

    private static HttpRequest request(URI endpoint, JournalEntry e) {
        String target = (e.operation().equals("ListStreams") || e.operation().equals("DescribeStream")
            || e.operation().equals("GetShardIterator") || e.operation().equals("GetRecords")
            ? RequestHandler.STREAMS_TARGET_PREFIX : RequestHandler.DYNAMODB_TARGET_PREFIX) + e.operation();
        String service = "dynamodb"; // DynamoDB Streams signs as "dynamodb" too
        byte[] body = e.requestBody().getBytes(StandardCharsets.UTF_8);
        String accessKey = System.getenv().getOrDefault("AWS_ACCESS_KEY_ID",
            e.namespace().accessKey().isEmpty() ? "REPLAY" : e.namespace().accessKey());
        String secret = System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", "replay");
        String token = System.getenv("AWS_SESSION_TOKEN");
        String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        String date = amzDate.substring(0, 8);
        String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        String payloadHash = hex(sha256(body));
        String signedHeaders = "content-type;host;x-amz-date" + (token != null ? ";x-amz-security-token" : "") + ";x-amz-target";
        String canonical = "POST\n/\n\ncontent-type:" + RequestHandler.CONTENT_TYPE + "\nhost:" + host + "\nx-amz-date:" + amzDate
            + "\n" + (token != null ? "x-amz-security-token:" + token + "\n" : "") + "x-amz-target:" + target + "\n\n"
            + signedHeaders + "\n" + payloadHash;
        String region = e.namespace().region();
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, toSign));
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", RequestHandler.CONTENT_TYPE)
            .header("X-Amz-Target", target)
            .header("X-Amz-Date", amzDate)
            .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("X-Amz-Security-Token", token);
        }
        return b.build();
    }

    private static JsonNode parse(String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            JsonNode n = bytes.length == 0 ? Json.object() : Json.parse(bytes, 0, bytes.length);
            return n == null ? Json.object() : n;
        } catch (IOException e) {
            return Json.NODES.textNode(body);
        }
    }

    /** The response with what legitimately differs between endpoints replaced by placeholders. */
    static JsonNode normalise(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String name = f.getKey();
                if (name.endsWith("DateTime") || name.endsWith("Time") || name.equals("TableId")) {
                    o.put(name, "<" + name + ">");
                } else if (name.equals("__type")) {
                    String t = f.getValue().asText();
                    o.put(name, t.substring(t.indexOf('#') + 1));
                } else {
                    o.set(name, normalise(f.getValue()));
                }
            }
            return o;
        }
        if (n.isArray()) {
            var a = Json.NODES.arrayNode();
            n.forEach(x -> a.add(normalise(x)));
            return a;
        }
        if (n.isTextual() && n.textValue().startsWith("arn:")) {
            String s = ACCOUNT.matcher(n.textValue()).replaceAll("$1<account>:");
            s = STREAM_LABEL.matcher(s).replaceAll("$1<label>");
            return Json.NODES.textNode(BACKUP_ID.matcher(s).replaceAll("$1<id>"));
        }
        return n;
    }

    private static void compare(String path, JsonNode recorded, JsonNode got, List<String> out) {
        if (recorded.equals(got)) {
            return;
        }
        if (recorded.isObject() && got.isObject()) {
            List<String> names = new ArrayList<>();
            recorded.fieldNames().forEachRemaining(names::add);
            got.fieldNames().forEachRemaining(x -> {
                if (!recorded.has(x)) {
                    names.add(x);
                }
            });
            for (String name : names) {
                JsonNode r = recorded.get(name);
                JsonNode g = got.get(name);
                String p = path.isEmpty() ? name : path + "." + name;
                if (r == null) {
                    out.add(p + ": not recorded, got " + g);
                } else if (g == null) {
                    out.add(p + ": recorded " + r + ", missing");
                } else {
                    compare(p, r, g, out);
                }
            }
            return;
        }
        out.add((path.isEmpty() ? "body" : path) + ": recorded " + recorded + ", got " + got);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
