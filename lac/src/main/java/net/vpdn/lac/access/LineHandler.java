package net.vpdn.lac.access;

import io.netty.buffer.ByteBuf;

/** What a line tells the call that owns it, on the loop. */
public interface LineHandler {

    /**
     * One PPP frame from the subscriber, from the address/control field (or the protocol field,
     * when the medium strips it) on. The handler owns {@code frame} and releases it.
     */
    void onFrame(ByteBuf frame);

    /** The subscriber side dropped the line; no more frames follow. */
    void onHangup(HangupCause cause);
}
