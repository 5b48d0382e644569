package net.vpdn.l2tp.tunnel;

import java.util.OptionalLong;

/**
 * Result of comparing Tie Breaker AVPs when both peers sent an SCCRQ to each other, RFC 2661
 * §4.4.3. The engine detects the collision across tunnels (same peer, our SCCRQ outstanding) and
 * then: {@link #WE_WIN} drops the peer's SCCRQ silently; {@link #WE_LOSE} feeds
 * {@link TunnelEvent.LostTieBreak} to our initiating tunnel and answers the peer's SCCRQ with a
 * new responder; {@link #BOTH_LOSE} does both discards; {@link #NO_TIE_BREAK} keeps two tunnels.
 */
public enum TieBreakOutcome {
    WE_WIN,
    WE_LOSE,
    BOTH_LOSE,
    /** Neither SCCRQ carried a Tie Breaker: two separate tunnels are opened. */
    NO_TIE_BREAK;

    /** Both values present: the lower (unsigned 8-octet) value wins; equal values make both lose. */
    public static TieBreakOutcome compare(long ours, long theirs) {
        int c = Long.compareUnsigned(ours, theirs);
        return c < 0 ? WE_WIN : c > 0 ? WE_LOSE : BOTH_LOSE;
    }

    /** Handles absence too: the side that sent a Tie Breaker wins over one that did not. */
    public static TieBreakOutcome compare(OptionalLong ours, OptionalLong theirs) {
        if (ours.isPresent() && theirs.isPresent()) return compare(ours.getAsLong(), theirs.getAsLong());
        if (ours.isPresent()) return WE_WIN;
        if (theirs.isPresent()) return WE_LOSE;
        return NO_TIE_BREAK;
    }
}
