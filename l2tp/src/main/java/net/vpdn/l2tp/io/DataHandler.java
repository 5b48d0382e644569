package net.vpdn.l2tp.io;

import io.netty.buffer.ByteBuf;
import net.vpdn.l2tp.engine.Session;

/** Receives the PPP frames of established sessions, on the endpoint's event loop. */
@FunctionalInterface
public interface DataHandler {

    /**
     * One PPP frame (from the address/control field or the protocol field on). The handler owns
     * {@code frame} and must release it.
     */
    void onFrame(Session session, ByteBuf frame);

    /** Releases everything: for endpoints that carry no data. */
    DataHandler DISCARD = (s, f) -> f.release();
}
