package net.vpdn.l2tp.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Tunnel FSM scenarios")
class TunnelFsmScenarioTest {

    private static final int LAC_TID = 100;
    private static final int LNS_TID = 200;
    private static final TunnelSecret SECRET = TunnelSecret.of("s3cr3t");

    /** Two FSMs wired back to back: messages are passed as values, in order. */
    static final class Pair {
        final TunnelFsm lac;
        final TunnelFsm lns;
        final List<TunnelAction> lacActions = new ArrayList<>();
        final List<TunnelAction> lnsActions = new ArrayList<>();

        Pair(TunnelParams lacParams, TunnelParams lnsParams, TunnelAcceptor acceptor) {
            lac = new TunnelFsm(TunnelRole.INITIATOR, LAC_TID, lacParams, RandomSource.seeded(1), null);
            lns = new TunnelFsm(TunnelRole.RESPONDER, LNS_TID, lnsParams, RandomSource.seeded(2), acceptor);
        }

        /** Feeds {@code first} to the LAC, then relays every Send until both sides are quiet. */
        void run(TunnelEvent first) {
            List<ControlMessage> toLns = deliver(lac, first, lacActions);
            List<ControlMessage> toLac = List.of();
            while (!toLns.isEmpty() || !toLac.isEmpty()) {
                List<ControlMessage> nextToLac = new ArrayList<>();
                for (ControlMessage m : toLns) nextToLac.addAll(deliver(lns, new TunnelEvent.Received(m), lnsActions));
                List<ControlMessage> nextToLns = new ArrayList<>();
                for (ControlMessage m : toLac) nextToLns.addAll(deliver(lac, new TunnelEvent.Received(m), lacActions));
                toLns = nextToLns;
                toLac = nextToLac;
            }
        }

        private static List<ControlMessage> deliver(TunnelFsm fsm, TunnelEvent e, List<TunnelAction> log) {
            List<TunnelAction> a = fsm.handle(e);
            log.addAll(a);
            return Msgs.sent(a);
        }

        List<ControlMessage> sentBy(List<TunnelAction> log) {
            return Msgs.sent(log);
        }
    }

    private static TunnelParams plain(String host) {
        return TunnelParams.defaults(host);
    }

    private static <T extends TunnelAction> T only(List<TunnelAction> log, Class<T> kind) {
        List<T> found = log.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).as(kind.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    @Nested
    @DisplayName("Establishment")
    class Establishment {

        @Test
        @DisplayName("without a secret SCCRQ, SCCRP, SCCCN bring both sides up with each other's ids")
        void happyPath() {
            Pair p = new Pair(plain("lac"), plain("lns"), null);
            p.run(new TunnelEvent.Open());
            assertThat(p.lac.state()).isEqualTo(TunnelState.ESTABLISHED);
            assertThat(p.lns.state()).isEqualTo(TunnelState.ESTABLISHED);
            List<ControlMessage> fromLac = p.sentBy(p.lacActions);
            assertThat(fromLac).extracting(ControlMessage::type).containsExactly(MessageType.SCCRQ, MessageType.SCCCN);
            assertThat(fromLac.get(0).tunnelId()).as("SCCRQ header tunnel id").isZero();
            assertThat(fromLac.get(1).tunnelId()).isEqualTo(LNS_TID);
            ControlMessage sccrp = p.sentBy(p.lnsActions).get(0);
            assertThat(sccrp.type()).isEqualTo(MessageType.SCCRP);
            assertThat(sccrp.tunnelId()).isEqualTo(LAC_TID);
            assertThat(sccrp.find(Avp.AssignedTunnelId.class)).contains(new Avp.AssignedTunnelId(LNS_TID));
            assertThat(fromLac.get(0).has(Avp.Challenge.class)).isFalse();

            TunnelAction.Established up = only(p.lacActions, TunnelAction.Established.class);
            assertThat(up.peerHostName()).isEqualTo("lns");
            assertThat(up.peerTunnelId()).isEqualTo(LNS_TID);
            assertThat(up.peerReceiveWindow()).isEqualTo(TunnelParams.DEFAULT_RECEIVE_WINDOW);
            assertThat(up.peerVendorName()).isEqualTo("vpdn");
            assertThat(only(p.lnsActions, TunnelAction.Established.class).peerHostName()).isEqualTo("lac");
            assertThat(p.lns.peerTunnelId()).isEqualTo(LAC_TID);
            assertThat(p.lac.peerHostName()).isEqualTo("lns");
        }

        @Test
        @DisplayName("a peer without Receive Window Size gets the §4.4.3 default of 4")
        void defaultWindow() {
            TunnelFsm lns = new TunnelFsm(TunnelRole.RESPONDER, LNS_TID, plain("lns"), RandomSource.seeded(3), null);
            lns.handle(new TunnelEvent.Received(Msgs.sccrq()));
            assertThat(lns.peerReceiveWindow()).isEqualTo(4);
        }

        @Test
        @DisplayName("an SCCRQ with protocol version 2.0 gets StopCCN result 5 with error code 0x0100")
        void unsupportedVersion() {
            TunnelFsm lns = new TunnelFsm(TunnelRole.RESPONDER, LNS_TID, plain("lns"), RandomSource.seeded(3), null);
            ControlMessage bad = new ControlMessage(MessageType.SCCRQ, 0, 0, List.of(new Avp.ProtocolVersion(2, 0),
                    new Avp.HostName("peer"), new Avp.FramingCapabilities(true, true), new Avp.AssignedTunnelId(9)));
            List<TunnelAction> a = lns.handle(new TunnelEvent.Received(bad));
            ControlMessage stop = Msgs.onlySent(a);
            assertThat(stop.type()).isEqualTo(MessageType.STOPCCN);
            assertThat(stop.tunnelId()).isEqualTo(9);
            assertThat(stop.find(Avp.ResultCode.class).orElseThrow())
                    .extracting(Avp.ResultCode::resultCode, Avp.ResultCode::errorCode).containsExactly(5, 0x0100);
            assertThat(only(a, TunnelAction.Closing.class).result()).isEqualTo(StopCcnResult.UNSUPPORTED_PROTOCOL_VERSION);
        }

        @Test
        @DisplayName("the acceptor's Reject becomes a StopCCN addressed to the peer's tunnel id")
        void rejected() {
            TunnelFsm lns = new TunnelFsm(TunnelRole.RESPONDER, LNS_TID, plain("lns"), RandomSource.seeded(3),
                    host -> new AcceptDecision.Reject(StopCcnResult.NOT_AUTHORIZED, host + " may not terminate here"));
            List<TunnelAction> a = lns.handle(new TunnelEvent.Received(Msgs.sccrq()));
            ControlMessage stop = Msgs.onlySent(a);
            assertThat(stop.tunnelId()).isEqualTo(Msgs.PEER_TID);
            assertThat(stop.find(Avp.ResultCode.class).orElseThrow())
                    .isEqualTo(new Avp.ResultCode(4, 0, "peer may not terminate here"));
            assertThat(stop.find(Avp.AssignedTunnelId.class)).contains(new Avp.AssignedTunnelId(LNS_TID));
            assertThat(lns.state()).isEqualTo(TunnelState.CLOSING);
        }

        @Test
        @DisplayName("a Reject's error code travels in the StopCCN (general error, insufficient resources)")
        void rejectedWithErrorCode() {
            TunnelFsm lns = new TunnelFsm(TunnelRole.RESPONDER, LNS_TID, plain("lns"), RandomSource.seeded(3),
                    host -> new AcceptDecision.Reject(StopCcnResult.GENERAL_ERROR,
                            net.vpdn.l2tp.avp.ErrorCode.INSUFFICIENT_RESOURCES, "tunnel-limit reached"));
            ControlMessage stop = Msgs.onlySent(lns.handle(new TunnelEvent.Received(Msgs.sccrq())));
            assertThat(stop.find(Avp.ResultCode.class).orElseThrow())
                    .isEqualTo(new Avp.ResultCode(2, 4, "tunnel-limit reached"));
        }
    }

    @Nested
    @DisplayName("Tunnel authentication")
    class Authentication {

        @Test
        @DisplayName("with the same secret both sides challenge, answer and come up")
        void mutual() {
            Pair p = new Pair(plain("lac").withSecret(SECRET), plain("lns").withSecret(SECRET), null);
            p.run(new TunnelEvent.Open());
            assertThat(p.lac.state()).isEqualTo(TunnelState.ESTABLISHED);
            assertThat(p.lns.state()).isEqualTo(TunnelState.ESTABLISHED);
            ControlMessage sccrq = p.sentBy(p.lacActions).get(0);
            ControlMessage sccrp = p.sentBy(p.lnsActions).get(0);
            ControlMessage scccn = p.sentBy(p.lacActions).get(1);
            Bytes lacChallenge = sccrq.find(Avp.Challenge.class).orElseThrow().challenge();
            Bytes lnsChallenge = sccrp.find(Avp.Challenge.class).orElseThrow().challenge();
            assertThat(lacChallenge.length()).isEqualTo(16);
            assertThat(lnsChallenge).isNotEqualTo(lacChallenge);
            assertThat(sccrp.find(Avp.ChallengeResponse.class).orElseThrow().response())
                    .isEqualTo(TunnelAuth.response(2, SECRET, lacChallenge));
            assertThat(scccn.find(Avp.ChallengeResponse.class).orElseThrow().response())
                    .isEqualTo(TunnelAuth.response(3, SECRET, lnsChallenge));
        }

        @Test
        @DisplayName("a wrong secret on the responder: the initiator sends StopCCN 4 and the responder closes")
        void wrongSecretOnResponder() {
            Pair p = new Pair(plain("lac").withSecret(SECRET), plain("lns").withSecret(TunnelSecret.of("other")), null);
            p.run(new TunnelEvent.Open());
            ControlMessage stop = p.sentBy(p.lacActions).get(1);
            assertThat(stop.type()).isEqualTo(MessageType.STOPCCN);
            assertThat(stop.find(Avp.ResultCode.class).orElseThrow().resultCode())
                    .isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
            assertThat(p.lac.state()).isEqualTo(TunnelState.CLOSING);
            assertThat(p.lns.state()).isEqualTo(TunnelState.CLOSING);
            TunnelAction.Closing peerSide = only(p.lnsActions, TunnelAction.Closing.class);
            assertThat(peerSide.byPeer()).isTrue();
            assertThat(peerSide.result()).isEqualTo(StopCcnResult.NOT_AUTHORIZED);
            assertThat(p.lnsActions).noneMatch(a -> a instanceof TunnelAction.Established);
        }

        @Test
        @DisplayName("a wrong secret on the initiator: the responder sends StopCCN 4 after SCCCN, the initiator closes")
        void wrongSecretOnInitiator() {
            Pair p = new Pair(plain("lac").withSecret(TunnelSecret.of("other")).withChallengePeer(false),
                    plain("lns").withSecret(SECRET), null);
            p.run(new TunnelEvent.Open());
            ControlMessage stop = p.sentBy(p.lnsActions).get(1);
            assertThat(stop.type()).isEqualTo(MessageType.STOPCCN);
            assertThat(stop.tunnelId()).isEqualTo(LAC_TID);
            assertThat(stop.find(Avp.ResultCode.class).orElseThrow().resultCode()).isEqualTo(4);
            assertThat(p.lns.state()).isEqualTo(TunnelState.CLOSING);
            assertThat(p.lac.state()).isEqualTo(TunnelState.CLOSING);
            assertThat(only(p.lacActions, TunnelAction.Closing.class))
                    .extracting(TunnelAction.Closing::result, TunnelAction.Closing::byPeer)
                    .containsExactly(StopCcnResult.NOT_AUTHORIZED, true);
        }

        @Test
        @DisplayName("an SCCCN without the Challenge Response we asked for gets StopCCN 4")
        void missingResponseInScccn() {
            TunnelFsm lns = new TunnelFsm(TunnelRole.RESPONDER, LNS_TID, plain("lns").withSecret(SECRET),
                    RandomSource.seeded(3), null);
            ControlMessage sccrp = Msgs.onlySent(lns.handle(new TunnelEvent.Received(Msgs.sccrq())));
            assertThat(sccrp.has(Avp.Challenge.class)).isTrue();
            List<TunnelAction> a = lns.handle(new TunnelEvent.Received(Msgs.scccn(LNS_TID)));
            assertThat(Msgs.onlySent(a).find(Avp.ResultCode.class).orElseThrow().resultCode()).isEqualTo(4);
            assertThat(lns.state()).isEqualTo(TunnelState.CLOSING);
        }

        @Test
        @DisplayName("an SCCRP without the Challenge Response we asked for gets StopCCN 4")
        void missingResponseInSccrp() {
            TunnelFsm lac = new TunnelFsm(TunnelRole.INITIATOR, LAC_TID, plain("lac").withSecret(SECRET),
                    RandomSource.seeded(3), null);
            lac.handle(new TunnelEvent.Open());
            List<TunnelAction> a = lac.handle(new TunnelEvent.Received(Msgs.sccrp(LAC_TID)));
            ControlMessage stop = Msgs.onlySent(a);
            assertThat(stop.tunnelId()).isEqualTo(Msgs.PEER_TID);
            assertThat(stop.find(Avp.ResultCode.class).orElseThrow().resultCode()).isEqualTo(4);
            assertThat(a).noneMatch(x -> x instanceof TunnelAction.Established);
        }

        @Test
        @DisplayName("a peer's Challenge when we have no secret gets StopCCN 4")
        void challengedWithoutSecret() {
            TunnelFsm lns = new TunnelFsm(TunnelRole.RESPONDER, LNS_TID, plain("lns"), RandomSource.seeded(3), null);
            List<TunnelAction> a = lns.handle(new TunnelEvent.Received(
                    Msgs.sccrq(new Avp.Challenge(Bytes.fromHex("0102030405060708")))));
            assertThat(Msgs.onlySent(a).find(Avp.ResultCode.class).orElseThrow().resultCode()).isEqualTo(4);
        }

        @Test
        @DisplayName("the acceptor's per-peer secret is the one used to answer")
        void acceptorSecret() {
            TunnelSecret perPeer = TunnelSecret.of("per-peer");
            TunnelFsm lns = new TunnelFsm(TunnelRole.RESPONDER, LNS_TID, plain("lns").withChallengePeer(false),
                    RandomSource.seeded(3), host -> new AcceptDecision.Accept(perPeer));
            Bytes challenge = Bytes.fromHex("a1a2a3a4");
            ControlMessage sccrp = Msgs.onlySent(lns.handle(new TunnelEvent.Received(Msgs.sccrq(new Avp.Challenge(challenge)))));
            assertThat(sccrp.find(Avp.ChallengeResponse.class).orElseThrow().response())
                    .isEqualTo(TunnelAuth.response(MessageType.SCCRP, perPeer, challenge));
            assertThat(sccrp.has(Avp.Challenge.class)).isFalse();
        }

        @Test
        @DisplayName("params and accept decisions never print the secret")
        void redacted() {
            assertThat(plain("lac").withSecret(SECRET).toString()).doesNotContain("s3cr3t").contains("<redacted>");
            assertThat(new AcceptDecision.Accept(SECRET).toString()).doesNotContain("s3cr3t");
        }
    }

    @Nested
    @DisplayName("Keepalive and teardown")
    class KeepaliveAndTeardown {

        private TunnelFsm established(TunnelParams params) {
            TunnelFsm lac = new TunnelFsm(TunnelRole.INITIATOR, LAC_TID, params, RandomSource.seeded(3), null);
            lac.handle(new TunnelEvent.Open());
            List<TunnelAction> a = lac.handle(new TunnelEvent.Received(Msgs.sccrp(LAC_TID)));
            assertThat(a).contains(new TunnelAction.ArmTimer(TunnelTimer.HELLO, params.helloInterval()));
            return lac;
        }

        @Test
        @DisplayName("HELLO goes out urgently when the idle timer fires, and the timer restarts")
        void helloAfterIdle() {
            TunnelParams params = plain("lac").withHelloInterval(Duration.ofSeconds(30));
            TunnelFsm lac = established(params);
            List<TunnelAction> a = lac.handle(new TunnelEvent.TimerFired(TunnelTimer.HELLO));
            assertThat(a).containsExactly(new TunnelAction.Send(Msgs.hello(Msgs.PEER_TID), true),
                    new TunnelAction.ArmTimer(TunnelTimer.HELLO, Duration.ofSeconds(30)));
            assertThat(lac.handle(new TunnelEvent.ActivityReceived()))
                    .containsExactly(new TunnelAction.ArmTimer(TunnelTimer.HELLO, Duration.ofSeconds(30)));
        }

        @Test
        @DisplayName("a zero HELLO interval disables the keepalive")
        void helloDisabled() {
            TunnelFsm lac = new TunnelFsm(TunnelRole.INITIATOR, LAC_TID, plain("lac").withHelloInterval(Duration.ZERO),
                    RandomSource.seeded(3), null);
            lac.handle(new TunnelEvent.Open());
            assertThat(lac.handle(new TunnelEvent.Received(Msgs.sccrp(LAC_TID))))
                    .noneMatch(x -> x instanceof TunnelAction.ArmTimer);
            assertThat(lac.handle(new TunnelEvent.ActivityReceived())).isEmpty();
        }

        @Test
        @DisplayName("a local close sends an urgent StopCCN, holds for the §5.7 cycle, then releases")
        void stopHold() {
            TunnelFsm lac = established(plain("lac"));
            List<TunnelAction> a = lac.handle(
                    new TunnelEvent.Close(StopCcnResult.SHUTTING_DOWN, ErrorCode.NO_GENERAL_ERROR, "maintenance"));
            assertThat(a).containsExactly(
                    new TunnelAction.CancelTimer(TunnelTimer.HELLO),
                    new TunnelAction.Send(new ControlMessage(MessageType.STOPCCN, Msgs.PEER_TID, 0, List.of(
                            new Avp.AssignedTunnelId(LAC_TID), new Avp.ResultCode(6, 0, "maintenance"))), true),
                    new TunnelAction.Closing(StopCcnResult.SHUTTING_DOWN, ErrorCode.NO_GENERAL_ERROR, "maintenance", false),
                    new TunnelAction.ArmTimer(TunnelTimer.STOP_HOLD, Duration.ofSeconds(31)));
            assertThat(lac.handle(new TunnelEvent.Received(Msgs.stopCcn(LAC_TID, 1, 0)))).isEmpty();
            assertThat(lac.handle(new TunnelEvent.TimerFired(TunnelTimer.STOP_HOLD)))
                    .containsExactly(new TunnelAction.Closed());
            assertThat(lac.state()).isEqualTo(TunnelState.CLOSED);
        }

        @Test
        @DisplayName("a peer's StopCCN starts the hold without sending, and reports the peer's codes")
        void peerStop() {
            TunnelFsm lac = established(plain("lac"));
            List<TunnelAction> a = lac.handle(new TunnelEvent.Received(Msgs.stopCcn(LAC_TID, 2, 4)));
            assertThat(Msgs.sent(a)).isEmpty();
            assertThat(only(a, TunnelAction.Closing.class)).isEqualTo(new TunnelAction.Closing(
                    StopCcnResult.GENERAL_ERROR, ErrorCode.INSUFFICIENT_RESOURCES, "bye", true));
            assertThat(lac.handle(new TunnelEvent.TimerFired(TunnelTimer.STOP_HOLD))).containsExactly(new TunnelAction.Closed());
        }

        @Test
        @DisplayName("a result code without a constant keeps its raw value in the message")
        void unknownPeerResult() {
            TunnelFsm lac = established(plain("lac"));
            TunnelAction.Closing c = only(lac.handle(new TunnelEvent.Received(Msgs.stopCcn(LAC_TID, 42, 0))),
                    TunnelAction.Closing.class);
            assertThat(c.result()).isEqualTo(StopCcnResult.GENERAL_ERROR);
            assertThat(c.message()).contains("result code 42");
        }

        @Test
        @DisplayName("an unresponsive peer closes at once: sessions are told, nothing is sent")
        void unresponsive() {
            TunnelFsm lac = established(plain("lac"));
            List<TunnelAction> a = lac.handle(new TunnelEvent.PeerUnresponsive());
            assertThat(Msgs.sent(a)).isEmpty();
            assertThat(a).last().isEqualTo(new TunnelAction.Closed());
            assertThat(lac.state()).isEqualTo(TunnelState.CLOSED);
        }

        @Test
        @DisplayName("an invalid SCCRQ seen in IDLE is refused to the Assigned Tunnel ID it carried")
        void invalidInIdle() {
            TunnelFsm lns = new TunnelFsm(TunnelRole.RESPONDER, LNS_TID, plain("lns"), RandomSource.seeded(3), null);
            List<TunnelAction> a = lns.handle(new TunnelEvent.InvalidMessage(StopCcnResult.GENERAL_ERROR,
                    ErrorCode.UNKNOWN_MANDATORY_AVP, "AVP 99", Msgs.sccrq()));
            ControlMessage stop = Msgs.onlySent(a);
            assertThat(stop.tunnelId()).isEqualTo(Msgs.PEER_TID);
            assertThat(stop.find(Avp.ResultCode.class).orElseThrow()).isEqualTo(new Avp.ResultCode(2, 8, "AVP 99"));
        }
    }

    @Nested
    @DisplayName("Tie breaker")
    class TieBreaker {

        @Test
        @DisplayName("an initiator asked to send a Tie Breaker puts the same value in its SCCRQ as it reports")
        void sccrqCarriesTieBreaker() {
            TunnelFsm lac = new TunnelFsm(TunnelRole.INITIATOR, LAC_TID, plain("lac"), RandomSource.seeded(5), null, true);
            ControlMessage sccrq = Msgs.onlySent(lac.handle(new TunnelEvent.Open()));
            assertThat(lac.tieBreaker()).isPresent();
            assertThat(sccrq.find(Avp.TieBreaker.class)).contains(new Avp.TieBreaker(lac.tieBreaker().getAsLong()));
        }

        @Test
        @DisplayName("without the flag the SCCRQ has no Tie Breaker")
        void noTieBreaker() {
            TunnelFsm lac = new TunnelFsm(TunnelRole.INITIATOR, LAC_TID, plain("lac"), RandomSource.seeded(5), null);
            assertThat(Msgs.onlySent(lac.handle(new TunnelEvent.Open())).has(Avp.TieBreaker.class)).isFalse();
        }

        @Test
        @DisplayName("losing discards the initiating tunnel silently; the engine answers the peer with a responder")
        void loser() {
            TunnelFsm ours = new TunnelFsm(TunnelRole.INITIATOR, LAC_TID, plain("lac"), RandomSource.seeded(5), null, true);
            ours.handle(new TunnelEvent.Open());
            long theirs = 0; // the smallest value: ours (non-zero for this seed) loses
            assertThat(ours.tieBreaker().getAsLong()).isNotZero();
            assertThat(TieBreakOutcome.compare(ours.tieBreaker().getAsLong(), theirs)).isEqualTo(TieBreakOutcome.WE_LOSE);
            assertThat(ours.handle(new TunnelEvent.LostTieBreak())).containsExactly(new TunnelAction.Closed());
            assertThat(ours.state()).isEqualTo(TunnelState.CLOSED);
            TunnelFsm responder = new TunnelFsm(TunnelRole.RESPONDER, LAC_TID + 1, plain("lac"), RandomSource.seeded(6), null);
            ControlMessage sccrp = Msgs.onlySent(responder.handle(new TunnelEvent.Received(
                    Msgs.sccrq(new Avp.TieBreaker(theirs)))));
            assertThat(sccrp.type()).isEqualTo(MessageType.SCCRP);
        }
    }
}
