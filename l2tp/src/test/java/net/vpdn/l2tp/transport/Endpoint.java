package net.vpdn.l2tp.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.vpdn.l2tp.testing.FakeLink;
import net.vpdn.l2tp.testing.FakeLink.Side;
import net.vpdn.l2tp.testing.ManualScheduler;
import net.vpdn.l2tp.transport.TransportAction.ArmTimer;
import net.vpdn.l2tp.transport.TransportAction.CancelTimer;
import net.vpdn.l2tp.transport.TransportAction.Deliver;
import net.vpdn.l2tp.transport.TransportAction.PeerUnresponsive;
import net.vpdn.l2tp.transport.TransportAction.Rejected;
import net.vpdn.l2tp.transport.TransportAction.Transmit;

/**
 * Test shell around one {@link ReliableTransport}: performs its actions on a {@link FakeLink}
 * and a {@link ManualScheduler}, as the Netty shell will on an event loop, and records what
 * happened. It also checks the peer's window independently of the transport's own bookkeeping:
 * no new Ns may be sent further ahead of the highest Nr received than the window allows.
 */
final class Endpoint {

    /** A control packet on the fake wire; {@code body == null} is a ZLB. */
    record Pkt(int ns, int nr, String body) {
        boolean isZlb() {
            return body == null;
        }
    }

    private record TimerKey(Side side, TransportTimer timer) {
    }

    /** A transmission and when it happened. */
    record Timed(long atNanos, Transmit<String> transmit) {
    }

    final Side side;
    final ReliableTransport<String> transport;
    final List<String> delivered = new ArrayList<>();
    final List<String> firstSent = new ArrayList<>();
    final List<Timed> transmits = new ArrayList<>();
    final List<Rejected<String>> rejected = new ArrayList<>();
    final List<PeerUnresponsive<String>> unresponsive = new ArrayList<>();
    private final ManualScheduler scheduler;
    private final FakeLink<Pkt> link;
    private int highestNrReceived;
    private int maxInFlightSeen;
    private final List<String> windowViolations = new ArrayList<>();

    Endpoint(Side side, ReliableTransport<String> transport, ManualScheduler scheduler, FakeLink<Pkt> link) {
        this.side = side;
        this.transport = transport;
        this.scheduler = scheduler;
        this.link = link;
        this.highestNrReceived = transport.nextNs();
        link.attach(side, this::receive);
    }

    void submit(String message, boolean urgent) {
        perform(transport.submit(message, urgent, scheduler.nowNanos()));
    }

    void setPeerWindow(int window) {
        perform(transport.setPeerReceiveWindow(window, scheduler.nowNanos()));
    }

    void receive(Pkt p) {
        if (Seq.lessThan(highestNrReceived, p.nr())) {
            highestNrReceived = p.nr();
        }
        perform(transport.onReceive(p.ns(), p.nr(), p.body(), scheduler.nowNanos()));
    }

    int maxInFlightSeen() {
        return maxInFlightSeen;
    }

    List<String> windowViolations() {
        return windowViolations;
    }

    List<Long> dataTransmitTimesNanos() {
        return transmits.stream().filter(t -> !t.transmit().isZlb()).map(Timed::atNanos).toList();
    }

    private void perform(List<TransportAction<String>> actions) {
        for (TransportAction<String> action : actions) {
            switch (action) {
                case Transmit<String> t -> transmit(t);
                case Deliver<String> d -> delivered.add(d.message());
                case ArmTimer<String> a -> scheduler.schedule(new TimerKey(side, a.timer()), a.after(),
                        () -> perform(transport.onTimer(a.timer(), scheduler.nowNanos())));
                case CancelTimer<String> c -> scheduler.cancel(new TimerKey(side, c.timer()));
                case PeerUnresponsive<String> u -> unresponsive.add(u);
                case Rejected<String> r -> rejected.add(r);
            }
        }
    }

    private void transmit(Transmit<String> t) {
        transmits.add(new Timed(scheduler.nowNanos(), t));
        if (!t.isZlb() && !t.retransmission()) {
            firstSent.add(t.message());
            int inFlight = Seq.distance(highestNrReceived, t.ns()) + 1;
            maxInFlightSeen = Math.max(maxInFlightSeen, inFlight);
            if (inFlight > transport.peerReceiveWindow()) {
                windowViolations.add("Ns " + t.ns() + " sent with " + inFlight + " in flight");
            }
        }
        link.send(side, new Pkt(t.ns(), t.nr(), t.message()));
    }

    boolean timerArmed(TransportTimer timer) {
        return scheduler.isScheduled(new TimerKey(side, timer));
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
