package net.vpdn.l2tp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.ProxyAuthType;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Session FSM scenarios")
class SessionFsmScenarioTest {

    private static final int LAC_SID = 11;
    private static final int LNS_SID = 22;

    private static final CallParams ICRQ_PARAMS = CallParams.of(new Avp.CallSerialNumber(777),
            new Avp.CallingNumber("0312345678"), new Avp.CalledNumber("117"), new Avp.BearerType(true, false));
    private static final CallParams ICCN_PARAMS = CallParams.of(new Avp.TxConnectSpeed(10_000_000),
            new Avp.FramingType(true, false), new Avp.InitialReceivedLcpConfReq(Bytes.fromHex("010405dc")),
            new Avp.ProxyAuthenType(ProxyAuthType.PPP_PAP.code()), new Avp.ProxyAuthenName("user@example"),
            new Avp.ProxyAuthenResponse(Bytes.fromHex("70617373")), new Avp.SequencingRequired());

    /** Collects every action; relays the Sends of one FSM to the other. */
    private static List<ControlMessage> sends(List<SessionAction> actions) {
        return actions.stream().filter(a -> a instanceof SessionAction.Send).map(a -> ((SessionAction.Send) a).msg())
                .toList();
    }

    private static List<SessionAction> relay(List<SessionAction> from, SessionFsm to) {
        List<SessionAction> out = new ArrayList<>();
        for (ControlMessage m : sends(from)) out.addAll(to.handle(new SessionEvent.Received(m)));
        return out;
    }

    private static <T extends SessionAction> T only(List<SessionAction> actions, Class<T> kind) {
        List<T> found = actions.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).as(kind.getSimpleName() + " in " + actions).hasSize(1);
        return found.get(0);
    }

    /** A LAC and an LNS session with an incoming call up between them. */
    static final class IncomingCall {
        final SessionFsm lac = new SessionFsm(SessionRole.LAC_INCOMING, LAC_SID, RandomSource.seeded(1));
        final SessionFsm lns = new SessionFsm(SessionRole.LNS_INCOMING, LNS_SID, RandomSource.seeded(2));
        List<SessionAction> icrq;
        List<SessionAction> atLns;
        List<SessionAction> iccn;
        List<SessionAction> established;

        IncomingCall up() {
            assertThat(lac.handle(new SessionEvent.Open(ICRQ_PARAMS, ICCN_PARAMS))).isEmpty();
            icrq = lac.handle(new SessionEvent.TunnelUp());
            atLns = relay(icrq, lns);
            List<SessionAction> icrp = lns.handle(new SessionEvent.Answer());
            iccn = relay(icrp, lac);
            established = relay(iccn, lns);
            return this;
        }
    }

    @Nested
    @DisplayName("Incoming call, §7.4")
    class Incoming {

        @Test
        @DisplayName("ICRQ, ICRP, ICCN bring both sides up with each other's session ids and the proxy AVPs")
        void happyPath() {
            IncomingCall c = new IncomingCall().up();
            ControlMessage icrq = sends(c.icrq).get(0);
            assertThat(icrq.sessionId()).as("ICRQ header session id").isZero();
            assertThat(icrq.tunnelId()).as("left for the engine").isZero();
            assertThat(icrq.find(Avp.AssignedSessionId.class)).contains(new Avp.AssignedSessionId(LAC_SID));
            assertThat(icrq.find(Avp.CallSerialNumber.class)).contains(new Avp.CallSerialNumber(777));
            assertThat(icrq.avps().stream().filter(a -> a instanceof Avp.CallSerialNumber)).hasSize(1);
            assertThat(only(c.atLns, SessionAction.IncomingCall.class).params().callingNumber()).contains("0312345678");

            ControlMessage iccn = sends(c.iccn).get(0);
            assertThat(iccn.type()).isEqualTo(MessageType.ICCN);
            assertThat(iccn.sessionId()).isEqualTo(LNS_SID);
            SessionAction.Established lacUp = only(c.iccn, SessionAction.Established.class);
            assertThat(lacUp.peerSessionId()).isEqualTo(LNS_SID);
            assertThat(lacUp.sequencingRequired()).isTrue();

            SessionAction.Established lnsUp = only(c.established, SessionAction.Established.class);
            assertThat(lnsUp.peerSessionId()).isEqualTo(LAC_SID);
            assertThat(lnsUp.sequencingRequired()).isTrue();
            assertThat(lnsUp.connectParams().proxyAuthType()).contains(ProxyAuthType.PPP_PAP);
            assertThat(lnsUp.connectParams().proxyAuthName()).contains("user@example");
            assertThat(lnsUp.connectParams().initialReceivedLcpConfReq()).contains(Bytes.fromHex("010405dc"));
            assertThat(lnsUp.connectParams().txConnectSpeed()).hasValue(10_000_000);
            assertThat(c.lac.state()).isEqualTo(SessionState.ESTABLISHED);
            assertThat(c.lns.state()).isEqualTo(SessionState.ESTABLISHED);
            assertThat(lnsUp.connectParams().toString()).doesNotContain("70617373");
        }

        @Test
        @DisplayName("without a serial number in the params, the Call Serial Number comes from the RandomSource")
        void serialFromRandom() {
            SessionFsm a = new SessionFsm(SessionRole.LAC_INCOMING, LAC_SID, RandomSource.seeded(5));
            SessionFsm b = new SessionFsm(SessionRole.LAC_INCOMING, LAC_SID, RandomSource.seeded(5));
            for (SessionFsm f : List.of(a, b)) f.handle(new SessionEvent.Open(CallParams.EMPTY, CallParams.EMPTY));
            ControlMessage m1 = sends(a.handle(new SessionEvent.TunnelUp())).get(0);
            ControlMessage m2 = sends(b.handle(new SessionEvent.TunnelUp())).get(0);
            long expected = RandomSource.seeded(5).nextInt() & 0xFFFF_FFFFL;
            assertThat(m1.find(Avp.CallSerialNumber.class)).contains(new Avp.CallSerialNumber(expected));
            assertThat(m2).isEqualTo(m1);
        }

        @Test
        @DisplayName("Reject on an ICRQ sends a CDN with the result to the LAC, which closes by peer")
        void reject() {
            SessionFsm lac = new SessionFsm(SessionRole.LAC_INCOMING, LAC_SID, RandomSource.seeded(1));
            SessionFsm lns = new SessionFsm(SessionRole.LNS_INCOMING, LNS_SID, RandomSource.seeded(2));
            lac.handle(new SessionEvent.Open(ICRQ_PARAMS, ICCN_PARAMS));
            relay(lac.handle(new SessionEvent.TunnelUp()), lns);
            List<SessionAction> r = lns.handle(new SessionEvent.Reject(CdnResult.TEMPORARY_LACK_OF_RESOURCES,
                    ErrorCode.INSUFFICIENT_RESOURCES, "session limit"));
            ControlMessage cdn = sends(r).get(0);
            assertThat(cdn.type()).isEqualTo(MessageType.CDN);
            assertThat(cdn.sessionId()).isEqualTo(LAC_SID);
            assertThat(cdn.find(Avp.ResultCode.class)).contains(new Avp.ResultCode(4, 4, "session limit"));
            assertThat(cdn.find(Avp.AssignedSessionId.class)).contains(new Avp.AssignedSessionId(LNS_SID));
            assertThat(only(r, SessionAction.Closed.class)).isEqualTo(new SessionAction.Closed(4, 4, "session limit", false));
            assertThat(only(relay(r, lac), SessionAction.Closed.class))
                    .isEqualTo(new SessionAction.Closed(4, 4, "session limit", true));
            assertThat(lac.state()).isEqualTo(SessionState.CLOSED);
        }

        @Test
        @DisplayName("a CDN from the LAC closes the LNS side, by peer, with the LAC's result")
        void cdnFromLac() {
            IncomingCall c = new IncomingCall().up();
            List<SessionAction> cdn = c.lac.handle(new SessionEvent.Close(CdnResult.LOST_CARRIER,
                    ErrorCode.NO_GENERAL_ERROR, "line drop"));
            assertThat(sends(cdn).get(0).sessionId()).isEqualTo(LNS_SID);
            assertThat(only(relay(cdn, c.lns), SessionAction.Closed.class))
                    .isEqualTo(new SessionAction.Closed(1, 0, "line drop", true));
            assertThat(c.lns.state()).isEqualTo(SessionState.CLOSED);
        }

        @Test
        @DisplayName("a CDN from the LNS closes the LAC side, by peer")
        void cdnFromLns() {
            IncomingCall c = new IncomingCall().up();
            List<SessionAction> cdn = c.lns.handle(new SessionEvent.Close(CdnResult.ADMINISTRATIVE,
                    ErrorCode.NO_GENERAL_ERROR, "clear session"));
            assertThat(sends(cdn).get(0).sessionId()).isEqualTo(LAC_SID);
            assertThat(only(relay(cdn, c.lac), SessionAction.Closed.class).byPeer()).isTrue();
            assertThat(c.lac.state()).isEqualTo(SessionState.CLOSED);
        }

        @Test
        @DisplayName("a CDN before the ICRP arrives is addressed to session 0 and carries our Assigned Session ID")
        void earlyCdn() {
            SessionFsm lac = new SessionFsm(SessionRole.LAC_INCOMING, LAC_SID, RandomSource.seeded(1));
            lac.handle(new SessionEvent.Open(ICRQ_PARAMS, ICCN_PARAMS));
            lac.handle(new SessionEvent.TunnelUp());
            ControlMessage cdn = sends(lac.handle(new SessionEvent.Close(CdnResult.LOST_CARRIER,
                    ErrorCode.NO_GENERAL_ERROR, ""))).get(0);
            assertThat(cdn.sessionId()).isZero();
            assertThat(cdn.find(Avp.AssignedSessionId.class)).contains(new Avp.AssignedSessionId(LAC_SID));
        }

        @Test
        @DisplayName("tunnel loss clears the session without a CDN (§6.4)")
        void tunnelDown() {
            IncomingCall c = new IncomingCall().up();
            List<SessionAction> a = c.lns.handle(new SessionEvent.TunnelDown());
            assertThat(sends(a)).isEmpty();
            assertThat(only(a, SessionAction.Closed.class).byPeer()).isFalse();
        }

        @Test
        @DisplayName("an invalid ICRQ is refused with a CDN to the session id it carried")
        void invalidIcrq() {
            SessionFsm lns = new SessionFsm(SessionRole.LNS_INCOMING, LNS_SID, RandomSource.seeded(2));
            ControlMessage icrq = SessionMsgs.of(MessageType.ICRQ, 0);
            ControlMessage cdn = sends(lns.handle(new SessionEvent.InvalidMessage(CdnResult.GENERAL_ERROR,
                    ErrorCode.UNKNOWN_MANDATORY_AVP, "AVP 99", icrq))).get(0);
            assertThat(cdn.sessionId()).isEqualTo(SessionMsgs.PEER_SID);
            assertThat(cdn.find(Avp.ResultCode.class)).contains(new Avp.ResultCode(2, 8, "AVP 99"));
        }
    }

    @Nested
    @DisplayName("Outgoing call, §7.5")
    class Outgoing {

        @Test
        @DisplayName("OCRQ, OCRP, bearer answer, OCCN bring both sides up")
        void happyPath() {
            SessionFsm lns = new SessionFsm(SessionRole.LNS_OUTGOING, LNS_SID, RandomSource.seeded(3));
            SessionFsm lac = new SessionFsm(SessionRole.LAC_OUTGOING, LAC_SID, RandomSource.seeded(4));
            CallParams ocrq = CallParams.of(new Avp.MinimumBps(0), new Avp.MaximumBps(64_000),
                    new Avp.BearerType(true, false), new Avp.FramingType(true, false), new Avp.CalledNumber("117"));
            lns.handle(new SessionEvent.Open(ocrq, null));
            List<SessionAction> sent = lns.handle(new SessionEvent.TunnelUp());
            assertThat(sends(sent).get(0).type()).isEqualTo(MessageType.OCRQ);
            SessionAction.IncomingCall call = only(relay(sent, lac), SessionAction.IncomingCall.class);
            assertThat(call.params().calledNumber()).contains("117");
            List<SessionAction> ocrp = lac.handle(new SessionEvent.Answer(CallParams.of(new Avp.PhysicalChannelId(5))));
            assertThat(relay(ocrp, lns)).isEmpty();
            assertThat(lns.state()).isEqualTo(SessionState.WAIT_CONNECT);
            assertThat(lns.peerSessionId()).isEqualTo(LAC_SID);
            List<SessionAction> occn = lac.handle(new SessionEvent.BearerAnswered(CallParams.of(
                    new Avp.TxConnectSpeed(64_000), new Avp.FramingType(true, false))));
            assertThat(only(occn, SessionAction.Established.class).peerSessionId()).isEqualTo(LNS_SID);
            SessionAction.Established up = only(relay(occn, lns), SessionAction.Established.class);
            assertThat(up.connectParams().txConnectSpeed()).hasValue(64_000);
            assertThat(up.sequencingRequired()).isFalse();
            assertThat(lac.state()).isEqualTo(SessionState.ESTABLISHED);
            assertThat(lns.state()).isEqualTo(SessionState.ESTABLISHED);
        }
    }

    @Nested
    @DisplayName("Link notices, §6.13 / §6.14")
    class Notices {

        @Test
        @DisplayName("SLI from the LNS reaches the LAC as LinkInfo; WEN from the LAC reaches the LNS as WanError")
        void sliAndWen() {
            IncomingCall c = new IncomingCall().up();
            List<SessionAction> sli = c.lns.sendSetLinkInfo(0xFFFF_FFFFL, 0);
            assertThat(sends(sli).get(0).sessionId()).isEqualTo(LAC_SID);
            assertThat(relay(sli, c.lac)).containsExactly(new SessionAction.LinkInfo(0xFFFF_FFFFL, 0));
            Avp.CallErrors errors = new Avp.CallErrors(1, 0, 0, 0, 0, 0);
            List<SessionAction> wen = c.lac.sendWanErrorNotify(errors);
            assertThat(relay(wen, c.lns)).containsExactly(new SessionAction.WanError(errors));
        }

        @Test
        @DisplayName("the wrong side, or a call not yet up, sends nothing")
        void wrongSide() {
            IncomingCall c = new IncomingCall().up();
            assertThat(c.lac.sendSetLinkInfo(0, 0)).isEmpty();
            assertThat(c.lns.sendWanErrorNotify(new Avp.CallErrors(0, 0, 0, 0, 0, 0))).isEmpty();
            SessionFsm idle = new SessionFsm(SessionRole.LNS_INCOMING, 5, RandomSource.seeded(1));
            assertThat(idle.sendSetLinkInfo(0, 0)).isEmpty();
        }
    }
}
