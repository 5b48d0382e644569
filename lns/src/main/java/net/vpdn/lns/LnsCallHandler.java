package net.vpdn.lns;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.io.DataHandler;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.l2tp.session.CallParams;

/**
 * The glue between an L2TP endpoint and LNS sessions: answers incoming calls while the cloner has
 * room, binds each connected call (ICCN) to an {@link LnsSession} kept as the L2TP session's
 * attachment, feeds it data frames, and tells it when the call is gone. Pass it as the endpoint's
 * {@link CallAcceptor} and {@link DataHandler}, then {@link #bind} it once the endpoint exists.
 */
public final class LnsCallHandler implements CallAcceptor, DataHandler, SessionListener {
    private volatile NettyL2tpEndpoint endpoint;
    private volatile LnsContext context;

    /** Completes the wiring: calls are refused until this runs. */
    public void bind(NettyL2tpEndpoint endpoint, LnsContext context) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public void incomingCall(Session session, CallParams request) {
        LnsContext ctx = context;
        if (ctx == null || ctx.cloner().live() >= ctx.cloner().maxInterfaces()) {
            session.reject(CdnResult.TEMPORARY_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR, "no virtual-access interface free");
            return;
        }
        session.setListener(this);
        session.answer();
    }

    @Override
    public void sessionUp(Session session, CallParams iccn) {
        LnsCallInfo info = new LnsCallInfo(session.tunnel().peerHostName(), session.tunnel().localId(), session.localId(),
                iccn.callingNumber(), iccn.calledNumber());
        var opened = LnsSession.open(context, new L2tpSubscriberLink(endpoint, session), info);
        if (opened.isEmpty()) {
            session.close(CdnResult.TEMPORARY_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR, "no virtual-access interface free");
            return;
        }
        session.attach(opened.get());
        opened.get().start(ProxyAvps.lcp(iccn), ProxyAvps.auth(iccn));
    }

    @Override
    public void sessionDown(Session session, Avp.ResultCode cause, boolean byPeer) {
        if (session.attachment() instanceof LnsSession lns) {
            lns.lowerDown(PeerTeardown.cause(session, cause, byPeer));
        }
    }

    @Override
    public void onFrame(Session session, ByteBuf frame) {
        if (session.attachment() instanceof LnsSession lns) {
            lns.receive(frame);
        } else {
            frame.release();
        }
    }
}
