package net.vpdn.lac.access.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.lac.access.AccessListener;
import net.vpdn.lac.access.AccessServer;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppSessionConfig;

/**
 * The built-in access side: N subscribers dialling at a set rate, each a real PPP client that
 * authenticates (PAP or CHAP as its profile says), brings IPCP up, pings the LNS and hangs up.
 * It is the demo's subscribers and the load generator. Everything runs on the LAC's loop; dials
 * are timers on it, so a thousand calls a second costs no threads.
 */
public final class SubscriberEmulator implements AccessServer {
    private final CallLoop loop;
    private final List<SubscriberProfile> profiles;
    private final double callsPerSecond;
    private final PppRandom random;
    private final Consumer<SubscriberReport> reports;
    private final List<EngineHost.TimerHandle> pending = new ArrayList<>();
    private int dialled;

    /**
     * @param callsPerSecond dial rate; the i-th profile dials at i / rate after {@link #start}
     * @param reports        told once per subscriber, on the loop, when its call is over
     */
    public SubscriberEmulator(CallLoop loop, List<SubscriberProfile> profiles, double callsPerSecond, PppRandom random,
                              Consumer<SubscriberReport> reports) {
        if (!(callsPerSecond > 0)) throw new IllegalArgumentException("callsPerSecond must be positive");
        this.loop = loop;
        this.profiles = List.copyOf(profiles);
        this.callsPerSecond = callsPerSecond;
        this.random = random;
        this.reports = reports;
    }

    /** Schedules every dial; call on the loop. */
    @Override
    public void start(AccessListener listener) {
        long gapNanos = (long) (1e9 / callsPerSecond);
        for (int i = 0; i < profiles.size(); i++) {
            int index = i;
            pending.add(loop.schedule(Duration.ofNanos(gapNanos * i), () -> dial(index, listener)));
        }
    }

    /** Subscribers dialled so far. */
    public int dialled() {
        return dialled;
    }

    private void dial(int index, AccessListener listener) {
        dialled++;
        SubscriberProfile p = profiles.get(index);
        new EmulatedSubscriber(loop, listener, p, EmulatedSubscriber.identity(index, p), clientConfig(p), random,
                reports, index + 1).dial();
    }

    /**
     * A plain client: one authentication method, IPCP asking for an address, no IPv6CP. Like a PPPoE
     * client it requests neither Address-and-Control-Field nor Protocol-Field Compression (RFC 2516
     * section 7 forbids requesting ACFC): a Linux LNS (pppd over the kernel's PPPoL2TP) acks both but
     * its kernel cannot receive a compressed protocol field, so every IPv4 packet would be lost.
     */
    static PppSessionConfig clientConfig(SubscriberProfile p) {
        LcpPolicy d = LcpPolicy.clientDefaults();
        LcpPolicy lcp = new LcpPolicy(d.requestMru(), d.minPeerMru(), d.maxPeerMru(), d.requestMagic(), false,
                false, d.acceptPfc(), d.acceptAcfc(), List.of(), List.of(p.auth()), d.maxLoopbackDetections());
        return new PppSessionConfig(lcp, CpConfig.rfcDefaults(), Optional.of(IpcpPolicy.client()), false,
                Duration.ofSeconds(30), 3, AuthTiming.defaults(), "subscriber",
                Optional.of(new PppSessionConfig.Credentials(p.user(), p.password())), false);
    }

    /** Cancels the dials not yet made. */
    @Override
    public void close() {
        pending.forEach(EngineHost.TimerHandle::cancel);
        pending.clear();
    }
}
