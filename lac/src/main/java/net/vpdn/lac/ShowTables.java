package net.vpdn.lac;

import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.Tunnel;

/** Cisco-like {@code show l2tp} tables of an engine. Call on the engine's thread. */
final class ShowTables {
    private ShowTables() {
    }

    static String tunnels(L2tpEngine engine) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-6s %-6s %-16s %-22s %-12s %s%n", "LocTID", "RemTID", "Remote Name", "Remote Address", "State", "Sessions"));
        for (Tunnel t : engine.tunnels()) {
            b.append(String.format("%-6d %-6d %-16s %-22s %-12s %d%n", t.localId(), t.peerId(), t.peerHostName(),
                    t.peer().getAddress().getHostAddress() + ":" + t.peer().getPort(), t.state(), t.sessionCount()));
        }
        return b.toString();
    }

    static String sessions(L2tpEngine engine) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-6s %-6s %-6s %-6s %-12s %8s %8s%n", "LocID", "RemID", "TunID", "RemTID", "State", "PktsIn", "PktsOut"));
        for (Tunnel t : engine.tunnels()) {
            for (Session s : t.sessions()) {
                b.append(String.format("%-6d %-6d %-6d %-6d %-12s %8d %8d%n", s.localId(), s.peerId(), t.localId(),
                        t.peerId(), s.state(), s.packetsIn(), s.packetsOut()));
            }
        }
        return b.toString();
    }
}
