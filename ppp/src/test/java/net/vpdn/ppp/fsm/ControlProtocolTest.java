package net.vpdn.ppp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.testing.VirtualLink;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ControlProtocol engine, two endpoints in virtual time")
class ControlProtocolTest {
    private static final long SECOND = 1_000_000_000L;

    private final TestLayer layerA = new TestLayer(7, 7);
    private final TestLayer layerB = new TestLayer(7, 7);

    private VirtualLink link(TestLayer a, TestLayer b, CpConfig config) {
        return new VirtualLink(new ControlProtocol(a, config), new ControlProtocol(b, config));
    }

    private static void start(VirtualLink link) {
        for (VirtualLink.Side s : List.of(link.a, link.b)) {
            s.input(ControlProtocol::open);
            s.input(ControlProtocol::up);
        }
    }

    private static List<CpPacket> sentWithCode(VirtualLink.Side side, CpCode code) {
        return side.sent.stream().filter(p -> p.is(code)).toList();
    }

    @Nested
    @DisplayName("opening")
    class Opening {
        @Test
        @DisplayName("both sides reach Opened with one request each and agree on the option")
        void opens() {
            VirtualLink link = link(layerA, layerB, CpConfig.rfcDefaults());
            start(link);
            link.run(Duration.ofSeconds(60));
            assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
            assertThat(link.b.cp.state()).isEqualTo(CpState.OPENED);
            assertThat(link.a.effects(CpEffect.LayerUp.class)).hasSize(1);
            assertThat(sentWithCode(link.a, CpCode.CONFIGURE_REQUEST)).hasSize(1);
            assertThat(layerA.oursInForce).containsExactly(TestLayer.option(1, 7));
            assertThat(layerA.theirsInForce).containsExactly(TestLayer.option(1, 7));
            assertThat(link.nowNanos).isZero();
        }

        @Test
        @DisplayName("a lost Configure-Request is retransmitted, same Identifier, when the Restart timer fires")
        void lostRequestRetransmitted() {
            VirtualLink link = link(layerA, layerB, CpConfig.rfcDefaults());
            int[] requestsFromA = {0};
            link.dropRule = (from, p) -> from == link.a && p.is(CpCode.CONFIGURE_REQUEST) && requestsFromA[0]++ == 0;
            start(link);
            link.run(Duration.ofSeconds(60));
            List<CpPacket> requests = sentWithCode(link.a, CpCode.CONFIGURE_REQUEST);
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1)).isEqualTo(requests.get(0));
            assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
            assertThat(link.b.cp.state()).isEqualTo(CpState.OPENED);
            assertThat(link.a.effects(CpEffect.ArmRestartTimer.class).getFirst().after()).isEqualTo(Duration.ofSeconds(3));
        }

        @Test
        @DisplayName("a silent peer exhausts Max-Configure: exactly 10 requests, then tlf and Stopped after 30 s")
        void maxConfigureExhausted() {
            VirtualLink link = link(layerA, layerB, CpConfig.rfcDefaults());
            link.dropRule = (from, p) -> from == link.a;
            link.a.input(ControlProtocol::open);
            link.a.input(ControlProtocol::up);
            link.run(Duration.ofMinutes(5));
            assertThat(sentWithCode(link.a, CpCode.CONFIGURE_REQUEST)).hasSize(10);
            assertThat(link.a.cp.state()).isEqualTo(CpState.STOPPED);
            assertThat(link.a.effects(CpEffect.LayerFinished.class))
                    .containsExactly(new CpEffect.LayerFinished(CpEvent.TO_MINUS, CpState.REQ_SENT));
            assertThat(link.nowNanos).isEqualTo(30 * SECOND);
            assertThat(link.a.timerDue).isEqualTo(-1);
        }

        @Test
        @DisplayName("a Nak is applied: we then ask for the value the peer suggested")
        void nakConverges() {
            TestLayer wants5 = new TestLayer(5, 7);
            VirtualLink link = link(wants5, layerB, CpConfig.rfcDefaults());
            start(link);
            link.run(Duration.ofSeconds(60));
            assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
            assertThat(wants5.oursInForce).containsExactly(TestLayer.option(1, 7));
            assertThat(sentWithCode(link.b, CpCode.CONFIGURE_NAK)).hasSize(1);
        }

        @Test
        @DisplayName("after Max-Failure Naks the Nak becomes a Reject, and a stubborn peer stops asking")
        void maxFailureTurnsNakIntoReject() {
            TestLayer stubborn = new TestLayer(5, 7) {
                @Override
                public boolean applyNak(List<net.vpdn.ppp.wire.CpOption> nakked) {
                    return true;
                }
            };
            CpConfig config = new CpConfig(Duration.ofSeconds(3), 2, 10, 3, 1496);
            VirtualLink link = link(stubborn, layerB, config);
            start(link);
            link.run(Duration.ofSeconds(60));
            assertThat(sentWithCode(link.b, CpCode.CONFIGURE_NAK)).hasSize(3);
            assertThat(sentWithCode(link.b, CpCode.CONFIGURE_REJECT)).hasSize(1);
            assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
            assertThat(stubborn.oursInForce).isEmpty();
        }
    }

    @Nested
    @DisplayName("closing")
    class Closing {
        @Test
        @DisplayName("Close sends Terminate-Request; the peer acks, goes Stopping and finishes after one Restart period")
        void close() {
            VirtualLink link = link(layerA, layerB, CpConfig.rfcDefaults());
            start(link);
            link.run(Duration.ofSeconds(10));
            link.a.input(ControlProtocol::close);
            link.run(Duration.ofSeconds(60));
            assertThat(link.a.cp.state()).isEqualTo(CpState.CLOSED);
            assertThat(link.b.cp.state()).isEqualTo(CpState.STOPPED);
            assertThat(link.a.effects(CpEffect.LayerFinished.class))
                    .containsExactly(new CpEffect.LayerFinished(CpEvent.RTA, CpState.CLOSING));
            assertThat(link.b.effects(CpEffect.LayerDown.class)).containsExactly(new CpEffect.LayerDown(CpEvent.RTR));
            assertThat(link.b.effects(CpEffect.LayerFinished.class))
                    .containsExactly(new CpEffect.LayerFinished(CpEvent.TO_MINUS, CpState.STOPPING));
        }

        @Test
        @DisplayName("with every Terminate-Ack lost, Terminate-Request goes out Max-Terminate times, then tlf")
        void maxTerminate() {
            VirtualLink link = link(layerA, layerB, CpConfig.rfcDefaults());
            start(link);
            link.run(Duration.ofSeconds(10));
            link.dropRule = (from, p) -> p.is(CpCode.TERMINATE_ACK);
            link.a.input(ControlProtocol::close);
            link.run(Duration.ofSeconds(60));
            List<CpPacket> terminates = sentWithCode(link.a, CpCode.TERMINATE_REQUEST);
            assertThat(terminates).hasSize(2);
            assertThat(terminates.get(1).identifier()).isEqualTo(terminates.get(0).identifier());
            assertThat(link.a.cp.state()).isEqualTo(CpState.CLOSED);
        }
    }

    @Nested
    @DisplayName("in Opened")
    class InOpened {
        private VirtualLink opened() {
            VirtualLink link = link(layerA, layerB, CpConfig.rfcDefaults());
            start(link);
            link.run(Duration.ofSeconds(10));
            return link;
        }

        @Test
        @DisplayName("an unknown code is Code-Rejected with the packet echoed, and the state stays Opened")
        void unknownCode() {
            VirtualLink link = opened();
            List<CpEffect> effects = link.a.cp.receive(new CpPacket(0x42, 9, Octets.fromHex("abcd")));
            assertThat(effects).singleElement().isInstanceOfSatisfying(CpEffect.Send.class, s -> {
                assertThat(s.packet().code()).isEqualTo(CpCode.CODE_REJECT.value());
                assertThat(s.packet().data()).isEqualTo(Octets.fromHex("42090006abcd"));
            });
            assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
        }

        @Test
        @DisplayName("a Code-Reject of Configure-Request is catastrophic: tld, irc, str and Stopping")
        void catastrophicReject() {
            VirtualLink link = opened();
            List<CpEffect> effects = link.a.cp.receive(CpPacket.of(CpCode.CODE_REJECT, 3, Octets.fromHex("01010004")));
            assertThat(link.a.cp.state()).isEqualTo(CpState.STOPPING);
            assertThat(effects.getFirst()).isEqualTo(new CpEffect.LayerDown(CpEvent.RXJ_MINUS));
            assertThat(effects.get(1)).isInstanceOfSatisfying(CpEffect.Send.class,
                    s -> assertThat(s.packet().is(CpCode.TERMINATE_REQUEST)).isTrue());
            assertThat(link.a.cp.restartCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("a peer's new Configure-Request renegotiates: tld, then our request and our ack")
        void renegotiation() {
            VirtualLink link = opened();
            List<CpEffect> effects = link.a.cp.receive(
                    CpPacket.of(CpCode.CONFIGURE_REQUEST, 77, Octets.fromHex("01040007")));
            assertThat(effects.getFirst()).isEqualTo(new CpEffect.LayerDown(CpEvent.RCR_PLUS));
            assertThat(effects).filteredOn(CpEffect.Send.class::isInstance).map(e -> ((CpEffect.Send) e).packet().code())
                    .containsExactly(CpCode.CONFIGURE_REQUEST.value(), CpCode.CONFIGURE_ACK.value());
            assertThat(link.a.cp.state()).isEqualTo(CpState.ACK_SENT);
        }
    }

    @Nested
    @DisplayName("discards and ignores")
    class Discards {
        @Test
        @DisplayName("a Configure-Ack with a stale Identifier is dropped and counted")
        void staleAck() {
            ControlProtocol cp = new ControlProtocol(layerA, CpConfig.rfcDefaults());
            cp.open();
            cp.up();
            List<CpEffect> effects = cp.receive(CpPacket.of(CpCode.CONFIGURE_ACK, 200, Octets.fromHex("01040007")));
            assertThat(effects).singleElement().isInstanceOf(CpEffect.Dropped.class);
            assertThat(cp.drops(CpDropReason.REPLY_ID_MISMATCH)).isEqualTo(1);
            assertThat(cp.state()).isEqualTo(CpState.REQ_SENT);
        }

        @Test
        @DisplayName("a Configure-Ack whose options differ from our request is dropped")
        void alteredAck() {
            ControlProtocol cp = new ControlProtocol(layerA, CpConfig.rfcDefaults());
            cp.open();
            CpPacket request = ((CpEffect.Send) cp.up().getFirst()).packet();
            cp.receive(CpPacket.of(CpCode.CONFIGURE_ACK, request.identifier(), Octets.fromHex("01040008")));
            assertThat(cp.drops(CpDropReason.ACK_CONTENT_MISMATCH)).isEqualTo(1);
            assertThat(cp.state()).isEqualTo(CpState.REQ_SENT);
        }

        @Test
        @DisplayName("a timer expiry with an old token does nothing")
        void staleTimer() {
            ControlProtocol cp = new ControlProtocol(layerA, CpConfig.rfcDefaults());
            cp.open();
            long first = ((CpEffect.ArmRestartTimer) cp.up().get(1)).token();
            cp.timeout(first);
            assertThat(cp.timeout(first)).isEmpty();
        }

        @Test
        @DisplayName("an event the RFC calls illegal is reported and changes nothing")
        void illegal() {
            ControlProtocol cp = new ControlProtocol(layerA, CpConfig.rfcDefaults());
            assertThat(cp.receive(CpPacket.of(CpCode.TERMINATE_REQUEST, 1, Octets.EMPTY)))
                    .containsExactly(new CpEffect.IllegalEvent(CpState.INITIAL, CpEvent.RTR));
            assertThat(cp.state()).isEqualTo(CpState.INITIAL);
        }
    }
}
