package dev.dynamotest.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.faults.FaultRule;
import dev.dynamotest.persist.EngineSnapshots;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admin API under {@code /_dynamotest/}: plain JSON, off the DynamoDB request path, for clients that are
 * not in the JVM (other languages, containers). Documented in docs/admin-api.md.
 * <ul>
 *   <li>{@code GET /_dynamotest/clock} → {@code {"now": "...", "manual": true}}</li>
 *   <li>{@code POST /_dynamotest/clock} with {@code {"advance": "PT1H"}} or {@code {"set": "2030-01-01T00:00:00Z"}}</li>
 *   <li>{@code POST /_dynamotest/ttl/sweep} → {@code {"deleted": 3}}</li>
 *   <li>{@code GET|POST /_dynamotest/consistency}, {@code POST /_dynamotest/consistency/settle}: the consistency model</li>
 *   <li>{@code GET|POST /_dynamotest/replication}, {@code POST /_dynamotest/replication/settle}: global tables
 *       replication (pending writes per Region pair, conflicts, pause/resume a Region), see {@link ReplicationAdmin}</li>
 *   <li>{@code GET|POST /_dynamotest/autoscaling}: auto scaling targets, policies and activities; POST sets one up</li>
 *   <li>{@code POST /_dynamotest/reset} → {@code {"reset": true}}: every table dropped, fault rules cleared</li>
 *   <li>{@code GET /_dynamotest/snapshot[?table=NAME]} → the snapshot file; {@code POST} one to load it</li>
 *   <li>{@code GET /_dynamotest/journal?operation=Query&table=orders} → the request journal as JSON lines;
 *       {@code DELETE} clears it; {@code /_dynamotest/journal/settings} reads or sets its switches</li>
 * </ul>
 */
public final class AdminHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(AdminHandler.class.getName());
    private final Engine engine;

    public AdminHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            try {
                route(ex, body);
            } catch (AdminError e) {
                send(ex, e.status, error(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "admin API: " + ex.getRequestMethod() + " " + ex.getRequestPath(), e);
                send(ex, 500, error(RequestHandler.INTERNAL_ERROR_MESSAGE)); // the exception's text stays in the log
            }
        });
    }

    private void route(HttpServerExchange ex, byte[] body) {
        String path = ex.getRequestPath();
        boolean get = Methods.GET.equals(ex.getRequestMethod());
        boolean post = Methods.POST.equals(ex.getRequestMethod());
        switch (path) {
            case "/_dynamotest/clock":
                if (get) {
                    send(ex, 200, clock());
                    return;
                }
                if (post) {
                    JsonNode req = json(body);
                    JsonNode advance = req.get("advance");
                    JsonNode set = req.get("set");
                    if ((advance == null) == (set == null)) {
                        throw new AdminError(400, "give exactly one of \"advance\" (an ISO-8601 duration) or \"set\" (an instant)");
                    }
                    try {
                        if (advance != null) {
                            Duration d = Duration.parse(advance.asText());
                            if (d.isNegative()) {
                                throw new AdminError(400, "the clock cannot move backwards: " + advance.asText());
                            }
                            engine.clock().advance(d);
                        } else {
                            engine.clock().set(Instant.parse(set.asText()));
                        }
                    } catch (DateTimeParseException e) {
                        throw new AdminError(400, "cannot parse " + (advance != null ? advance : set) + ": " + e.getMessage());
                    }
                    send(ex, 200, clock());
                    return;
                }
                break;
            case "/_dynamotest/faults":
                if (get) {
                    send(ex, 200, faults());
                    return;
                }
                if (post) {
                    FaultRule rule = FaultJson.rule(json(body));
                    engine.faults().add(rule);
                    ObjectNode r = Json.object();
                    r.put("id", rule.id());
                    send(ex, 200, r);
                    return;
                }
                if (Methods.DELETE.equals(ex.getRequestMethod())) {
                    engine.faults().clear();
                    send(ex, 200, faults());
                    return;
                }
                break;
            case "/_dynamotest/capacity":
                if (get || post) {
                    if (post) {
                        JsonNode req = json(body);
                        if (!req.has("enforce") || !req.get("enforce").isBoolean()) {
                            throw new AdminError(400, "give {\"enforce\": true|false}");
                        }
                        engine.capacity().enforce(req.get("enforce").booleanValue());
                    }
                    ObjectNode r = Json.object();
                    r.put("enforce", engine.capacity().enforcing());
                    ObjectNode all = r.putObject("metrics");
                    engine.capacity().allMetrics().forEach((key, m) -> { // ARN, or accessKey/ARN
                        ObjectNode o = all.putObject(key);
                        o.put("consumedReadUnits", m.consumedReadUnits());
                        o.put("consumedWriteUnits", m.consumedWriteUnits());
                        o.put("throttledReadUnits", m.throttledReadUnits());
                        o.put("throttledWriteUnits", m.throttledWriteUnits());
                        o.put("requests", m.requests());
                        o.put("throttledRequests", m.throttledRequests());
                    });
                    send(ex, 200, r);
                    return;
                }
                break;
            case "/_dynamotest/consistency":
                if (get) {
                    send(ex, 200, ConsistencyJson.describe(engine, ConsistencyJson.scope(ex)));
                    return;
                }
                if (post) {
                    send(ex, 200, ConsistencyJson.apply(engine, ConsistencyJson.scope(ex), json(body)));
                    return;
                }
                break;
            case "/_dynamotest/consistency/settle":
                if (post) {
                    send(ex, 200, ConsistencyJson.apply(engine, ConsistencyJson.scope(ex), Json.object().put("settle", true)));
                    return;
                }
                break;
            case "/_dynamotest/replication":
                if (get) {
                    send(ex, 200, ReplicationAdmin.describe(engine, query(ex, "accessKey")));
                    return;
                }
                if (post) {
                    send(ex, 200, ReplicationAdmin.apply(engine, query(ex, "accessKey"), json(body)));
                    return;
                }
                break;
            case "/_dynamotest/replication/settle":
                if (post) {
                    send(ex, 200, ReplicationAdmin.apply(engine, query(ex, "accessKey"), Json.object().put("settle", true)));
                    return;
                }
                break;
            case "/_dynamotest/autoscaling":
                if (get) {
                    send(ex, 200, AutoScalingAdmin.describe(engine));
                    return;
                }
                if (post) {
                    send(ex, 200, AutoScalingAdmin.enable(engine, json(body)));
                    return;
                }
                break;
            case "/_dynamotest/reset":
                if (post) {
                    engine.reset();
                    ObjectNode r = Json.object();
                    r.put("reset", true);
                    send(ex, 200, r);
                    return;
                }
                break;
            case "/_dynamotest/journal":
                if (get) {
                    sendLines(ex, JournalAdmin.entries(engine.journal(), ex.getQueryParameters()));
                    return;
                }
                if (Methods.DELETE.equals(ex.getRequestMethod())) {
                    ObjectNode r = Json.object();
                    r.put("cleared", JournalAdmin.clear(engine.journal(), ex.getQueryParameters()));
                    send(ex, 200, r);
                    return;
                }
                break;
            case "/_dynamotest/journal/settings":
                if (get || post) {
                    if (post) {
                        JournalAdmin.configure(engine.journal(), json(body));
                    }
                    send(ex, 200, JournalAdmin.settings(engine.journal()));
                    return;
                }
                break;
            case "/_dynamotest/ttl/sweep":
                if (post) {
                    ObjectNode r = Json.object();
                    r.put("deleted", engine.ttl().sweep());
                    send(ex, 200, r);
                    return;
                }
                break;
            case "/_dynamotest/snapshot":
                if (get) {
                    // the handler runs on a worker thread (receiveFullBytes), so writing into memory is fine
                    String table = ex.getQueryParameters().containsKey("table")
                        ? ex.getQueryParameters().get("table").getFirst() : null;
                    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
                    try {
                        EngineSnapshots.save(engine, (ns, t) -> table == null || table.equals(t), out);
                    } catch (IOException e) {
                        throw new AdminError(500, "cannot write the snapshot: " + e.getMessage());
                    }
                    ex.setStatusCode(200);
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/x-ndjson");
                    ex.getResponseSender().send(ByteBuffer.wrap(out.toByteArray()));
                    return;
                }
                if (post) {
                    try {
                        EngineSnapshots.load(engine, new ByteArrayInputStream(body));
                    } catch (IOException e) {
                        throw new AdminError(400, "cannot load the snapshot: " + e.getMessage());
                    }
                    ObjectNode r = Json.object();
                    r.put("loaded", true);
                    send(ex, 200, r);
                    return;
                }
                break;
            default:
                throw new AdminError(404, "no admin resource " + path);
        }
        throw new AdminError(405, "method " + ex.getRequestMethod() + " not allowed on " + path);
    }

    private ObjectNode faults() {
        ObjectNode r = Json.object();
        var list = r.putArray("rules");
        for (FaultRule rule : engine.faults().rules()) {
            ObjectNode o = list.addObject();
            o.put("id", rule.id());
            var ops = o.putArray("operations");
            rule.operations().forEach(ops::add);
            if (rule.table() != null) {
                o.put("table", rule.table());
            }
            o.put("effect", rule.effect().toString());
            o.put("timing", rule.timing().name().toLowerCase(java.util.Locale.ROOT));
            o.put("fired", rule.fired());
        }
        return r;
    }

    private static String query(HttpServerExchange ex, String name) {
        var values = ex.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private ObjectNode clock() {
        ObjectNode r = Json.object();
        r.put("now", engine.clock().instant().toString());
        r.put("manual", engine.clock().isManual());
        return r;
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode n = body.length == 0 ? Json.object() : Json.parse(body, 0, body.length);
            if (n == null || !n.isObject()) {
                throw new AdminError(400, "the body must be a JSON object");
            }
            return n;
        } catch (java.io.IOException e) {
            throw new AdminError(400, "malformed JSON: " + e.getMessage());
        }
    }

    private static void sendLines(HttpServerExchange ex, String lines) {
        ex.setStatusCode(200);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/x-ndjson");
        ex.getResponseSender().send(lines, StandardCharsets.UTF_8);
    }

    static ObjectNode error(String message) {
        ObjectNode r = Json.object();
        r.put("error", message);
        return r;
    }

    private static void send(HttpServerExchange ex, int status, JsonNode body) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        ex.getResponseSender().send(body.toString(), StandardCharsets.UTF_8);
    }

    /** An admin request error with its HTTP status. */
    static final class AdminError extends RuntimeException {
        final int status;

        AdminError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
