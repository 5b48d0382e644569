package net.vpdn.l2tp.engine;

import net.vpdn.l2tp.avp.Avp;

/** Tunnel life-cycle notifications, on the engine's thread. */
public interface TunnelListener {

    /** The control connection is established (and, if configured, mutually authenticated). */
    default void tunnelUp(Tunnel tunnel) {
    }

    /**
     * The tunnel is gone (StopCCN either way, peer unresponsive, authentication failure). Its
     * sessions have already been reported down.
     */
    default void tunnelDown(Tunnel tunnel, Avp.ResultCode cause, boolean byPeer) {
    }

    /** A listener that ignores everything. */
    TunnelListener NONE = new TunnelListener() { };
}
