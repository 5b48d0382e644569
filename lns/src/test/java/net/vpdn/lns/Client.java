package net.vpdn.lns;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpNegotiated;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.ppp.session.PppTimer;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/** A subscriber's PPP client on the virtual loop: its frames go to {@link #target}, its timers to the loop. */
final class Client {
    final PppSession ppp;
    final VirtualLoop loop;
    final List<Octets> delivered = new ArrayList<>();
    final List<PppOutput> log = new ArrayList<>();
    final LoopScheduler.Cancellable[] timers = new LoopScheduler.Cancellable[PppTimer.values().length];
    /** Where the client's frames go (the LNS session, or a LAC before hand-off). */
    Consumer<byte[]> target = bytes -> { };
    IpcpNegotiated ipv4;

    Client(VirtualLoop loop, String user, String password, long seed) {
        this(loop, new PppSessionConfig(LcpPolicy.clientDefaults(), CpConfig.rfcDefaults(), Optional.of(IpcpPolicy.client()),
                false, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "client",
                Optional.of(new PppSessionConfig.Credentials(user, Secret.of(password))), false), seed);
    }

    Client(VirtualLoop loop, PppSessionConfig config, long seed) {
        this.loop = loop;
        this.ppp = new PppSession(config, PppRandom.seeded(seed));
    }

    /** Sends frames of the client to an LNS session (queued on the loop, never re-entrant). */
    void connectTo(LnsSession lns) {
        target = bytes -> loop.execute(() -> lns.receive(Unpooled.wrappedBuffer(bytes)));
    }

    /** A frame for the client, queued on the loop. */
    void deliver(ByteBuf frame) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        frame.release();
        loop.execute(() -> apply(ppp.receive(bytes)));
    }

    void apply(List<PppOutput> outputs) {
        for (PppOutput o : outputs) {
            log.add(o);
            switch (o) {
                case PppOutput.SendFrame f -> {
                    byte[] bytes = f.frame().toArray();
                    target.accept(bytes);
                }
                case PppOutput.ArmTimer t -> {
                    cancel(t.timer());
                    timers[t.timer().ordinal()] = loop.schedule(t.after(), () -> apply(ppp.timer(t.timer(), t.token())));
                }
                case PppOutput.CancelTimer c -> cancel(c.timer());
                case PppOutput.Deliver d -> delivered.add(d.packet());
                case PppOutput.Ipv4Up up -> ipv4 = up.addresses();
                default -> { }
            }
        }
    }

    private void cancel(PppTimer timer) {
        if (timers[timer.ordinal()] != null) {
            timers[timer.ordinal()].cancel();
            timers[timer.ordinal()] = null;
        }
    }

    void sendIpv4(byte[] packet) {
        apply(ppp.sendData(PppProtocol.IPV4, Octets.of(packet)));
    }

    <T extends PppOutput> List<T> outputs(Class<T> type) {
        return log.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
