package net.vpdn.lac.access.pppoe;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("PPPoE discovery at the AC: PADI/PADO, PADR/PADS with the cookie, PADT both ways")
class DiscoveryTest {
    static final long CLIENT = Pppoe.mac("52:54:00:12:34:56");
    static final long OTHER = Pppoe.mac("52:54:00:65:43:21");
    static final long AC = Pppoe.mac("02:00:00:00:00:01");
    static final byte[] SECRET = "0123456789abcdef-cookie".getBytes(StandardCharsets.UTF_8);

    final Discovery ac = new Discovery(new AcConfig(AC, FrameHeader.UNTAGGED, "vpdn-lac", List.of("internet", "voip"), SECRET, 3, 0, 0));

    static DiscoveryPacket padi(long from, String service, Tag... extra) {
        List<Tag> tags = new ArrayList<>(List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, service)));
        tags.addAll(List.of(extra));
        return new DiscoveryPacket(Pppoe.BROADCAST, from, -1, Pppoe.PADI, 0, tags);
    }

    /** What a client does with a PADO: PADR with the offer's cookie, its service and Host-Uniq. */
    static DiscoveryPacket padr(long from, DiscoveryPacket pado, String service, Tag... extra) {
        List<Tag> tags = new ArrayList<>(List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, service)));
        pado.first(Pppoe.TAG_AC_COOKIE).ifPresent(tags::add);
        pado.first(Pppoe.TAG_HOST_UNIQ).ifPresent(tags::add);
        tags.addAll(List.of(extra));
        return new DiscoveryPacket(pado.source(), from, -1, Pppoe.PADR, 0, tags);
    }

    static DiscoveryPacket sent(DiscoveryAction a) {
        byte[] frame = ((DiscoveryAction.Send) a).frame();
        FrameHeader h = new FrameHeader();
        assertThat(PppoeDecoder.header(Unpooled.wrappedBuffer(frame), -1, h)).isNull();
        return ((DiscoveryDecode.Decoded) PppoeDecoder.discovery(Unpooled.wrappedBuffer(frame), h)).packet();
    }

    DiscoveryPacket offer(long from, String service, Tag... extra) {
        List<DiscoveryAction> out = ac.receive(padi(from, service, extra), 0L);
        assertThat(out).singleElement().isInstanceOf(DiscoveryAction.Send.class);
        return sent(out.getFirst());
    }

    @Test
    @DisplayName("PADI for a known or any service gets a PADO: AC-Name, Service-Names, cookie, Host-Uniq echoed")
    void padiGetsPado() {
        Tag uniq = new Tag(Pppoe.TAG_HOST_UNIQ, new byte[] {1, 2, 3, 4});
        DiscoveryPacket pado = offer(CLIENT, "voip", uniq);
        assertThat(pado.code()).isEqualTo(Pppoe.PADO);
        assertThat(pado.destination()).isEqualTo(CLIENT);
        assertThat(pado.source()).isEqualTo(AC);
        assertThat(pado.first(Pppoe.TAG_AC_NAME).map(Tag::text)).contains("vpdn-lac");
        assertThat(pado.all(Pppoe.TAG_SERVICE_NAME)).extracting(Tag::text).containsExactly("voip", "internet");
        assertThat(pado.first(Pppoe.TAG_HOST_UNIQ)).contains(uniq);
        assertThat(pado.first(Pppoe.TAG_AC_COOKIE).map(Tag::length)).contains(AcCookie.LENGTH);
        assertThat(offer(CLIENT, "").all(Pppoe.TAG_SERVICE_NAME)).extracting(Tag::text).containsExactly("", "internet", "voip");
    }

    @Test
    @DisplayName("an unknown service name gets no PADO")
    void unknownServiceNoPado() {
        assertThat(ac.receive(padi(CLIENT, "iptv"), 0L)).singleElement()
                .isEqualTo(new DiscoveryAction.Dropped(PppoeDrop.UNKNOWN_SERVICE, "PADI for service 'iptv'"));
        DiscoveryPacket two = new DiscoveryPacket(Pppoe.BROADCAST, CLIENT, -1, Pppoe.PADI, 0, List.of());
        assertThat(ac.receive(two, 0L)).singleElement().extracting(a -> ((DiscoveryAction.Dropped) a).reason())
                .isEqualTo(PppoeDrop.SERVICE_NAME_COUNT);
    }

    @Test
    @DisplayName("PADR with our cookie gets a PADS and a session; line ids from the relay's tag go with it")
    void padrOpensSession() {
        LineIds ids = new LineIds("olt1 xpon 0/1/2:100", "cpe-0042");
        Tag relay = new Tag(Pppoe.TAG_RELAY_SESSION_ID, new byte[] {9, 9});
        DiscoveryPacket pado = offer(CLIENT, "internet", relay);
        List<DiscoveryAction> out = ac.receive(padr(CLIENT, pado, "internet", relay,
                new Tag(Pppoe.TAG_VENDOR_SPECIFIC, ids.toVendorTag())), 0L);
        assertThat(out).hasSize(2);
        DiscoveryPacket pads = sent(out.get(0));
        assertThat(pads.code()).isEqualTo(Pppoe.PADS);
        assertThat(pads.sessionId()).isNotZero();
        assertThat(pads.first(Pppoe.TAG_RELAY_SESSION_ID)).contains(relay);
        assertThat(out.get(1)).isEqualTo(new DiscoveryAction.Opened(CLIENT, pads.sessionId(), "internet", ids));
        assertThat(ac.owns(CLIENT, pads.sessionId())).isTrue();
        assertThat(ac.owns(OTHER, pads.sessionId())).as("demux is by MAC and session id together").isFalse();
    }

    @Test
    @DisplayName("a repeated PADR (our PADS was lost) gets the same PADS, not a second session; once the peer spoke, a PADR is new")
    void padrRetransmission() {
        Tag uniq = new Tag(Pppoe.TAG_HOST_UNIQ, new byte[] {5, 5});
        DiscoveryPacket pado = offer(CLIENT, "internet", uniq);
        DiscoveryPacket padr = padr(CLIENT, pado, "internet");
        List<DiscoveryAction> first = ac.receive(padr, 0L);
        int sid = ((DiscoveryAction.Opened) first.get(1)).sessionId();
        List<DiscoveryAction> again = ac.receive(padr, 0L);
        assertThat(again).singleElement().isInstanceOf(DiscoveryAction.Send.class);
        assertThat(sent(again.getFirst()).sessionId()).isEqualTo(sid);
        assertThat(ac.sessions()).isEqualTo(1);
        ac.confirmed(CLIENT, sid);
        List<DiscoveryAction> later = ac.receive(padr, 0L);
        assertThat(later).hasSize(2);
        assertThat(((DiscoveryAction.Opened) later.get(1)).sessionId()).isNotEqualTo(sid);
        DiscoveryPacket otherUniq = padr(CLIENT, offer(CLIENT, "internet", new Tag(Pppoe.TAG_HOST_UNIQ, new byte[] {6})), "internet");
        assertThat(ac.receive(otherUniq, 0L)).as("another Host-Uniq: another pppd on that host").hasSize(2);
    }

    @Test
    @DisplayName("a PADR with a wrong, another station's or no cookie is ignored and counted")
    void wrongCookieIgnored() {
        DiscoveryPacket pado = offer(CLIENT, "internet");
        DiscoveryPacket spoofed = padr(OTHER, pado, "internet"); // CLIENT's cookie from OTHER's MAC
        assertThat(ac.receive(spoofed, 0L)).singleElement().extracting(a -> ((DiscoveryAction.Dropped) a).reason())
                .isEqualTo(PppoeDrop.WRONG_COOKIE);
        DiscoveryPacket bare = new DiscoveryPacket(AC, CLIENT, -1, Pppoe.PADR, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, "")));
        assertThat(ac.receive(bare, 0L)).singleElement().extracting(a -> ((DiscoveryAction.Dropped) a).reason())
                .isEqualTo(PppoeDrop.WRONG_COOKIE);
        Discovery otherAc = new Discovery(new AcConfig(AC, -1, "x", List.of(), "another-secret-16-octets".getBytes(), 3, 0, 0));
        assertThat(otherAc.receive(padr(CLIENT, pado, ""), 0L)).singleElement()
                .extracting(a -> ((DiscoveryAction.Dropped) a).reason()).isEqualTo(PppoeDrop.WRONG_COOKIE);
        assertThat(ac.sessions()).isZero();
    }

    @Test
    @DisplayName("a PADR for a service we do not offer gets PADS with SESSION_ID 0 and Service-Name-Error")
    void padrUnknownService() {
        DiscoveryPacket pado = offer(CLIENT, "internet");
        List<DiscoveryAction> out = ac.receive(padr(CLIENT, pado, "iptv"), 0L);
        DiscoveryPacket pads = sent(out.getFirst());
        assertThat(pads.sessionId()).isZero();
        assertThat(pads.first(Pppoe.TAG_SERVICE_NAME_ERROR)).isPresent();
        assertThat(ac.sessions()).isZero();
    }

    @Test
    @DisplayName("PADT from the client closes only its own session; PADT from us frees the id")
    void padtBothWays() {
        int sid = open(CLIENT);
        DiscoveryPacket forged = new DiscoveryPacket(AC, OTHER, -1, Pppoe.PADT, sid, List.of());
        assertThat(ac.receive(forged, 0L)).singleElement().extracting(a -> ((DiscoveryAction.Dropped) a).reason())
                .isEqualTo(PppoeDrop.UNKNOWN_SESSION);
        DiscoveryPacket padt = new DiscoveryPacket(AC, CLIENT, -1, Pppoe.PADT, sid, List.of());
        assertThat(ac.receive(padt, 0L)).containsExactly(new DiscoveryAction.Closed(CLIENT, sid));
        assertThat(ac.owns(CLIENT, sid)).isFalse();
        int second = open(CLIENT);
        Optional<byte[]> ours = ac.terminate(CLIENT, second, "administrative");
        assertThat(ours).isPresent();
        FrameHeader h = new FrameHeader();
        assertThat(PppoeDecoder.header(Unpooled.wrappedBuffer(ours.get()), -1, h)).isNull();
        assertThat(h.code).isEqualTo(Pppoe.PADT);
        assertThat(h.sessionId).isEqualTo(second);
        assertThat(h.destination).isEqualTo(CLIENT);
        assertThat(ac.terminate(CLIENT, second, "again")).isEmpty();
        assertThat(ac.sessions()).isZero();
    }

    @Test
    @DisplayName("beyond maxSessions a PADR gets PADS with AC-System-Error")
    void sessionLimit() {
        for (int i = 0; i < 3; i++) open(CLIENT + i);
        DiscoveryPacket pado = offer(OTHER, "");
        List<DiscoveryAction> out = ac.receive(padr(OTHER, pado, ""), 0L);
        assertThat(sent(out.getFirst()).first(Pppoe.TAG_AC_SYSTEM_ERROR)).isPresent();
        assertThat(out.get(1)).isInstanceOfSatisfying(DiscoveryAction.Dropped.class,
                d -> assertThat(d.reason()).isEqualTo(PppoeDrop.NO_SESSION_ID));
    }

    @Test
    @DisplayName("PADO and PADS are never received by an AC; PADR not to our MAC is not ours")
    void wrongDirection() {
        DiscoveryPacket pado = new DiscoveryPacket(AC, CLIENT, -1, Pppoe.PADO, 0, List.of());
        assertThat(ac.receive(pado, 0L)).singleElement().extracting(a -> ((DiscoveryAction.Dropped) a).reason())
                .isEqualTo(PppoeDrop.BAD_CODE);
        DiscoveryPacket elsewhere = new DiscoveryPacket(OTHER, CLIENT, -1, Pppoe.PADR, 0, List.of());
        assertThat(ac.receive(elsewhere, 0L)).singleElement().extracting(a -> ((DiscoveryAction.Dropped) a).reason())
                .isEqualTo(PppoeDrop.NOT_FOR_US);
    }

    static LongStream seeds() {
        return LongStream.range(0, 30).map(i -> 0xD15C_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("random opens and closes: ids unique per open session, never 0 or 0xFFFF, count consistent")
    void idsStayUnique(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Discovery d = new Discovery(new AcConfig(AC, -1, "x", List.of(), SECRET, 50, 0, 0));
        java.util.Map<Integer, Long> open = new java.util.HashMap<>();
        for (int step = 0; step < 400; step++) {
            if (!open.isEmpty() && r.nextInt(3) == 0) {
                int sid = new ArrayList<>(open.keySet()).get(r.nextInt(open.size()));
                long mac = open.remove(sid);
                assertThat(d.receive(new DiscoveryPacket(AC, mac, -1, Pppoe.PADT, sid, List.of()), 0L))
                        .containsExactly(new DiscoveryAction.Closed(mac, sid));
                continue;
            }
            long mac = CLIENT + r.nextInt(1000);
            DiscoveryPacket pado = sent(d.receive(padi(mac, ""), 0L).getFirst());
            List<DiscoveryAction> out = d.receive(padr(mac, pado, ""), 0L);
            if (open.size() == 50) {
                assertThat(out.get(1)).isInstanceOf(DiscoveryAction.Dropped.class);
                continue;
            }
            int sid = ((DiscoveryAction.Opened) out.get(1)).sessionId();
            d.confirmed(mac, sid); // the subscriber's LCP arrived: a later PADR from it is a new session
            assertThat(sid).isBetween(1, 0xFFFE);
            assertThat(open.put(sid, mac)).isNull();
        }
        assertThat(d.sessions()).isEqualTo(open.size());
        open.forEach((sid, mac) -> assertThat(d.owns(mac, sid)).isTrue());
    }

    private int open(long mac) {
        DiscoveryPacket pado = offer(mac, "internet");
        return ((DiscoveryAction.Opened) ac.receive(padr(mac, pado, "internet"), 0L).get(1)).sessionId();
    }
}
