package net.vpdn.ppp.session;

import java.util.List;
import java.util.Optional;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.fsm.ControlProtocol;
import net.vpdn.ppp.fsm.CpEffect;
import net.vpdn.ppp.fsm.CpEvent;
import net.vpdn.ppp.fsm.CpState;
import net.vpdn.ppp.ipcp.IpcpLayer;
import net.vpdn.ppp.ipv6cp.Ipv6cpLayer;
import net.vpdn.ppp.stats.NegotiationFailure;
import net.vpdn.ppp.stats.PppStats;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.PppFrame;
import net.vpdn.ppp.wire.PppProtocol;

/** The Network phase of one session: IPCP and IPv6CP as configured, and the data they let through. */
final class NcpDriver {
    private final Optional<IpcpLayer> ipcpLayer;
    private final Optional<ControlProtocol> ipcp;
    private final Optional<Ipv6cpLayer> ipv6cpLayer;
    private final Optional<ControlProtocol> ipv6cp;
    private final PppStats stats;

    NcpDriver(PppSessionConfig config, PppRandom random, PppStats stats) {
        this.ipcpLayer = config.ipcp().map(IpcpLayer::new);
        this.ipcp = ipcpLayer.map(l -> new ControlProtocol(l, config.controlProtocols()));
        this.ipv6cpLayer = config.ipv6cp() ? Optional.of(new Ipv6cpLayer(random)) : Optional.empty();
        this.ipv6cp = ipv6cpLayer.map(l -> new ControlProtocol(l, config.controlProtocols()));
        this.stats = stats;
    }

    /** Open and Up for every configured NCP. */
    void start(Out out) {
        ipcp.ifPresent(cp -> {
            effects(PppTimer.IPCP_RESTART, cp.open(), out);
            effects(PppTimer.IPCP_RESTART, cp.up(), out);
        });
        ipv6cp.ifPresent(cp -> {
            effects(PppTimer.IPV6CP_RESTART, cp.open(), out);
            effects(PppTimer.IPV6CP_RESTART, cp.up(), out);
        });
    }

    /** LCP left Opened: every NCP's lower layer is down. */
    void down(Out out) {
        ipcp.ifPresent(cp -> effects(PppTimer.IPCP_RESTART, cp.down(), out));
        ipv6cp.ifPresent(cp -> effects(PppTimer.IPV6CP_RESTART, cp.down(), out));
    }

    /** The peer Protocol-Rejected {@code protocol} (RXJ+): stop that NCP. */
    void rejected(int protocol, Out out) {
        if (protocol == PppProtocol.IPCP.number()) {
            ipcp.ifPresent(cp -> effects(PppTimer.IPCP_RESTART, cp.down(), out));
        } else if (protocol == PppProtocol.IPV6CP.number()) {
            ipv6cp.ifPresent(cp -> effects(PppTimer.IPV6CP_RESTART, cp.down(), out));
        }
    }

    void timer(PppTimer timer, long token, Out out) {
        if (timer == PppTimer.IPCP_RESTART) {
            ipcp.ifPresent(cp -> effects(timer, cp.timeout(token), out));
        } else if (timer == PppTimer.IPV6CP_RESTART) {
            ipv6cp.ifPresent(cp -> effects(timer, cp.timeout(token), out));
        }
    }

    /** True when data of {@code protocol} may flow. */
    boolean isOpen(int protocol) {
        if (protocol == PppProtocol.IPV4.number()) {
            return ipcp.map(cp -> cp.state() == CpState.OPENED).orElse(false);
        }
        return protocol == PppProtocol.IPV6.number() && ipv6cp.map(cp -> cp.state() == CpState.OPENED).orElse(false);
    }

    /** A Network-phase frame; false when no configured NCP owns the protocol (Protocol-Reject it). */
    boolean receive(PppFrame frame, Optional<CpPacket> packet, Out out) {
        int protocol = frame.protocol();
        if (protocol == PppProtocol.IPCP.number() && ipcp.isPresent()) {
            effects(PppTimer.IPCP_RESTART, ipcp.get().receive(packet.orElseThrow()), out);
        } else if (protocol == PppProtocol.IPV6CP.number() && ipv6cp.isPresent()) {
            effects(PppTimer.IPV6CP_RESTART, ipv6cp.get().receive(packet.orElseThrow()), out);
        } else if (protocol == PppProtocol.IPV4.number() && ipcp.isPresent()
                || protocol == PppProtocol.IPV6.number() && ipv6cp.isPresent()) {
            if (isOpen(protocol)) {
                out.add(new PppOutput.Deliver(protocol, frame.information()));
            }
        } else {
            return false;
        }
        return true;
    }

    private void effects(PppTimer timer, List<CpEffect> effects, Out out) {
        for (CpEffect e : effects) {
            switch (e) {
                case CpEffect.Send s -> out.send(s.protocol(), s.packet());
                case CpEffect.ArmRestartTimer a -> out.add(new PppOutput.ArmTimer(timer, a.after(), a.token()));
                case CpEffect.CancelRestartTimer c -> out.add(new PppOutput.CancelTimer(timer));
                case CpEffect.LayerUp u -> layerUp(timer, out);
                case CpEffect.LayerFinished f -> {
                    if (f.cause() == CpEvent.TO_MINUS) {
                        stats.fail(NegotiationFailure.NCP_TIMEOUT);
                    }
                }
                case CpEffect.LayerDown d -> { }
                case CpEffect.LayerStarted s -> { }
                case CpEffect.IllegalEvent i -> { }
                case CpEffect.Dropped d -> { }
            }
        }
    }

    private void layerUp(PppTimer which, Out out) {
        if (which == PppTimer.IPCP_RESTART) {
            ipcpLayer.ifPresent(l -> out.add(new PppOutput.Ipv4Up(l.negotiated())));
        } else {
            ipv6cpLayer.ifPresent(l -> out.add(new PppOutput.Ipv6Up(l.localIdentifier(), l.peerIdentifier())));
        }
    }
}
