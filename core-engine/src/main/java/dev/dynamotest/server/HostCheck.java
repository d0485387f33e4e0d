package dev.dynamotest.server;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which {@code Host} headers the server answers: the defence against DNS rebinding, where a web page on
 * {@code attacker.example} re-points its name at 127.0.0.1 and so reaches a developer's local server with the
 * browser's same-origin blessing. Such a request always carries the attacker's name in {@code Host}, so the
 * server accepts only:
 * <ul>
 *   <li>{@code localhost} and names under {@code .localhost} (browsers resolve them to loopback themselves);</li>
 *   <li>IP address literals (IPv4 and bracketed IPv6): an address is not a name that DNS can re-point;</li>
 *   <li>the host the server is bound to, and the names given with {@code --allowed-host} ({@code *}: any).</li>
 * </ul>
 * A request without a Host header (HTTP/1.0) is accepted: browsers always send one.
 */
public final class HostCheck {
    /** Every host is accepted (the container image's default: it is reached only through published ports). */
    public static final String ANY = "*";

    private final boolean any;
    private final Set<String> names = new TreeSet<>();
    /** The last Host header allowed (the answer depends on the header alone). */
    private volatile String lastAllowed;

    public HostCheck(String boundHost, Collection<String> allowed) {
        boolean all = false;
        for (String a : allowed) {
            for (String name : a.split(",")) {
                String n = name.trim().toLowerCase(Locale.ROOT);
                if (n.equals(ANY)) {
                    all = true;
                } else if (!n.isEmpty()) {
                    names.add(stripBrackets(n));
                }
            }
        }
        if (boundHost != null) {
            names.add(stripBrackets(boundHost.toLowerCase(Locale.ROOT)));
        }
        this.any = all;
    }

    public boolean allowsAny() {
        return any;
    }

    /** Whether a request with this {@code Host} header (host, optional port) is answered. */
    public boolean allows(String hostHeader) {
        if (any || hostHeader == null || hostHeader.equals(lastAllowed)) {
            return true;
        }
        String host = hostOf(hostHeader.trim().toLowerCase(Locale.ROOT));
        if (host == null) {
            return false;
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // "localhost." is "localhost"
        }
        boolean allowed = host.equals("localhost") || host.endsWith(".localhost") || isIpv4(host) || isIpv6(host)
            || names.contains(host);
        if (allowed) {
            lastAllowed = hostHeader; // clients send the same Host header on every request: judged once
        }
        return allowed;
    }

    /** The host part of {@code host[:port]} or {@code [v6][:port]}, without brackets; null if malformed. */
    private static String hostOf(String h) {
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) {
                return null;
            }
            String rest = h.substring(end + 1);
            if (!rest.isEmpty() && !(rest.startsWith(":") && isPort(rest.substring(1)))) {
                return null;
            }
            return h.substring(1, end);
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            if (!isPort(h.substring(colon + 1))) {
                return null;
            }
            h = h.substring(0, colon);
        }
        return h.isEmpty() ? null : h;
    }

    private static String stripBrackets(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static boolean isPort(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !isPort(p) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** A plausible IPv6 literal (hex groups and colons, an optional zone or dotted tail); never a DNS name. */
    static boolean isIpv6(String h) {
        if (!h.contains(":")) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c == '%') {
                return i > 0; // a zone id follows
            }
            if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
