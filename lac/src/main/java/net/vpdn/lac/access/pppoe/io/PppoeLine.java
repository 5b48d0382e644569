package net.vpdn.lac.access.pppoe.io;

import io.netty.buffer.ByteBuf;
import net.vpdn.lac.access.AccessLine;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.LineHandler;
import net.vpdn.lac.access.LineIdentity;
import net.vpdn.lac.access.pppoe.FrameHeader;
import net.vpdn.lac.access.pppoe.Pppoe;

/**
 * One PPPoE session (RFC 2516 §6) as an {@link AccessLine}: frames from the subscriber arrive with
 * FF 03 written over the PPPoE LENGTH field in front of the protocol field (no copy); frames to
 * the subscriber lose FF 03 and get the session headers in the server's send buffer. Loop only.
 */
final class PppoeLine implements AccessLine {
    private final PppoeAccessServer server;
    private final LineIdentity identity;
    private final long peer;
    private final int sessionId;
    private LineHandler handler;
    private boolean down;
    private boolean heard;

    PppoeLine(PppoeAccessServer server, LineIdentity identity, long peer, int sessionId) {
        this.server = server;
        this.identity = identity;
        this.peer = peer;
        this.sessionId = sessionId;
    }

    long peer() {
        return peer;
    }

    int sessionId() {
        return sessionId;
    }

    @Override
    public LineIdentity identity() {
        return identity;
    }

    @Override
    public int maxMru() {
        return Pppoe.MAX_MRU;
    }

    @Override
    public void attach(LineHandler h) {
        handler = h;
    }

    @Override
    public void send(ByteBuf frame) {
        try {
            if (!down) server.sendSession(this, frame);
        } finally {
            frame.release();
        }
    }

    @Override
    public void hangup(HangupCause cause) {
        if (down) return;
        down = true;
        server.terminate(this, cause);
    }

    /** Whether this is the first session-stage frame from the peer (its PADS arrived). */
    boolean firstHeard() {
        if (heard) return false;
        heard = true;
        return true;
    }

    /** A session-stage frame whose headers are in {@code h}; ownership passes on. */
    void received(ByteBuf frame, FrameHeader h) {
        if (down || handler == null) {
            frame.release();
            return;
        }
        int start = frame.readerIndex() + h.payloadOffset;
        frame.setByte(start - 2, 0xFF).setByte(start - 1, 0x03);
        frame.readerIndex(start - 2).writerIndex(start + h.payloadLength);
        handler.onFrame(frame);
    }

    /** The subscriber sent PADT, or the interface went away. */
    void closedByPeer() {
        if (down) return;
        down = true;
        if (handler != null) handler.onHangup(HangupCause.SUBSCRIBER);
    }

    @Override
    public String toString() {
        return "PppoeLine[" + identity.lineId() + "]";
    }
}
