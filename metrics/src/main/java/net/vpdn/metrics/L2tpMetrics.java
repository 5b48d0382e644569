package net.vpdn.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import net.vpdn.l2tp.engine.EngineDrop;
import net.vpdn.l2tp.engine.EngineStats;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.session.SessionState;
import net.vpdn.l2tp.transport.TransportCounters;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.l2tp.wire.DropReason;
import net.vpdn.l2tp.wire.MessageType;

/**
 * The L2TP endpoint's meters. Engine-wide counters ({@link EngineStats}) are read directly through
 * {@link FunctionCounter}s: the engine is their single writer and a slightly stale long is fine.
 * Everything that iterates tunnels and sessions is computed in {@link #refreshOnLoop()}, which
 * {@link VpdnMetrics} runs on the endpoint's event loop before each scrape; the gauges read the
 * resulting immutable snapshot.
 *
 * <p>Per-tunnel transport counters and per-session octets vanish with their tunnel or session, so the
 * refresh keeps the last value it saw of each and adds it to a retired total once the object is gone:
 * the exported counters never go down. A process that hears of closes ({@link #tunnelClosing},
 * {@link #sessionClosing}) lets the last value be taken at the close; otherwise only what happened
 * between the last scrape and the release of a tunnel or session is missed.
 */
public final class L2tpMetrics {
    private static final TunnelState[] TUNNEL_STATES = TunnelState.values();
    private static final SessionState[] SESSION_STATES = SessionState.values();

    /** An immutable view computed on the loop. */
    private record Snapshot(int[] tunnels, int[] sessions, long[] transport, long octetsIn, long octetsOut) {
        static final Snapshot EMPTY = new Snapshot(new int[TUNNEL_STATES.length], new int[SESSION_STATES.length],
                new long[4], 0, 0);
    }

    private final L2tpEngine engine;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    // loop-confined
    private final Map<Tunnel, long[]> liveTunnels = new IdentityHashMap<>();
    private final Map<Session, long[]> liveSessions = new IdentityHashMap<>();
    private final long[] retiredTransport = new long[4];
    private final long[] retiredOctets = new long[2];

    private L2tpMetrics(L2tpEngine engine) {
        this.engine = engine;
    }

    /** Registers the endpoint's meters; call {@link #refreshOnLoop()} on the engine's loop to update the gauges. */
    public static L2tpMetrics bind(MeterRegistry registry, L2tpEngine engine) {
        L2tpMetrics m = new L2tpMetrics(engine);
        m.registerGauges(registry);
        m.registerEngineCounters(registry, engine.stats());
        return m;
    }

    private void registerGauges(MeterRegistry r) {
        for (TunnelState s : TUNNEL_STATES) {
            Gauge.builder(MetricNames.TUNNELS, this, m -> m.snapshot.tunnels()[s.ordinal()])
                    .description("L2TP tunnels by control-connection state").tag(MetricNames.STATE, label(s)).register(r);
        }
        for (SessionState s : SESSION_STATES) {
            Gauge.builder(MetricNames.SESSIONS, this, m -> m.snapshot.sessions()[s.ordinal()])
                    .description("L2TP sessions by state").tag(MetricNames.STATE, label(s)).register(r);
        }
        transport(r, MetricNames.RETRANSMISSIONS, "Control messages retransmitted after a timeout", 0);
        transport(r, MetricNames.DUPLICATES, "Duplicate control messages received", 1);
        transport(r, MetricNames.OUT_OF_ORDER, "Control messages received ahead of sequence and held", 2);
        transport(r, MetricNames.OUT_OF_WINDOW, "Control messages received beyond the window and discarded", 3);
        FunctionCounter.builder(MetricNames.DATA_OCTETS, this, m -> m.snapshot.octetsIn()).baseUnit("bytes")
                .description("L2TP data payload octets").tag(MetricNames.DIRECTION, "in").register(r);
        FunctionCounter.builder(MetricNames.DATA_OCTETS, this, m -> m.snapshot.octetsOut()).baseUnit("bytes")
                .description("L2TP data payload octets").tag(MetricNames.DIRECTION, "out").register(r);
    }

    private void transport(MeterRegistry r, String name, String help, int index) {
        FunctionCounter.builder(name, this, m -> m.snapshot.transport()[index]).description(help).register(r);
    }

    private static void registerEngineCounters(MeterRegistry r, EngineStats st) {
        for (MessageType t : MessageType.values()) {
            counter(r, MetricNames.CONTROL_RECEIVED, "Control messages received (delivered in order)", st,
                    s -> s.received(t), MetricNames.TYPE, label(t));
            counter(r, MetricNames.CONTROL_SENT, "Control messages sent (first transmissions)", st,
                    s -> s.sent(t), MetricNames.TYPE, label(t));
        }
        counter(r, MetricNames.CONTROL_RECEIVED, "Control messages received (delivered in order)", st,
                EngineStats::receivedZlb, MetricNames.TYPE, "zlb");
        counter(r, MetricNames.CONTROL_SENT, "Control messages sent (first transmissions)", st,
                EngineStats::sentZlb, MetricNames.TYPE, "zlb");
        for (DropReason d : DropReason.values()) {
            FunctionCounter.builder(MetricNames.PACKETS_DROPPED, st, s -> s.dropped(d))
                    .description("L2TP datagrams dropped, by layer and reason")
                    .tags(MetricNames.LAYER, "wire", MetricNames.REASON, d.label()).register(r);
        }
        for (EngineDrop d : EngineDrop.values()) {
            FunctionCounter.builder(MetricNames.PACKETS_DROPPED, st, s -> s.dropped(d))
                    .description("L2TP datagrams dropped, by layer and reason")
                    .tags(MetricNames.LAYER, "engine", MetricNames.REASON, d.label()).register(r);
        }
        FunctionCounter.builder(MetricNames.SCCRQ_REJECTED, st, EngineStats::rejectedSccrq)
                .description("SCCRQs refused by the tunnel policy").register(r);
        counter(r, MetricNames.DATA_PACKETS, "L2TP data messages", st, EngineStats::dataReceived, MetricNames.DIRECTION, "in");
        counter(r, MetricNames.DATA_PACKETS, "L2TP data messages", st, EngineStats::dataSent, MetricNames.DIRECTION, "out");
        counter(r, MetricNames.TUNNEL_SETUPS, "Tunnels established (SCCCN sent or received)", st,
                s -> s.sent(MessageType.SCCCN) + s.received(MessageType.SCCCN), MetricNames.RESULT, "success");
        counter(r, MetricNames.TUNNEL_TEARDOWNS, "Tunnels torn down, by who sent StopCCN", st,
                s -> s.sent(MessageType.STOPCCN), MetricNames.CAUSE, "local");
        counter(r, MetricNames.TUNNEL_TEARDOWNS, "Tunnels torn down, by who sent StopCCN", st,
                s -> s.received(MessageType.STOPCCN), MetricNames.CAUSE, "peer");
    }

    private static void counter(MeterRegistry r, String name, String help, EngineStats st, ToDoubleFunction<EngineStats> f,
                                String key, String value) {
        FunctionCounter.builder(name, st, f).description(help).tag(key, value).register(r);
    }

    /** Recomputes the tunnel and session gauges and totals; call only on the engine's event loop. */
    public void refreshOnLoop() {
        int[] tunnels = new int[TUNNEL_STATES.length];
        int[] sessions = new int[SESSION_STATES.length];
        Map<Tunnel, long[]> seenTunnels = new IdentityHashMap<>();
        Map<Session, long[]> seenSessions = new IdentityHashMap<>();
        for (Tunnel t : engine.tunnels()) {
            tunnels[t.state().ordinal()]++;
            seenTunnels.put(t, transport(t));
            for (Session s : t.sessions()) {
                sessions[s.state().ordinal()]++;
                seenSessions.put(s, new long[] {s.octetsIn(), s.octetsOut()});
            }
        }
        retire(liveTunnels, seenTunnels, retiredTransport);
        retire(liveSessions, seenSessions, retiredOctets);
        long[] transport = retiredTransport.clone();
        seenTunnels.values().forEach(v -> add(transport, v));
        long[] octets = retiredOctets.clone();
        seenSessions.values().forEach(v -> add(octets, v));
        snapshot = new Snapshot(tunnels, sessions, transport, octets[0], octets[1]);
    }

    /** Takes {@code t}'s counters as they are at its close; call on the loop (a tunnel listener's tunnelDown). */
    public void tunnelClosing(Tunnel t) {
        liveTunnels.put(t, transport(t));
    }

    /** Takes {@code s}'s octets as they are at its close; call on the loop (a session listener's sessionDown). */
    public void sessionClosing(Session s) {
        liveSessions.put(s, new long[] {s.octetsIn(), s.octetsOut()});
    }

    private static long[] transport(Tunnel t) {
        TransportCounters c = t.transport().counters();
        return new long[] {c.retransmissions(), c.duplicates(), c.outOfOrderHeld(), c.outOfWindowDropped()};
    }

    private static <K> void retire(Map<K, long[]> live, Map<K, long[]> seen, long[] retired) {
        live.forEach((k, v) -> {
            if (!seen.containsKey(k)) add(retired, v);
        });
        live.clear();
        live.putAll(seen);
    }

    private static void add(long[] into, long[] v) {
        for (int i = 0; i < into.length; i++) into[i] += v[i];
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
