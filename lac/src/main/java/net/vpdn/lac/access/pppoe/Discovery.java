package net.vpdn.lac.access.pppoe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The access concentrator's side of PPPoE discovery (RFC 2516 §5) and its session table, as pure
 * state: packets in, {@link DiscoveryAction}s out, no I/O, no clock.
 * <ul>
 *   <li>PADI: offered (PADO with AC-Name, the Service-Names, an AC-Cookie, Host-Uniq and
 *       Relay-Session-Id echoed) only when it asks for a service we offer or for any service;
 *       otherwise silence (§5.2: an AC that cannot serve the request does not answer).</li>
 *   <li>PADR: ignored unless it is addressed to us and carries the cookie for its source MAC and
 *       VLAN ({@link AcCookie}); then PADS with a fresh SESSION_ID, or a PADS with SESSION_ID 0 and
 *       Service-Name-Error / AC-System-Error.</li>
 *   <li>PADT: for a session of the sender's, closes it; from us, {@link #terminate}.</li>
 * </ul>
 * Session ids are handed out round-robin from 1 to 65534 so a just-freed id is not reused at once,
 * and a session is the pair (peer MAC, SESSION_ID): {@link #owns} is the session-stage demultiplexer.
 * A PADI we would answer first passes the {@link PadiLimiter} (storm protection); a PADR needs no
 * limit of its own: without the AC-Cookie of a PADO we sent it costs one HMAC and is dropped.
 */
public final class Discovery {
    private static final int MAX_ID = 0xFFFE;
    /** Throttled PADIs are the storm itself: their drop is shared, not built per packet. */
    private static final List<DiscoveryAction> OVER_MAC_LIMIT = drop(PppoeDrop.PADI_RATE_MAC, "PADI over padi-limit-per-mac");
    private static final List<DiscoveryAction> OVER_INTERFACE_LIMIT = drop(PppoeDrop.PADI_RATE_INTERFACE, "PADI over padi-limit");

    private final AcConfig config;
    private final AcCookie cookies;
    private final PadiLimiter limiter;
    /** Peer MAC + 1 per session id; 0 = free. */
    private final long[] peers = new long[MAX_ID + 1];
    private int cursor;
    private int sessions;
    /** Sessions whose PADS went out but whose peer has sent nothing yet, by peer MAC: a repeated PADR gets the same PADS. */
    private final Map<Long, Pending> pending = new HashMap<>();

    private record Pending(int sessionId, Optional<Tag> hostUniq, String service, byte[] pads) {
    }

    public Discovery(AcConfig config) {
        this.config = config;
        this.cookies = new AcCookie(config.cookieSecret());
        this.limiter = PadiLimiter.of(config.padiLimit(), config.padiLimitPerMac(), hashKey(config.cookieSecret()));
    }

    public AcConfig config() {
        return config;
    }

    public int sessions() {
        return sessions;
    }

    /** Whether {@code sessionId} is an open session of {@code peer}'s. Allocation-free. */
    public boolean owns(long peer, int sessionId) {
        return sessionId > 0 && sessionId <= MAX_ID && peers[sessionId] == peer + 1;
    }

    /** One discovery packet from the wire (its VLAN already checked by the decoder), received at {@code nowNanos}. */
    public List<DiscoveryAction> receive(DiscoveryPacket p, long nowNanos) {
        return switch (p.code()) {
            case Pppoe.PADI -> padi(p, nowNanos);
            case Pppoe.PADR -> padr(p);
            case Pppoe.PADT -> padt(p);
            default -> drop(PppoeDrop.BAD_CODE, Pppoe.codeName(p.code()) + " is not sent to an AC");
        };
    }

    /** The peer of {@code sessionId} has sent a session-stage frame: it has its PADS, a later PADR is a new session. */
    public void confirmed(long peer, int sessionId) {
        Pending p = pending.get(peer);
        if (p != null && p.sessionId() == sessionId) pending.remove(peer);
    }

    /** Ends {@code (peer, sessionId)} from our side: the PADT to send, empty if it is not open. */
    public Optional<byte[]> terminate(long peer, int sessionId, String why) {
        if (!owns(peer, sessionId)) return Optional.empty();
        free(sessionId);
        List<Tag> tags = why.isEmpty() ? List.of() : List.of(Tag.text(Pppoe.TAG_GENERIC_ERROR, why));
        return Optional.of(PppoeEncoder.discovery(new DiscoveryPacket(peer, config.acMac(), config.vlan(), Pppoe.PADT, sessionId, tags)));
    }

    private List<DiscoveryAction> padi(DiscoveryPacket p, long nowNanos) {
        if (p.sessionId() != 0) return drop(PppoeDrop.BAD_SESSION_FIELD, "PADI with SESSION_ID " + p.sessionId());
        if (p.destination() != Pppoe.BROADCAST && p.destination() != config.acMac()) {
            return drop(PppoeDrop.NOT_FOR_US, "PADI to " + Pppoe.macString(p.destination()));
        }
        List<Tag> names = p.all(Pppoe.TAG_SERVICE_NAME);
        if (names.size() != 1) return drop(PppoeDrop.SERVICE_NAME_COUNT, "PADI with " + names.size() + " Service-Name tags");
        String asked = names.getFirst().text();
        if (!config.offers(asked)) return drop(PppoeDrop.UNKNOWN_SERVICE, "PADI for service '" + asked + "'");
        switch (limiter.admit(p.source(), nowNanos)) {
            case OVER_MAC_LIMIT -> {
                return OVER_MAC_LIMIT;
            }
            case OVER_INTERFACE_LIMIT -> {
                return OVER_INTERFACE_LIMIT;
            }
            case ANSWER -> {
            }
        }
        List<Tag> tags = new ArrayList<>(8);
        tags.add(Tag.text(Pppoe.TAG_AC_NAME, config.acName()));
        tags.add(names.getFirst());
        for (String s : config.services()) {
            if (!s.equals(asked)) tags.add(Tag.text(Pppoe.TAG_SERVICE_NAME, s));
        }
        tags.add(new Tag(Pppoe.TAG_AC_COOKIE, cookies.of(p.source(), p.vlan())));
        echo(p, tags);
        return List.of(send(p, Pppoe.PADO, 0, tags));
    }

    private List<DiscoveryAction> padr(DiscoveryPacket p) {
        if (p.sessionId() != 0) return drop(PppoeDrop.BAD_SESSION_FIELD, "PADR with SESSION_ID " + p.sessionId());
        if (p.destination() != config.acMac()) return drop(PppoeDrop.NOT_FOR_US, "PADR to " + Pppoe.macString(p.destination()));
        Optional<Tag> cookie = p.first(Pppoe.TAG_AC_COOKIE);
        if (cookie.isEmpty() || !cookies.matches(cookie.get().value(), p.source(), p.vlan())) {
            return drop(PppoeDrop.WRONG_COOKIE, "PADR from " + Pppoe.macString(p.source())
                    + (cookie.isEmpty() ? " without AC-Cookie" : " with a cookie that is not its own"));
        }
        List<Tag> names = p.all(Pppoe.TAG_SERVICE_NAME);
        if (names.size() != 1) return drop(PppoeDrop.SERVICE_NAME_COUNT, "PADR with " + names.size() + " Service-Name tags");
        String asked = names.getFirst().text();
        List<Tag> tags = new ArrayList<>(4);
        tags.add(names.getFirst());
        echo(p, tags);
        if (!config.offers(asked)) {
            tags.add(Tag.text(Pppoe.TAG_SERVICE_NAME_ERROR, "service not offered"));
            return List.of(send(p, Pppoe.PADS, 0, tags), new DiscoveryAction.Dropped(PppoeDrop.UNKNOWN_SERVICE,
                    "PADR for service '" + asked + "'"));
        }
        Pending again = pending.get(p.source());
        if (again != null && again.hostUniq().equals(p.first(Pppoe.TAG_HOST_UNIQ)) && again.service().equals(asked)) {
            // The client did not get our PADS and asks again (RFC 2516 §5.5 timeouts): same session, same PADS.
            return List.of(new DiscoveryAction.Send(again.pads(), Pppoe.PADS));
        }
        int id = allocate(p.source());
        if (id == 0) {
            tags.add(Tag.text(Pppoe.TAG_AC_SYSTEM_ERROR, "no free session"));
            return List.of(send(p, Pppoe.PADS, 0, tags), new DiscoveryAction.Dropped(PppoeDrop.NO_SESSION_ID,
                    sessions + " sessions open"));
        }
        DiscoveryAction.Send pads = send(p, Pppoe.PADS, id, tags);
        pending.put(p.source(), new Pending(id, p.first(Pppoe.TAG_HOST_UNIQ), asked, pads.frame()));
        return List.of(pads, new DiscoveryAction.Opened(p.source(), id, asked, p.lineIds()));
    }

    private List<DiscoveryAction> padt(DiscoveryPacket p) {
        if (!owns(p.source(), p.sessionId())) {
            return drop(PppoeDrop.UNKNOWN_SESSION, "PADT for session " + p.sessionId() + " of " + Pppoe.macString(p.source()));
        }
        free(p.sessionId());
        return List.of(new DiscoveryAction.Closed(p.source(), p.sessionId()));
    }

    /** Host-Uniq and Relay-Session-Id go back unchanged (RFC 2516 Appendix A). */
    private static void echo(DiscoveryPacket p, List<Tag> tags) {
        p.first(Pppoe.TAG_HOST_UNIQ).ifPresent(tags::add);
        p.first(Pppoe.TAG_RELAY_SESSION_ID).ifPresent(tags::add);
    }

    private DiscoveryAction.Send send(DiscoveryPacket to, int code, int sessionId, List<Tag> tags) {
        return new DiscoveryAction.Send(PppoeEncoder.discovery(
                new DiscoveryPacket(to.source(), config.acMac(), config.vlan(), code, sessionId, tags)), code);
    }

    private int allocate(long peer) {
        if (sessions >= config.maxSessions()) return 0;
        for (int i = 0; i < MAX_ID; i++) {
            cursor = cursor % MAX_ID + 1;
            if (peers[cursor] == 0) {
                peers[cursor] = peer + 1;
                sessions++;
                return cursor;
            }
        }
        return 0;
    }

    private void free(int sessionId) {
        long peer = peers[sessionId] - 1;
        Pending p = pending.get(peer);
        if (p != null && p.sessionId() == sessionId) pending.remove(peer);
        peers[sessionId] = 0;
        sessions--;
    }

    /** The per-MAC table's hash key, from the secret an outsider does not know. */
    private static long hashKey(byte[] secret) {
        long k = 0;
        for (byte b : secret) k = k * 31 + b;
        return k;
    }

    private static List<DiscoveryAction> drop(PppoeDrop reason, String detail) {
        return List.of(new DiscoveryAction.Dropped(reason, detail));
    }
}
