package net.vpdn.lns.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.vpdn.config.TunUplink;
import net.vpdn.config.VpdnConfig;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.lns.ip.IpForwarder;
import net.vpdn.lns.uplink.RoutePlan;
import net.vpdn.lns.uplink.TunEgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the configured TUN uplink and logs (and, when asked, runs) its {@code ip} lines. */
final class Uplinks {
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lns.uplink");

    private Uplinks() {
    }

    /** The uplink, if {@code tun-uplink.enabled}; a device that cannot be created stops the start, naming the key. */
    static Optional<TunEgress> open(VpdnConfig config) {
        TunUplink t = config.tunUplink();
        if (!t.enabled()) return Optional.empty();
        try {
            return Optional.of(TunEgress.open(t.name(), t.netns(), t.mtu()));
        } catch (IOException e) {
            throw new IllegalStateException(config.source() + ": tun-uplink.name: " + t.name()
                    + t.netns().map(n -> " in netns " + n).orElse("") + ": " + e.getMessage(), e);
        }
    }

    /** Starts reading the uplink into {@code forwarder} on the endpoint's loop, and sets up its routes. */
    static void start(VpdnConfig config, Optional<TunEgress> uplink, NettyL2tpEndpoint endpoint, IpForwarder forwarder) {
        uplink.ifPresent(u -> {
            u.start(endpoint::execute, forwarder::fromUplink, endpoint::flush);
            routes(config, u);
        });
    }

    /** Logs each route line; runs them when {@code tun-uplink.apply-routes}. A failing line stops the start. */
    static void routes(VpdnConfig config, TunEgress uplink) {
        TunUplink t = config.tunUplink();
        for (List<String> cmd : RoutePlan.commands(uplink.deviceName(), t.mtu(), t.netns(), config.ipPools())) {
            LOG.info("event=uplink-route applied={} cmd='{}'", t.applyRoutes(), String.join(" ", cmd));
            if (t.applyRoutes()) run(config, cmd);
        }
    }

    private static void run(VpdnConfig config, List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(config.source() + ": tun-uplink.apply-routes: '" + String.join(" ", cmd)
                        + "' failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(config.source() + ": tun-uplink.apply-routes: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying the uplink routes", e);
        }
    }
}
