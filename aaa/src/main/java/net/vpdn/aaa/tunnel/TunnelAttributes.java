package net.vpdn.aaa.tunnel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;

/**
 * Groups the RFC 2868 attributes of an Access-Accept into {@link TunnelSet}s by tag and orders
 * them by Tunnel-Preference. Pure and total.
 */
public final class TunnelAttributes {
    /** Tunnel-Type, RFC 2868 §3.1. */
    public static final int TUNNEL_TYPE = 64;
    /** Tunnel-Medium-Type, §3.2. */
    public static final int TUNNEL_MEDIUM_TYPE = 65;
    /** Tunnel-Client-Endpoint, §3.3. */
    public static final int TUNNEL_CLIENT_ENDPOINT = 66;
    /** Tunnel-Server-Endpoint, §3.4. */
    public static final int TUNNEL_SERVER_ENDPOINT = 67;
    /** Tunnel-Password, §3.5. */
    public static final int TUNNEL_PASSWORD = 69;
    /** Tunnel-Private-Group-ID, §3.6. */
    public static final int TUNNEL_PRIVATE_GROUP_ID = 81;
    /** Tunnel-Assignment-ID, §3.7. */
    public static final int TUNNEL_ASSIGNMENT_ID = 82;
    /** Tunnel-Preference, §3.8. */
    public static final int TUNNEL_PREFERENCE = 83;
    /** Tunnel-Client-Auth-ID, §3.9. */
    public static final int TUNNEL_CLIENT_AUTH_ID = 90;
    /** Tunnel-Server-Auth-ID, §3.10. */
    public static final int TUNNEL_SERVER_AUTH_ID = 91;

    private TunnelAttributes() {
    }

    /**
     * One RFC 2868 attribute as on the wire: its type and whole value (tag octet included, and
     * for Tunnel-Password the salt and ciphertext). The RADIUS adapter converts to and from these.
     */
    public record Raw(int type, Octets value) {
        public Raw {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            // a Tunnel-Password value is ciphertext of a secret; print lengths only
            return "Raw[type=" + type + ", length=" + value.length() + "]";
        }
    }

    /** Whether {@code type} is one of the RFC 2868 attributes handled here. */
    public static boolean isTunnelType(int type) {
        return switch (type) {
            case TUNNEL_TYPE, TUNNEL_MEDIUM_TYPE, TUNNEL_CLIENT_ENDPOINT, TUNNEL_SERVER_ENDPOINT, TUNNEL_PASSWORD,
                 TUNNEL_PRIVATE_GROUP_ID, TUNNEL_ASSIGNMENT_ID, TUNNEL_PREFERENCE, TUNNEL_CLIENT_AUTH_ID,
                 TUNNEL_SERVER_AUTH_ID -> true;
            default -> false;
        };
    }

    /** The outcome: the usable sets in preference order, or why the reply was unusable. */
    public sealed interface Result {
        /** Sets in the order to try them (possibly empty: the reply named no tunnel). */
        record Sets(List<TunnelSet> sets) implements Result { }

        /** A tunnel attribute could not be used. */
        record Invalid(String detail) implements Result { }
    }

    /**
     * Reads the tunnel sets from a reply's attributes. {@code requestAuthenticator} and
     * {@code secret} decrypt Tunnel-Password (RFC 2868 §3.5). A tag lacking Tunnel-Type or a
     * server endpoint is not a usable set and is left out; a Tunnel-Type other than L2TP is kept
     * (the caller decides).
     */
    public static Result decode(List<Raw> attributes, Secret secret, Octets requestAuthenticator) {
        Map<Integer, Builder> byTag = new TreeMap<>();
        for (Raw a : attributes) {
            String problem = apply(a, byTag, secret, requestAuthenticator);
            if (problem != null) {
                return new Result.Invalid(problem);
            }
        }
        List<TunnelSet> sets = new ArrayList<>();
        for (Map.Entry<Integer, Builder> e : byTag.entrySet()) {
            Builder b = e.getValue();
            if (b.type >= 0 && !b.servers.isEmpty()) {
                sets.add(b.build(e.getKey()));
            }
        }
        sets.sort(Comparator.comparingInt((TunnelSet s) -> s.preference().orElse(Integer.MAX_VALUE))
                .thenComparingInt(TunnelSet::tag));
        return new Result.Sets(List.copyOf(sets));
    }

    private static String apply(Raw a, Map<Integer, Builder> byTag, Secret secret, Octets reqAuth) {
        switch (a.type()) {
            case TUNNEL_TYPE, TUNNEL_MEDIUM_TYPE, TUNNEL_PREFERENCE -> {
                Tagged.Value v = Tagged.integer(a.value());
                int value = Tagged.integerValue(v);
                if (value < 0) {
                    return "attribute " + a.type() + " has " + a.value().length() + " octets, must be 4";
                }
                Builder b = byTag.computeIfAbsent(v.tag(), t -> new Builder());
                switch (a.type()) {
                    case TUNNEL_TYPE -> b.type = value;
                    case TUNNEL_MEDIUM_TYPE -> b.medium = value;
                    default -> b.preference = OptionalInt.of(value);
                }
            }
            case TUNNEL_PASSWORD -> {
                TunnelPassword.Result r = TunnelPassword.decrypt(a.value(), secret, reqAuth);
                switch (r) {
                    case TunnelPassword.Result.Failed f -> {
                        return "Tunnel-Password: " + f.problem() + " (" + f.detail() + ")";
                    }
                    case TunnelPassword.Result.Ok ok -> byTag.computeIfAbsent(ok.tag(), t -> new Builder()).password = ok.password();
                }
            }
            case TUNNEL_SERVER_ENDPOINT, TUNNEL_CLIENT_ENDPOINT, TUNNEL_ASSIGNMENT_ID,
                 TUNNEL_CLIENT_AUTH_ID, TUNNEL_SERVER_AUTH_ID -> {
                Tagged.Value v = Tagged.optionalTagString(a.value());
                String text = new String(v.value().toArray(), StandardCharsets.UTF_8);
                Builder b = byTag.computeIfAbsent(v.tag(), t -> new Builder());
                switch (a.type()) {
                    case TUNNEL_SERVER_ENDPOINT -> b.servers.add(text);
                    case TUNNEL_CLIENT_ENDPOINT -> b.client = text;
                    case TUNNEL_ASSIGNMENT_ID -> b.assignment = text;
                    case TUNNEL_CLIENT_AUTH_ID -> b.clientAuth = text;
                    default -> b.serverAuth = text;
                }
            }
            default -> { }
        }
        return null;
    }

    /** Encodes {@code set} as attributes; {@code salt} is the 15-bit salt for its Tunnel-Password. */
    public static List<Raw> encode(TunnelSet set, Secret secret, Octets requestAuthenticator, int salt) {
        int tag = set.tag();
        List<Raw> out = new ArrayList<>();
        out.add(new Raw(TUNNEL_TYPE, Tagged.encodeInteger(tag, set.type())));
        out.add(new Raw(TUNNEL_MEDIUM_TYPE, Tagged.encodeInteger(tag, set.medium())));
        set.serverEndpoints().forEach(s -> out.add(new Raw(TUNNEL_SERVER_ENDPOINT, Tagged.encodeString(tag, s))));
        set.clientEndpoint().ifPresent(s -> out.add(new Raw(TUNNEL_CLIENT_ENDPOINT, Tagged.encodeString(tag, s))));
        set.password().ifPresent(p -> out.add(new Raw(TUNNEL_PASSWORD,
                TunnelPassword.encrypt(tag, p, salt, secret, requestAuthenticator))));
        set.clientAuthId().ifPresent(s -> out.add(new Raw(TUNNEL_CLIENT_AUTH_ID, Tagged.encodeString(tag, s))));
        set.serverAuthId().ifPresent(s -> out.add(new Raw(TUNNEL_SERVER_AUTH_ID, Tagged.encodeString(tag, s))));
        set.assignmentId().ifPresent(s -> out.add(new Raw(TUNNEL_ASSIGNMENT_ID, Tagged.encodeString(tag, s))));
        set.preference().ifPresent(p -> out.add(new Raw(TUNNEL_PREFERENCE, Tagged.encodeInteger(tag, p))));
        return out;
    }

    private static final class Builder {
        int type = -1;
        int medium = -1;
        OptionalInt preference = OptionalInt.empty();
        final List<String> servers = new ArrayList<>();
        String client;
        Secret password;
        String clientAuth;
        String serverAuth;
        String assignment;

        TunnelSet build(int tag) {
            return new TunnelSet(tag, preference, type, medium, servers, Optional.ofNullable(client),
                    Optional.ofNullable(password), Optional.ofNullable(clientAuth), Optional.ofNullable(serverAuth),
                    Optional.ofNullable(assignment));
        }
    }
}
