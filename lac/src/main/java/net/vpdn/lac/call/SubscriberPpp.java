package net.vpdn.lac.call;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Consumer;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.lac.access.AccessLine;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.ppp.session.PppTimer;

/**
 * The LAC's own PPP with one subscriber, from line up to the hand-off: the PPP session in LAC mode,
 * its restart and keepalive timers on the call loop, and the identifier of the subscriber's last PAP
 * request (the proxy AVPs and a refusal's PAP Authenticate-Nak need it). Once {@link #stop()}ped it is
 * silent: frames, timers and outputs that arrive later do nothing.
 */
final class SubscriberPpp {
    private final AccessLine line;
    private final CallLoop loop;
    private final Consumer<PppOutput.HandOff> handOff;
    private final Consumer<PppOutput.LinkDown> linkDown;
    private final EngineHost.TimerHandle[] timers = new EngineHost.TimerHandle[PppTimer.values().length];
    private PppSession ppp;
    private int papIdentifier = -1;

    SubscriberPpp(LacService service, AccessLine line, Consumer<PppOutput.HandOff> handOff,
                  Consumer<PppOutput.LinkDown> linkDown) {
        this.line = line;
        this.loop = service.loop();
        this.handOff = handOff;
        this.linkDown = linkDown;
        this.ppp = new PppSession(forMedium(service.config().ppp(), line.maxMru()), service.random());
    }

    /** The LCP policy capped to what the line's medium carries (PPPoE: 1492). */
    static PppSessionConfig forMedium(PppSessionConfig c, int maxMru) {
        LcpPolicy l = c.lcp();
        if (maxMru <= 0 || (l.maxPeerMru() <= maxMru && l.requestMru() <= maxMru)) return c;
        LcpPolicy capped = new LcpPolicy(Math.min(l.requestMru(), maxMru), Math.min(l.minPeerMru(), maxMru),
                Math.min(l.maxPeerMru(), maxMru), l.requestMagic(), l.requestPfc(), l.requestAcfc(), l.acceptPfc(),
                l.acceptAcfc(), l.authenticateWith(), l.authenticateAs(), l.maxLoopbackDetections());
        return new PppSessionConfig(capped, c.controlProtocols(), c.ipcp(), c.ipv6cp(), c.keepaliveInterval(),
                c.keepaliveMisses(), c.auth(), c.hostName(), c.credentials(), c.lacMode());
    }

    /** The line is up: LCP starts. */
    void start() {
        if (ppp != null) apply(ppp.lowerUp());
    }

    /** A frame from the subscriber; releases it. */
    void receive(ByteBuf frame) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        frame.release();
        if (ppp == null) return;
        int pap = CallAvps.papRequestIdentifier(bytes);
        if (pap >= 0) papIdentifier = pap;
        apply(ppp.receive(bytes));
    }

    /** The subscriber's last PAP request identifier, or -1 when none came (CHAP, or nothing yet). */
    int papIdentifier() {
        return papIdentifier;
    }

    /** Cancels every timer and lets the session go; idempotent. */
    void stop() {
        ppp = null;
        for (PppTimer t : PppTimer.values()) cancel(t);
    }

    private void apply(List<PppOutput> outputs) {
        for (PppOutput o : outputs) {
            switch (o) {
                case PppOutput.SendFrame s -> line.send(Unpooled.wrappedBuffer(s.frame().toArray()));
                case PppOutput.ArmTimer t -> arm(t);
                case PppOutput.CancelTimer c -> cancel(c.timer());
                case PppOutput.HandOff h -> handOff.accept(h);
                case PppOutput.LinkDown d -> linkDown.accept(d);
                case PppOutput.Verify v -> { } // not emitted in LAC mode: the LNS verifies
                case PppOutput.Deliver d -> { }
                case PppOutput.PhaseChanged p -> { }
                case PppOutput.Authenticated a -> { }
                case PppOutput.Ipv4Up u -> { }
                case PppOutput.Ipv6Up u -> { }
            }
        }
    }

    private void arm(PppOutput.ArmTimer t) {
        cancel(t.timer());
        if (ppp == null) return;
        timers[t.timer().ordinal()] = loop.schedule(t.after(), () -> {
            timers[t.timer().ordinal()] = null;
            if (ppp != null) apply(ppp.timer(t.timer(), t.token()));
        });
    }

    private void cancel(PppTimer timer) {
        EngineHost.TimerHandle h = timers[timer.ordinal()];
        if (h != null) {
            h.cancel();
            timers[timer.ordinal()] = null;
        }
    }
}
