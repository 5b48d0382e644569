package net.vpdn.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import net.vpdn.l2tp.engine.EngineDrop;
import net.vpdn.l2tp.engine.EngineStats;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelEnd;
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
 * <p>Per-tunnel transport counters and per-session octets are the live objects' own plus what the
 * engine folded into {@link EngineStats} when earlier ones were released (in the same step that took
 * them out of its registry), so the exported counters never go down and nothing is lost between scrapes.
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
        counter(r, MetricNames.TUNNEL_SETUPS, "Tunnel setups, by result", st,
                s -> s.sent(MessageType.SCCCN) + s.received(MessageType.SCCCN), MetricNames.RESULT, "success");
        for (TunnelEnd end : TunnelEnd.values()) {
            if (end != TunnelEnd.HELLO_TIMEOUT) { // only an established tunnel sends HELLO
                counter(r, MetricNames.TUNNEL_SETUPS, "Tunnel setups, by result", st,
                        s -> s.tunnelSetupFailures(end), MetricNames.RESULT, end.label());
            }
            counter(r, MetricNames.TUNNEL_TEARDOWNS, "Established tunnels that ended, by cause", st,
                    s -> s.tunnelTeardowns(end), MetricNames.CAUSE, end.label());
        }
        FunctionCounter.builder(MetricNames.HELLO_TIMEOUTS, st, EngineStats::helloTimeouts)
                .description("Established tunnels whose peer stopped acknowledging HELLO").register(r);
    }

    private static void counter(MeterRegistry r, String name, String help, EngineStats st, ToDoubleFunction<EngineStats> f,
                                String key, String value) {
        FunctionCounter.builder(name, st, f).description(help).tag(key, value).register(r);
    }

    /** Recomputes the tunnel and session gauges and totals; call only on the engine's event loop. */
    public void refreshOnLoop() {
        int[] tunnels = new int[TUNNEL_STATES.length];
        int[] sessions = new int[SESSION_STATES.length];
        EngineStats st = engine.stats();
        // Released tunnels and sessions were folded into EngineStats as they left the registry.
        long[] transport = {st.retiredRetransmissions(), st.retiredDuplicates(), st.retiredOutOfOrder(),
                st.retiredOutOfWindow()};
        long octetsIn = st.retiredOctetsIn();
        long octetsOut = st.retiredOctetsOut();
        for (Tunnel t : engine.tunnels()) {
            tunnels[t.state().ordinal()]++;
            TransportCounters c = t.transport().counters();
            transport[0] += c.retransmissions();
            transport[1] += c.duplicates();
            transport[2] += c.outOfOrderHeld();
            transport[3] += c.outOfWindowDropped();
            for (Session s : t.sessions()) {
                sessions[s.state().ordinal()]++;
                octetsIn += s.octetsIn();
                octetsOut += s.octetsOut();
            }
        }
        snapshot = new Snapshot(tunnels, sessions, transport, octetsIn, octetsOut);
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
