package net.vpdn.l2tp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.AvpCodec;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.HidingPolicy;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.testing.LinkImpairment;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.ControlPacket;
import net.vpdn.l2tp.wire.DropReason;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.PacketEncoder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("L2tpEngine: tunnels and calls between two engines in virtual time")
class L2tpEngineTest {
    static final TunnelSecret SECRET = TunnelSecret.of("s3cret");
    static final Duration LIMIT = Duration.ofSeconds(120);

    static CallParams icrq(String calling) {
        return CallParams.of(new Avp.CallingNumber(calling), new Avp.CalledNumber("100"), new Avp.BearerType(true, false));
    }

    static CallParams iccn(String user) {
        return CallParams.of(new Avp.TxConnectSpeed(10_000_000), new Avp.FramingType(true, false),
                new Avp.ProxyAuthenType(2), new Avp.ProxyAuthenName(user));
    }

    static Tunnel open(EngineTestbed tb, TunnelSecret secret) {
        Tunnel[] t = new Tunnel[1];
        tb.lac.run(() -> t[0] = tb.lac.openTunnel(EngineTestbed.LNS_ADDR,
                TunnelParams.defaults("lac1").withSecret(secret), tb.lacEvents));
        return t[0];
    }

    @Nested
    @DisplayName("with the right secret")
    class HappyPath {
        @Test
        @DisplayName("a tunnel comes up on both sides and a call carries its proxy AVPs to the LNS")
        void tunnelAndCall() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, SECRET);
            assertThat(tb.runUntil(() -> t.state() == TunnelState.ESTABLISHED
                    && tb.lns.tunnel(t.peerId()) != null
                    && tb.lns.tunnel(t.peerId()).state() == TunnelState.ESTABLISHED, LIMIT)).isTrue();
            Tunnel lnsSide = tb.lns.tunnel(t.peerId());
            assertThat(lnsSide.state()).isEqualTo(TunnelState.ESTABLISHED);
            assertThat(lnsSide.peerHostName()).isEqualTo("lac1");
            assertThat(t.peerHostName()).isEqualTo("lns1");
            assertThat(lnsSide.peerId()).isEqualTo(t.localId());

            Session[] s = new Session[1];
            tb.lac.run(() -> s[0] = t.placeCall(icrq("0311"), iccn("alice@example.com"), tb.lacEvents));
            assertThat(tb.runUntil(() -> tb.lnsEvents.up.size() == 1 && tb.lacEvents.up.size() == 1, LIMIT)).isTrue();
            Session lnsSession = tb.lnsEvents.up.getFirst();
            assertThat(lnsSession.peerId()).isEqualTo(s[0].localId());
            assertThat(s[0].peerId()).isEqualTo(lnsSession.localId());
            assertThat(tb.lnsEvents.connectParams.getFirst().proxyAuthName()).contains("alice@example.com");
            assertThat(tb.lns.establishedSessions()).isEqualTo(1);

            s[0].close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "hang up");
            assertThat(tb.runUntil(() -> tb.lnsEvents.sessionDown.size() == 1, LIMIT)).isTrue();
            assertThat(tb.lnsEvents.sessionDown.getFirst().resultCode()).isEqualTo(CdnResult.ADMINISTRATIVE.code());
            assertThat(tb.lns.establishedSessions()).isZero();
            assertThat(lnsSide.sessionCount()).isZero();
        }

        @Test
        @DisplayName("StopCCN clears the sessions on both sides and both tunnels are released after the hold")
        void stopCcn() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, SECRET);
            tb.lac.run(() -> t.placeCall(icrq("1"), iccn("a@x"), tb.lacEvents));
            tb.lac.run(() -> t.placeCall(icrq("2"), iccn("b@x"), tb.lacEvents));
            assertThat(tb.runUntil(() -> tb.lnsEvents.up.size() == 2, LIMIT)).isTrue();

            t.close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, "bye");
            assertThat(tb.runUntil(() -> tb.lac.tunnels().isEmpty() && tb.lns.tunnels().isEmpty(), LIMIT)).isTrue();
            assertThat(tb.lnsEvents.events).containsSubsequence("sessionDownByPeer", "sessionDownByPeer", "tunnelDownByPeer");
            assertThat(tb.lacEvents.events).contains("tunnelDown");
            assertThat(tb.lns.stats().sent(MessageType.CDN)).as("StopCCN clears calls without CDN").isZero();
        }

        @Test
        @DisplayName("a call placed before the tunnel is up waits for it")
        void callBeforeTunnel() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, SECRET);
            tb.lac.run(() -> t.placeCall(icrq("1"), iccn("a@x"), tb.lacEvents));
            assertThat(t.state()).isNotEqualTo(TunnelState.ESTABLISHED);
            assertThat(tb.runUntil(() -> tb.lacEvents.up.size() == 1, LIMIT)).isTrue();
        }

        @Test
        @DisplayName("a LAC clearing a call before the ICRP arrives (CDN in session 0) clears it on the LNS too")
        void cdnBeforeIcrp() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, SECRET);
            assertThat(tb.runUntil(() -> t.state() == TunnelState.ESTABLISHED, LIMIT)).isTrue();
            Session[] placed = new Session[1];
            tb.lac.run(() -> placed[0] = t.placeCall(icrq("1"), iccn("a@x"), tb.lacEvents));
            Session call = placed[0];
            // the LNS has answered (ICRP in flight, 5 ms away): the LAC gives up before it arrives
            assertThat(tb.runUntil(() -> tb.lnsEvents.events.contains("incomingCall"), LIMIT)).isTrue();
            assertThat(call.peerId()).as("the LAC does not know the LNS's id yet").isZero();
            tb.lac.run(() -> call.close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "setup timeout"));
            assertThat(tb.runUntil(() -> tb.lnsEvents.sessionDown.size() == 1, LIMIT)).as("LNS call cleared").isTrue();
            assertThat(tb.lns.tunnel(t.peerId()).sessionCount()).isZero();
            assertThat(t.sessionCount()).isZero();
        }

        @Test
        @DisplayName("the LNS refusing a call sends CDN with the owner's result code")
        void refusedCall() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            tb.lnsEvents.answer = false;
            Tunnel t = open(tb, SECRET);
            tb.lac.run(() -> t.placeCall(icrq("1"), iccn("a@x"), tb.lacEvents));
            assertThat(tb.runUntil(() -> tb.lnsEvents.events.contains("incomingCall"), LIMIT)).isTrue();
            Session pending = tb.lns.tunnel(t.peerId()).sessions().getFirst();
            pending.reject(CdnResult.TEMPORARY_LACK_OF_RESOURCES, ErrorCode.INSUFFICIENT_RESOURCES, "busy");
            assertThat(tb.runUntil(() -> tb.lacEvents.sessionDown.size() == 1, LIMIT)).isTrue();
            assertThat(tb.lacEvents.sessionDown.getFirst().resultCode()).isEqualTo(CdnResult.TEMPORARY_LACK_OF_RESOURCES.code());
            assertThat(t.sessionCount()).isZero();
        }

        @Test
        @DisplayName("a LAC that gives up before the ICRP clears the LNS's pending call with a CDN to session 0")
        void cdnBeforeReply() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            tb.lnsEvents.answer = false;
            Tunnel t = open(tb, SECRET);
            Session[] s = new Session[1];
            tb.lac.run(() -> s[0] = t.placeCall(icrq("1"), iccn("a@x"), tb.lacEvents));
            assertThat(tb.runUntil(() -> tb.lnsEvents.events.contains("incomingCall"), LIMIT)).isTrue();
            Tunnel lnsSide = tb.lns.tunnel(t.peerId());
            assertThat(s[0].peerId()).as("no ICRP yet").isZero();
            assertThat(lnsSide.sessionCount()).isEqualTo(1);

            tb.lac.run(() -> s[0].close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "setup timeout"));
            assertThat(tb.runUntil(() -> lnsSide.sessionCount() == 0, LIMIT))
                    .as("the LNS matched the CDN by its Assigned Session ID").isTrue();
            assertThat(tb.lns.stats().dropped(EngineDrop.UNKNOWN_SESSION)).isZero();
        }
    }

    @Nested
    @DisplayName("tunnel authentication")
    class Auth {
        @Test
        @DisplayName("a wrong secret ends the tunnel on both sides with result 4 (not authorized)")
        void wrongSecret() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, TunnelSecret.of("wrong"));
            assertThat(tb.runUntil(() -> tb.lac.tunnels().isEmpty() && tb.lns.tunnels().isEmpty(), LIMIT)).isTrue();
            assertThat(tb.lacEvents.tunnelDown).singleElement()
                    .extracting(Avp.ResultCode::resultCode).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
            assertThat(t.state()).isIn(TunnelState.CLOSED, TunnelState.CLOSING);
        }

        @Test
        @DisplayName("an LAC the LNS does not know is refused with result 4")
        void unknownHost() {
            EngineTestbed tb = new EngineTestbed(LinkImpairment.perfect(Duration.ofMillis(5)), EngineConfig.defaults("lac1"),
                    EngineConfig.defaults("lns1"), EngineTestbed.acceptOnly("other-lac", SECRET));
            open(tb, SECRET);
            assertThat(tb.runUntil(() -> !tb.lacEvents.tunnelDown.isEmpty(), LIMIT)).isTrue();
            assertThat(tb.lacEvents.tunnelDown.getFirst().resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
        }
    }

    @Nested
    @DisplayName("under loss")
    class Loss {
        static Stream<Long> seeds() {
            return Stream.of(1L, 7L, 42L, 1701L);
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("seeds")
        @DisplayName("30% loss with duplication and reordering: every call still comes up exactly once")
        void lossy(long seed) {
            EngineTestbed tb = new EngineTestbed(
                    LinkImpairment.seeded(seed, 0.3, 0.1, Duration.ofMillis(5), Duration.ofMillis(20)),
                    lossTolerant("lac1"), lossTolerant("lns1"), EngineTestbed.acceptOnly("lac1", SECRET));
            Tunnel t = open(tb, SECRET);
            int calls = 20;
            for (int i = 0; i < calls; i++) {
                String n = "c" + i;
                tb.lac.run(() -> t.placeCall(icrq(n), iccn(n + "@x"), tb.lacEvents));
            }
            assertThat(tb.runUntil(() -> tb.lnsEvents.up.size() == calls && tb.lacEvents.up.size() == calls,
                    Duration.ofMinutes(30))).as("seed %d", seed).isTrue();
            assertThat(tb.lns.establishedSessions()).isEqualTo(calls);
            assertThat(tb.lnsEvents.sessionDown).isEmpty();
            assertThat(t.transport().counters().retransmissions()).isPositive();
        }

        private EngineConfig lossTolerant(String host) {
            EngineConfig d = EngineConfig.defaults(host);
            return new EngineConfig(d.transport().withRetransmit(
                    new net.vpdn.l2tp.transport.RetransmitPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 40)),
                    d.responderParams(), d.maxPendingTunnels(), d.hiddenAvps());
        }
    }

    @Nested
    @DisplayName("hostile and odd input")
    class Input {
        @Test
        @DisplayName("garbage datagrams are counted by reason and harm no tunnel")
        void garbage() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, SECRET);
            assertThat(tb.runUntil(() -> t.state() == TunnelState.ESTABLISHED, LIMIT)).isTrue();
            RandomSource r = RandomSource.seeded(99);
            for (int i = 0; i < 2000; i++) {
                byte[] junk = new byte[i % 64];
                r.nextBytes(junk);
                tb.lns.onControlDatagram(EngineTestbed.LAC_ADDR, junk, 0, junk.length);
            }
            tb.lns.onControlDatagram(EngineTestbed.LAC_ADDR, new byte[] {(byte) 0xC8, 0x01}, 0, 2);
            assertThat(tb.lns.stats().wireDropsByReason()).isNotEmpty();
            assertThat(tb.lns.stats().dropped(DropReason.L2F_VERSION)).isPositive();
            tb.lac.run(() -> t.placeCall(icrq("1"), iccn("a@x"), tb.lacEvents));
            assertThat(tb.runUntil(() -> tb.lnsEvents.up.size() == 1, LIMIT)).isTrue();
        }

        @Test
        @DisplayName("a retransmitted SCCRQ reaches the tunnel it opened instead of opening another")
        void retransmittedSccrq() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            tb.link.dropNext(net.vpdn.l2tp.testing.FakeLink.Side.B, d -> true); // lose the SCCRP
            Tunnel t = open(tb, SECRET);
            assertThat(tb.runUntil(() -> t.state() == TunnelState.ESTABLISHED, LIMIT)).isTrue();
            assertThat(tb.lns.tunnels()).hasSize(1);
        }

        @Test
        @DisplayName("unauthenticated tunnels are bounded: an SCCRQ flood is dropped past the limit")
        void sccrqFlood() {
            EngineConfig d = EngineConfig.defaults("lns1");
            EngineConfig small = new EngineConfig(d.transport(), d.responderParams(), 10, d.hiddenAvps());
            EngineTestbed tb = new EngineTestbed(LinkImpairment.blackhole(), EngineConfig.defaults("lac1"), small,
                    EngineTestbed.acceptOnly("lac1", SECRET));
            for (int i = 1; i <= 50; i++) {
                byte[] sccrq = sccrq(i);
                tb.lns.onControlDatagram(EngineTestbed.addr("127.0.0.3", 2000 + i), sccrq, 0, sccrq.length);
            }
            assertThat(tb.lns.tunnels()).hasSize(10);
            assertThat(tb.lns.stats().dropped(EngineDrop.PENDING_TUNNEL_LIMIT)).isEqualTo(40);
            tb.clock.advance(Duration.ofMinutes(5));
            assertThat(tb.lns.tunnels()).as("silent peers time out and free their slots").isEmpty();
        }

        @Test
        @DisplayName("an unknown mandatory AVP in an ICRQ clears that call with CDN error 8, not the tunnel")
        void unknownMandatoryInIcrq() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, SECRET);
            tb.lac.run(() -> t.placeCall(icrq("1"), iccn("a@x"), tb.lacEvents));
            assertThat(tb.runUntil(() -> tb.lnsEvents.up.size() == 1, LIMIT)).isTrue();
            CallParams bad = icrq("2").with(new Avp.Unknown(9, 77, true, net.vpdn.l2tp.wire.Bytes.of((byte) 1)));
            tb.lac.run(() -> t.placeCall(bad, iccn("b@x"), tb.lacEvents));
            assertThat(tb.runUntil(() -> tb.lacEvents.sessionDown.size() == 1, LIMIT)).isTrue();
            assertThat(tb.lacEvents.sessionDown.getFirst().errorCode()).isEqualTo(ErrorCode.UNKNOWN_MANDATORY_AVP.code());
            assertThat(t.state()).isEqualTo(TunnelState.ESTABLISHED);
            assertThat(tb.lns.establishedSessions()).isEqualTo(1);
        }

        @Test
        @DisplayName("the LAC follows an LNS that answers from another port (RFC 2661 §8.1)")
        void portFloating() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            InetSocketAddress floated = EngineTestbed.addr("127.0.0.2", 40000);
            tb.lnsEgress = d -> new EngineTestbed.Datagram(floated, d.to(), d.bytes());
            Tunnel t = open(tb, SECRET);
            assertThat(tb.runUntil(() -> t.state() == TunnelState.ESTABLISHED, LIMIT)).isTrue();
            assertThat(t.peer()).isEqualTo(floated);
        }
    }

    @Nested
    @DisplayName("outgoing calls, link info and keepalive")
    class Outgoing {
        @Test
        @DisplayName("the LNS places an outgoing call: OCRQ, the LAC answers its bearer, OCRP and OCCN connect it")
        void outgoingCall() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, SECRET);
            assertThat(tb.runUntil(() -> tb.lns.tunnel(t.peerId()) != null
                    && tb.lns.tunnel(t.peerId()).state() == TunnelState.ESTABLISHED, LIMIT)).isTrue();
            Tunnel lnsSide = tb.lns.tunnel(t.peerId());
            tb.lns.run(() -> lnsSide.placeOutgoingCall(CallParams.of(new Avp.CalledNumber("0312345678"),
                    new Avp.MinimumBps(0), new Avp.MaximumBps(64_000), new Avp.BearerType(true, false),
                    new Avp.FramingType(true, false)), tb.lnsEvents));
            assertThat(tb.runUntil(() -> tb.lacEvents.events.contains("incomingCall"), LIMIT)).isTrue();
            assertThat(tb.lnsEvents.up).as("not connected before the bearer answers").isEmpty();
            Session lacSide = t.sessions().getFirst();
            lacSide.bearerAnswered(CallParams.of(new Avp.TxConnectSpeed(64_000), new Avp.FramingType(true, false)));
            assertThat(tb.runUntil(() -> tb.lnsEvents.up.size() == 1 && tb.lacEvents.up.size() == 1, LIMIT)).isTrue();
            assertThat(tb.lnsEvents.up.getFirst().peerId()).isEqualTo(lacSide.localId());
        }

        @Test
        @DisplayName("Set-Link-Info from the LNS reaches the LAC's owner with its ACCM")
        void setLinkInfo() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, SECRET);
            long[] accm = new long[2];
            tb.lac.run(() -> t.placeCall(icrq("1"), iccn("a@x"), new SessionListener() {
                @Override public void linkInfo(Session s, long send, long receive) {
                    accm[0] = send;
                    accm[1] = receive;
                }
            }));
            assertThat(tb.runUntil(() -> tb.lnsEvents.up.size() == 1, LIMIT)).isTrue();
            tb.lnsEvents.up.getFirst().sendSetLinkInfo(0xFFFFFFFFL, 0x000A0000L);
            assertThat(tb.runUntil(() -> accm[1] != 0, LIMIT)).isTrue();
            assertThat(accm).containsExactly(0xFFFFFFFFL, 0x000A0000L);
        }

        @Test
        @DisplayName("HELLO goes out after an idle interval, but not while data keeps arriving")
        void hello() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            Tunnel t = open(tb, SECRET);
            tb.lac.run(() -> t.placeCall(icrq("1"), iccn("a@x"), tb.lacEvents));
            assertThat(tb.runUntil(() -> tb.lacEvents.up.size() == 1, LIMIT)).isTrue();
            Session s = tb.lacEvents.up.getFirst();
            for (int i = 0; i < 30; i++) {
                tb.lac.run(() -> s.acceptData(false, 0, 100));
                tb.clock.advance(Duration.ofSeconds(10));
            }
            assertThat(tb.lac.stats().sent(MessageType.HELLO)).as("LAC saw data all along").isZero();
            assertThat(tb.lns.stats().sent(MessageType.HELLO)).as("the LNS saw no data").isPositive();
            tb.clock.advance(Duration.ofSeconds(61));
            assertThat(tb.lac.stats().sent(MessageType.HELLO)).as("idle again").isPositive();
            assertThat(t.state()).isEqualTo(TunnelState.ESTABLISHED);
        }
    }

    @Nested
    @DisplayName("simultaneous open (Tie Breaker, RFC 2661 §4.4.3)")
    class TieBreak {
        @Test
        @DisplayName("two endpoints opening tunnels to each other at once end with one tunnel")
        void oneTunnelSurvives() {
            EngineConfig a = EngineConfig.defaults("lac1");
            EngineConfig b = EngineConfig.defaults("lns1");
            EngineTestbed tb = new EngineTestbed(LinkImpairment.perfect(Duration.ofMillis(5)),
                    new EngineConfig(a.transport(), a.responderParams(), 16, a.hiddenAvps(), true),
                    new EngineConfig(b.transport(), b.responderParams(), 16, b.hiddenAvps(), true),
                    EngineTestbed.acceptOnly("lns1", SECRET), EngineTestbed.acceptOnly("lac1", SECRET));
            tb.lac.run(() -> tb.lac.openTunnel(EngineTestbed.LNS_ADDR, TunnelParams.defaults("lac1").withSecret(SECRET),
                    tb.lacEvents));
            tb.lns.run(() -> tb.lns.openTunnel(EngineTestbed.LAC_ADDR, TunnelParams.defaults("lns1").withSecret(SECRET),
                    tb.lnsEvents));
            tb.clock.advance(Duration.ofSeconds(5));
            assertThat(tb.lac.tunnels()).singleElement().extracting(Tunnel::state).isEqualTo(TunnelState.ESTABLISHED);
            assertThat(tb.lns.tunnels()).singleElement().extracting(Tunnel::state).isEqualTo(TunnelState.ESTABLISHED);
            assertThat(tb.lac.tunnels().getFirst().peerId()).isEqualTo(tb.lns.tunnels().getFirst().localId());
        }

        @Test
        @DisplayName("many tunnels to one peer stay separate (each with its own ids)")
        void manyTunnelsPerPeer() {
            EngineTestbed tb = EngineTestbed.withSecret(SECRET);
            List<Tunnel> opened = new ArrayList<>();
            for (int i = 0; i < 5; i++) opened.add(open(tb, SECRET));
            assertThat(tb.runUntil(() -> opened.stream().allMatch(t -> t.state() == TunnelState.ESTABLISHED), LIMIT)).isTrue();
            tb.clock.advance(Duration.ofSeconds(1));
            assertThat(tb.lns.tunnels()).hasSize(5).allMatch(t -> t.state() == TunnelState.ESTABLISHED);
            assertThat(opened.stream().map(Tunnel::peerId).distinct()).hasSize(5);
        }
    }

    /** A minimal valid SCCRQ from a peer that assigned tunnel id {@code tid}. */
    static byte[] sccrq(int tid) {
        ControlMessage m = new ControlMessage(MessageType.SCCRQ, 0, 0, List.of(
                new Avp.ProtocolVersion(1, 0), new Avp.HostName("lac1"), new Avp.FramingCapabilities(true, true),
                new Avp.AssignedTunnelId(tid)));
        List<net.vpdn.l2tp.wire.RawAvp> avps = AvpCodec.encode(m, HidingPolicy.none(), RandomSource.seeded(tid));
        return PacketEncoder.encodeControl(new ControlPacket(0, 0, 0, 0, new ArrayList<>(avps)));
    }
}
