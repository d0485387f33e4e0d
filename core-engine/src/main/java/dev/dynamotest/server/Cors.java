package dev.dynamotest.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Cross-origin grants for the DynamoDB endpoint. None by default (a web page of another origin can then neither
 * read answers nor send the JSON requests that need a preflight); {@code -cors ORIGINS} (DynamoDB Local's flag: a
 * comma-separated list, or {@code *}) grants them as the service does: a preflight is answered with the method
 * and headers asked for and {@code Access-Control-Max-Age: 172800}, and answers expose the request id, error type
 * and CRC32 headers. The admin API ({@code /_dynamotest/}) never gets a grant.
 */
public final class Cors {
    static final HttpString ORIGIN = new HttpString("Origin");
    static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");
    static final HttpString REQUEST_HEADERS = new HttpString("Access-Control-Request-Headers");
    static final HttpString VARY = new HttpString("Vary");
    /** Two days, as the service's preflight answers say. */
    static final String PREFLIGHT_MAX_AGE = "172800";
    static final String EXPOSED = "x-amzn-RequestId,x-amzn-ErrorType,x-amz-crc32";

    /** No grants at all. */
    public static final Cors NONE = new Cors(Set.of());

    private final boolean any;
    private final Set<String> origins;

    private Cors(Set<String> origins) {
        this.origins = origins;
        this.any = origins.contains("*");
    }

    /** From {@code -cors}'s argument(s): {@code *}, or origins separated by commas. */
    public static Cors of(Collection<String> args) {
        Set<String> o = new LinkedHashSet<>();
        for (String a : args) {
            for (String s : a.split(",")) {
                if (!s.isBlank()) {
                    o.add(s.trim());
                }
            }
        }
        return o.isEmpty() ? NONE : new Cors(o);
    }

    public boolean grantsAny() {
        return !origins.isEmpty();
    }

    /** The Access-Control-Allow-Origin value for this origin, or null for no grant. */
    String allowOrigin(String origin) {
        if (origin == null || origins.isEmpty()) {
            return null;
        }
        if (any) {
            return "*";
        }
        return origins.contains(origin) ? origin : null;
    }

    /** Adds the grant to an answer of the DynamoDB endpoint, if the request's origin has one. */
    void decorate(HttpServerExchange ex) {
        String allow = allowOrigin(ex.getRequestHeaders().getFirst(ORIGIN));
        if (allow != null) {
            HeaderMap h = ex.getResponseHeaders();
            h.put(ALLOW_ORIGIN, allow);
            h.put(EXPOSE_HEADERS, EXPOSED);
            if (!any) {
                h.put(VARY, "Origin");
            }
        }
    }

    /** Answers a preflight (OPTIONS) of the DynamoDB endpoint: 200, with the grant only if the origin has one. */
    void preflight(HttpServerExchange ex) {
        String allow = allowOrigin(ex.getRequestHeaders().getFirst(ORIGIN));
        HeaderMap h = ex.getResponseHeaders();
        if (allow != null) {
            h.put(ALLOW_ORIGIN, allow);
            String method = ex.getRequestHeaders().getFirst(REQUEST_METHOD);
            String headers = ex.getRequestHeaders().getFirst(REQUEST_HEADERS);
            if (method != null) {
                h.put(ALLOW_METHODS, method);
            }
            if (headers != null) {
                h.put(ALLOW_HEADERS, headers);
            }
            h.put(MAX_AGE, PREFLIGHT_MAX_AGE);
            if (!any) {
                h.put(VARY, "Origin");
            }
        }
        ex.setStatusCode(200);
        h.put(Headers.CONTENT_LENGTH, 0);
        ex.endExchange();
    }
}
