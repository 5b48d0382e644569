package net.vpdn.l2tp.engine;

/**
 * Why a control connection ended, as the engine saw it: the {@code cause} label of tunnel teardowns
 * (a tunnel that was established) and the {@code result} label of failed tunnel setups (one that never
 * was). A closed set, never a free-text message.
 */
public enum TunnelEnd {
    /** We sent StopCCN (administrative clear, shutdown, a protocol error we detected). */
    LOCAL,
    /** The peer sent StopCCN. */
    PEER,
    /** Either side cleared with Result Code 4, Not Authorized (tunnel authentication failed). */
    NOT_AUTHORIZED,
    /** The reliable transport gave up: the peer stopped acknowledging control messages. */
    PEER_UNRESPONSIVE,
    /** Like {@link #PEER_UNRESPONSIVE}, on an established tunnel whose last message sent was a HELLO (RFC 2661 §6.5). */
    HELLO_TIMEOUT,
    /** Our tunnel was discarded for the peer's after a Tie Breaker collision (RFC 2661 §4.4.3). */
    TIE_BREAK_LOST;

    /** The end of a tunnel closing with {@code cause}; {@code forced} (or null) is what the shell itself saw. */
    static TunnelEnd of(TunnelEnd forced, net.vpdn.l2tp.avp.Avp.ResultCode cause, boolean byPeer) {
        if (forced != null) return forced;
        if (cause.resultCode() == net.vpdn.l2tp.avp.StopCcnResult.NOT_AUTHORIZED.code()) return NOT_AUTHORIZED;
        return byPeer ? PEER : LOCAL;
    }

    /** The Prometheus label value. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
