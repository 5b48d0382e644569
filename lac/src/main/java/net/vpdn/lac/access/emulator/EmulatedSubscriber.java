package net.vpdn.lac.access.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.lac.access.AccessLine;
import net.vpdn.lac.access.AccessListener;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.LineHandler;
import net.vpdn.lac.access.LineIdentity;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.ppp.session.PppTimer;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * One emulated subscriber: a real client {@link PppSession} on an in-process line, then a few
 * pings to the LNS, then a hang-up (LCP Terminate, then the line drops). Every frame crosses the
 * line as a separate loop task, so neither side is ever re-entered from the other's output.
 */
final class EmulatedSubscriber {
    private static final int ECHO_PAYLOAD = 32;
    private static final Duration ECHO_RESEND = Duration.ofSeconds(1);

    private final CallLoop loop;
    private final AccessListener listener;
    private final SubscriberProfile profile;
    private final PppSession ppp;
    private final Line line;
    private final Consumer<SubscriberReport> reports;
    private final int echoId;
    private final EngineHost.TimerHandle[] timers = new EngineHost.TimerHandle[PppTimer.values().length];
    private EngineHost.TimerHandle pingTimer;
    private Optional<Ipv4Address> address = Optional.empty();
    private Optional<Ipv4Address> gateway = Optional.empty();
    private int pingsSent;
    private int pingsAnswered;
    private boolean terminateSeen;
    private boolean authFailureSeen;
    private boolean hangingUp;
    private boolean done;
    private long dialledAt;
    private long ipcpUpAt = -1;

    EmulatedSubscriber(CallLoop loop, AccessListener listener, SubscriberProfile profile, LineIdentity identity,
                       PppSessionConfig config, PppRandom random, Consumer<SubscriberReport> reports, int echoId) {
        this.loop = loop;
        this.listener = listener;
        this.profile = profile;
        this.ppp = new PppSession(config, random);
        this.line = new Line(identity);
        this.reports = reports;
        this.echoId = echoId & 0xFFFF;
    }

    /** Dials: the LAC gets the line, then our LCP starts. */
    void dial() {
        dialledAt = loop.nanoTime();
        listener.lineUp(line);
        apply(ppp.lowerUp());
    }

    private void receive(byte[] frame) {
        if (done) return;
        sniff(frame);
        apply(ppp.receive(frame));
    }

    /** What the network told us outside our own PPP state: Terminate-Request, auth failure. */
    private void sniff(byte[] f) {
        int off = f.length >= 2 && (f[0] & 0xFF) == 0xFF && f[1] == 0x03 ? 2 : 0;
        if (f.length < off + 3) return;
        int protocol = ((f[off] & 0xFF) << 8) | (f[off + 1] & 0xFF);
        int code = f[off + 2] & 0xFF;
        terminateSeen |= protocol == PppProtocol.LCP.number() && code == 5;
        authFailureSeen |= protocol == PppProtocol.CHAP.number() && code == 4 || protocol == PppProtocol.PAP.number() && code == 3;
    }

    private void apply(List<PppOutput> outputs) {
        for (PppOutput o : outputs) {
            switch (o) {
                case PppOutput.SendFrame s -> line.toLac(s.frame().toArray());
                case PppOutput.ArmTimer t -> arm(t);
                case PppOutput.CancelTimer c -> cancel(c.timer());
                case PppOutput.Ipv4Up up -> ipcpUp(up);
                case PppOutput.Deliver d -> delivered(d);
                case PppOutput.LinkDown d -> linkDown();
                default -> { }
            }
        }
    }

    private void arm(PppOutput.ArmTimer t) {
        cancel(t.timer());
        timers[t.timer().ordinal()] = loop.schedule(t.after(), () -> {
            timers[t.timer().ordinal()] = null;
            if (!done) apply(ppp.timer(t.timer(), t.token()));
        });
    }

    private void cancel(PppTimer t) {
        EngineHost.TimerHandle h = timers[t.ordinal()];
        if (h != null) {
            h.cancel();
            timers[t.ordinal()] = null;
        }
    }

    private void ipcpUp(PppOutput.Ipv4Up up) {
        address = Optional.of(up.addresses().localAddress());
        gateway = Optional.of(up.addresses().peerAddress());
        ipcpUpAt = loop.nanoTime();
        pingOrHangUp();
    }

    private void pingOrHangUp() {
        if (pingsAnswered < pingsSent) {
            hangUp();
            return;
        }
        if (pingsSent >= profile.pings()) {
            holdThenHangUp();
            return;
        }
        pingsSent++;
        sendEcho(pingsSent, loop.nanoTime() + profile.pingTimeout().toNanos());
    }

    /**
     * Sends echo {@code seq} again every {@link #ECHO_RESEND} until it is answered or {@code deadline}
     * passes (then we hang up). The first echo leaves as IPCP opens, when the LNS's own IPCP may not
     * have let IPv4 through yet (a Linux pppd LNS drops it until its ip-up), as ping would lose it.
     */
    private void sendEcho(int seq, long deadline) {
        byte[] echo = Icmp.echoRequest(address.get(), gateway.get(), echoId, seq, ECHO_PAYLOAD);
        apply(ppp.sendData(PppProtocol.IPV4, Octets.of(echo)));
        long left = deadline - loop.nanoTime();
        pingTimer = loop.schedule(Duration.ofNanos(Math.max(0, Math.min(ECHO_RESEND.toNanos(), left))), () -> {
            if (done || pingsAnswered >= seq) return;
            if (loop.nanoTime() - deadline >= 0) hangUp();
            else sendEcho(seq, deadline);
        });
    }

    private void delivered(PppOutput.Deliver d) {
        if (d.protocol() != PppProtocol.IPV4.number()) return;
        byte[] packet = d.packet().toArray();
        Optional<Icmp.Echo> echo = Icmp.parse(packet);
        if (echo.isPresent() && echo.get().type() == Icmp.ECHO_REQUEST && address.equals(Optional.of(echo.get().destination()))) {
            // A subscriber's host answers pings: an LNS (pppd's ip-up scripts, operators) checks the far end so.
            Icmp.reply(packet).ifPresent(reply -> apply(ppp.sendData(PppProtocol.IPV4, Octets.of(reply))));
            return;
        }
        if (echo.isPresent() && echo.get().type() == Icmp.ECHO_REPLY && echo.get().identifier() == echoId
                && echo.get().sequence() == pingsSent && pingsAnswered < pingsSent) {
            pingsAnswered++;
            if (pingTimer != null) pingTimer.cancel();
            pingOrHangUp();
        }
    }

    /** Keeps the call up until {@code hold} has passed since IPCP opened. */
    private void holdThenHangUp() {
        long left = ipcpUpAt + profile.hold().toNanos() - loop.nanoTime();
        if (left <= 0) {
            hangUp();
            return;
        }
        pingTimer = loop.schedule(Duration.ofNanos(left), () -> {
            if (!done) hangUp();
        });
    }

    private void hangUp() {
        if (hangingUp || done) return;
        hangingUp = true;
        apply(ppp.close());
    }

    /** Our LCP finished (after our Terminate, or the network's): drop the line. */
    private void linkDown() {
        if (done) return;
        line.dropBySubscriber();
        finish(Optional.empty());
    }

    private void droppedByLac(HangupCause cause) {
        if (done) return;
        apply(ppp.lowerDown());
        finish(Optional.of(cause));
    }

    private void finish(Optional<HangupCause> droppedBy) {
        done = true;
        for (PppTimer t : PppTimer.values()) cancel(t);
        if (pingTimer != null) pingTimer.cancel();
        reports.accept(new SubscriberReport(profile.user(), address.isPresent(), address, gateway, pingsSent,
                pingsAnswered, terminateSeen, authFailureSeen, droppedBy,
                ipcpUpAt < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(ipcpUpAt - dialledAt)), profile.auth(),
                dialledAt));
    }

    /** The in-process line between this subscriber and the LAC. */
    private final class Line implements AccessLine {
        private final LineIdentity identity;
        private LineHandler handler;
        private boolean down;

        Line(LineIdentity identity) {
            this.identity = identity;
        }

        @Override public LineIdentity identity() { return identity; }

        @Override public void attach(LineHandler h) { handler = h; }

        @Override
        public void send(ByteBuf frame) {
            if (down) {
                frame.release();
                return;
            }
            byte[] bytes = ByteBufUtil.getBytes(frame);
            frame.release();
            loop.execute(() -> receive(bytes));
        }

        @Override
        public void hangup(HangupCause cause) {
            if (down) return;
            down = true;
            loop.execute(() -> droppedByLac(cause));
        }

        void toLac(byte[] frame) {
            if (down || handler == null) return;
            loop.execute(() -> {
                if (down) return;
                handler.onFrame(Unpooled.wrappedBuffer(frame));
                listener.readComplete();
            });
        }

        void dropBySubscriber() {
            if (down) return;
            down = true;
            LineHandler h = handler;
            if (h != null) loop.execute(() -> h.onHangup(HangupCause.SUBSCRIBER));
        }
    }

    static LineIdentity identity(int index, SubscriberProfile p) {
        return new LineIdentity("emu/" + index, p.callingNumber(), p.calledNumber(), true, true,
                100_000_000L, 0, OptionalLong.of(index));
    }
}
