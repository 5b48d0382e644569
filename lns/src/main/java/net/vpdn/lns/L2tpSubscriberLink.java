package net.vpdn.lns;

import io.netty.buffer.ByteBuf;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.vtemplate.TerminateCause;

/** A {@link SubscriberLink} over one established L2TP call of a {@link NettyL2tpEndpoint}. */
public final class L2tpSubscriberLink implements SubscriberLink {
    private final NettyL2tpEndpoint endpoint;
    private final Session session;

    public L2tpSubscriberLink(NettyL2tpEndpoint endpoint, Session session) {
        this.endpoint = endpoint;
        this.session = session;
    }

    @Override
    public void send(ByteBuf frame) {
        endpoint.sendData(session, frame);
    }

    @Override
    public void flush() {
        endpoint.flush();
    }

    /** RFC 2661 §4.4.2: the CDN Result Code says why; a lost carrier reports 1, the rest 3 (administrative). */
    @Override
    public void hangUp(TerminateCause cause) {
        CdnResult result = cause == TerminateCause.LOST_CARRIER ? CdnResult.LOST_CARRIER : CdnResult.ADMINISTRATIVE;
        session.close(result, ErrorCode.NO_GENERAL_ERROR, "PPP ended: " + cause);
    }
}
