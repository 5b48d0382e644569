package net.vpdn.runtime;

import java.util.Optional;
import java.util.Set;
import net.vpdn.config.L2tpSettings;
import net.vpdn.config.Secret;
import net.vpdn.config.VpdnConfig;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.transport.RetransmitPolicy;
import net.vpdn.l2tp.transport.TransportConfig;
import net.vpdn.l2tp.tunnel.TunnelParams;

/**
 * The one place where the configuration's {@code l2tp} section becomes the engine's settings,
 * for both processes.
 */
public final class EngineSettings {
    /** Maximum not-yet-established tunnels opened by peers (the SCCRQ flood bound). */
    public static final int MAX_PENDING_TUNNELS = 1024;

    private EngineSettings() {
    }

    /** Retransmission as configured; the §5.7 StopCCN hold is the sum of its capped series. */
    public static RetransmitPolicy retransmit(L2tpSettings l2tp) {
        return new RetransmitPolicy(l2tp.retransmitInitial(), l2tp.retransmitCap(), l2tp.retransmitRetries());
    }

    public static TransportConfig transport(L2tpSettings l2tp) {
        return TransportConfig.DEFAULT.withReceiveWindow(l2tp.receiveWindow()).withRetransmit(retransmit(l2tp));
    }

    /** What every tunnel of this process says and requires, before a group adds its secret and name. */
    public static TunnelParams tunnelParams(VpdnConfig config, String localName, Optional<Secret> secret,
                                            boolean tunnelAuthentication) {
        L2tpSettings l2tp = config.l2tp();
        TunnelSecret s = tunnelAuthentication ? secret.map(EngineSettings::tunnelSecret).orElse(null) : null;
        return TunnelParams.defaults(localName)
                .withSecret(s)
                .withReceiveWindow(l2tp.receiveWindow())
                .withHelloInterval(l2tp.helloInterval());
    }

    /** The engine of a process: its transport, and for tunnels peers open, the process host name. */
    public static EngineConfig engine(VpdnConfig config) {
        TunnelParams responder = tunnelParams(config, config.hostname(), Optional.empty(), false);
        return new EngineConfig(transport(config.l2tp()), responder, MAX_PENDING_TUNNELS, Set.of());
    }

    public static TunnelSecret tunnelSecret(Secret secret) {
        return TunnelSecret.ofBytes(secret.bytes());
    }
}
