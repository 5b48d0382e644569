package net.vpdn.lac.access;

import io.netty.buffer.ByteBuf;

/**
 * One subscriber's PPP link, whatever the medium: the built-in emulator now, PPPoE (RFC 2516)
 * sessions on raw Ethernet next, and perhaps ISDN/async later. The LAC sees only frames up and
 * down, the line's identity and hang-up both ways. Every method runs on the loop the line's
 * {@link AccessServer} was started on, and no method blocks.
 *
 * <p>Frames cross this interface in HDLC-like framing, address/control (FF 03) included, as L2TP
 * carries them (RFC 2661 §5.1). PPPoE mapping: the PPPoE line strips FF 03 on {@link #send} and
 * writes the Ethernet and PPPoE session headers in front (RFC 2516 §4, §7), and puts FF 03 back
 * in front of received frames (it has the header room, so neither way copies the payload);
 * {@link #hangup} sends PADT; a received PADT or a lost interface becomes {@link LineHandler#onHangup}.
 */
public interface AccessLine {

    /** Numbers, bearer and speeds for the ICRQ/ICCN. */
    LineIdentity identity();

    /** Binds the call that handles this line's frames and hang-up; called once, before any frame flows. */
    void attach(LineHandler handler);

    /** Sends one PPP frame to the subscriber; takes ownership of {@code frame}. Dropped after hang-up. */
    void send(ByteBuf frame);

    /** Drops the line from the LAC side; no handler call follows. Idempotent. */
    void hangup(HangupCause cause);

    /**
     * The largest PPP MRU the medium carries, or 0 for no limit of its own. PPPoE on a 1500-octet
     * Ethernet carries 1492 (RFC 2516 §7): the LAC then neither asks for nor accepts a larger MRU.
     */
    default int maxMru() {
        return 0;
    }
}
