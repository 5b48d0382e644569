package net.vpdn.lac.call;

import io.netty.buffer.ByteBuf;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;

/** Where a connected call's frames go towards the LNS: the endpoint's data path. Loop only. */
public interface DataPath {

    /** Sends one PPP frame on {@code session}; takes ownership of {@code frame}. */
    void send(Session session, ByteBuf frame);

    /** Flushes what {@link #send} wrote (once per batch). */
    void flush();

    /** The data path of a Netty endpoint. */
    static DataPath of(NettyL2tpEndpoint endpoint) {
        return new DataPath() {
            @Override public void send(Session session, ByteBuf frame) { endpoint.sendData(session, frame); }
            @Override public void flush() { endpoint.flush(); }
        };
    }
}
