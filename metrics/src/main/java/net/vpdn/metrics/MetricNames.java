package net.vpdn.metrics;

import java.util.Set;

/**
 * Every metric name and label key of vpdn, in one place. Names are Micrometer's dotted form; the
 * Prometheus registry renders them lower_snake, appends the base unit where one is given and
 * {@code _total} to counters (see {@code metrics/README.md} for the rendered names).
 *
 * <p>Label values are always drawn from closed sets (enum names, configured pool names, a fixed
 * server role): never a user name, a session id, a tunnel id or a peer address.
 */
public final class MetricNames {
    private MetricNames() { }

    // ---- L2TP endpoint (both processes) ----------------------------------------------------------
    /** Gauge: tunnels by {@link #STATE}. */
    public static final String TUNNELS = "vpdn.l2tp.tunnels";
    /** Gauge: L2TP sessions by {@link #STATE}. */
    public static final String SESSIONS = "vpdn.l2tp.sessions";
    /** Counter: control messages received, by {@link #TYPE} (message type, or {@code zlb}). */
    public static final String CONTROL_RECEIVED = "vpdn.l2tp.control.messages.received";
    /** Counter: control messages sent, by {@link #TYPE} (first transmissions; or {@code zlb}). */
    public static final String CONTROL_SENT = "vpdn.l2tp.control.messages.sent";
    /** Counter: control messages retransmitted after a timeout. */
    public static final String RETRANSMISSIONS = "vpdn.l2tp.control.retransmissions";
    /** Counter: duplicate control messages received. */
    public static final String DUPLICATES = "vpdn.l2tp.control.duplicates";
    /** Counter: control messages received ahead of sequence and held. */
    public static final String OUT_OF_ORDER = "vpdn.l2tp.control.out.of.order";
    /** Counter: control messages received too far ahead of sequence and discarded. */
    public static final String OUT_OF_WINDOW = "vpdn.l2tp.control.out.of.window";
    /** Counter: established tunnels whose peer stopped acknowledging HELLO (RFC 2661 §6.5). */
    public static final String HELLO_TIMEOUTS = "vpdn.l2tp.hello.timeouts";
    /** Counter: SCCRQs refused by the tunnel policy. */
    public static final String SCCRQ_REJECTED = "vpdn.l2tp.sccrq.rejected";
    /** Counter: datagrams dropped, by {@link #LAYER} ({@code wire} or {@code engine}) and {@link #REASON}. */
    public static final String PACKETS_DROPPED = "vpdn.l2tp.packets.dropped";
    /** Counter: data messages, by {@link #DIRECTION}. */
    public static final String DATA_PACKETS = "vpdn.l2tp.data.packets";
    /** Counter (bytes): data payload octets of live and ended sessions, by {@link #DIRECTION}. */
    public static final String DATA_OCTETS = "vpdn.l2tp.data";

    // ---- calls (setup and teardown) ---------------------------------------------------------------
    /** Counter: tunnel setups, by {@link #RESULT} ({@code success} or a {@code TunnelEnd} label). */
    public static final String TUNNEL_SETUPS = "vpdn.tunnel.setups";
    /** Counter: established tunnels that ended, by {@link #CAUSE} (a {@code TunnelEnd} label). */
    public static final String TUNNEL_TEARDOWNS = "vpdn.tunnel.teardowns";
    /** Counter: session setups, by {@link #RESULT}. */
    public static final String SESSION_SETUPS = "vpdn.session.setups";
    /** Counter: session teardowns of sessions that were up, by {@link #CAUSE}. */
    public static final String SESSION_TEARDOWNS = "vpdn.session.teardowns";
    /** Timer (histogram): ICRQ to IPCP up (LNS), line up to IPCP up (LAC, from the emulator's reports). */
    public static final String SESSION_SETUP_TIME = "vpdn.session.setup";

    // ---- AAA -------------------------------------------------------------------------------------
    /** Counter: RADIUS requests by {@link #COMPONENT} and {@link #OUTCOME}. */
    public static final String RADIUS_REQUESTS = "vpdn.radius.requests";
    /** Counter: RADIUS retransmissions by {@link #COMPONENT}. */
    public static final String RADIUS_RETRANSMISSIONS = "vpdn.radius.retransmissions";
    /** Counter: moves to the next RADIUS server by {@link #COMPONENT}. */
    public static final String RADIUS_FAILOVERS = "vpdn.radius.failovers";
    /** Counter: RADIUS datagrams discarded, by {@link #COMPONENT} and {@link #REASON}. */
    public static final String RADIUS_DROPPED = "vpdn.radius.packets.dropped";
    /** Counter: RADIUS requests by {@link #SERVER}, {@link #TYPE} ({@code access}, {@code accounting}, {@code coa}) and {@link #OUTCOME}. */
    public static final String RADIUS_SERVER_REQUESTS = "vpdn.radius.server.requests";
    /** Timer (histogram): first transmission to a server to its answer, by {@link #SERVER} and {@link #TYPE}. */
    public static final String RADIUS_SERVER_RESPONSE_TIME = "vpdn.radius.server.response";
    /** Gauge: accounting records waiting to be sent. */
    public static final String ACCOUNTING_QUEUE = "vpdn.accounting.queue.depth";
    /** Counter: accounting records by {@link #OUTCOME} ({@code sent}, {@code dropped}, {@code retried}). */
    public static final String ACCOUNTING_RECORDS = "vpdn.accounting.records";

    // ---- pools -----------------------------------------------------------------------------------
    /** Gauge: addresses of a pool, by {@link #POOL} and {@link #STATE} ({@code in_use}, {@code free}, {@code reserved}). */
    public static final String POOL_ADDRESSES = "vpdn.pool.addresses";
    /** Counter: allocations refused because the pool was exhausted, by {@link #POOL}. */
    public static final String POOL_EXHAUSTIONS = "vpdn.pool.exhaustions";

    // ---- LAC -------------------------------------------------------------------------------------
    /** Counter: access lines that came up. */
    public static final String LAC_CALLS_OFFERED = "vpdn.lac.calls.offered";
    /** Counter: calls the LAC refused, by {@link #REASON}. */
    public static final String LAC_CALLS_REFUSED = "vpdn.lac.calls.refused";
    /** Counter: connected calls cleared, by {@link #BY} ({@code subscriber}, {@code network}). */
    public static final String LAC_CALLS_CLEARED = "vpdn.lac.calls.cleared";
    /** Counter: subscriber PPP failures before the hand-off. */
    public static final String LAC_PPP_FAILURES = "vpdn.lac.ppp.failures";
    /** Counter: subscriber frames dropped while the call was not yet connected. */
    public static final String LAC_FRAMES_DROPPED = "vpdn.lac.frames.dropped";
    /** Gauge: calls in progress. */
    public static final String LAC_CALLS = "vpdn.lac.calls";
    /** Counter: PPPoE frames received and sent, by {@link #INTERFACE} and {@link #DIRECTION}. */
    public static final String LAC_PPPOE_FRAMES = "vpdn.lac.pppoe.frames";
    /** Counter: PPPoE frames dropped, by {@link #INTERFACE} and {@link #REASON} (the decoder's and discovery's drop reasons). */
    public static final String LAC_PPPOE_DROPPED = "vpdn.lac.pppoe.frames.dropped";

    // ---- LNS -------------------------------------------------------------------------------------
    /** Gauge: calls between ICRQ and IPCP up. */
    public static final String LNS_CALLS_IN_SETUP = "vpdn.lns.calls.in.setup";
    /** Gauge: live Virtual-Access interfaces. */
    public static final String LNS_VIRTUAL_ACCESS = "vpdn.lns.virtual.access";

    // ---- metrics listener itself -----------------------------------------------------------------
    /** Counter: scrapes served from a stale snapshot because the event loop did not answer in time. */
    public static final String SNAPSHOT_FAILURES = "vpdn.metrics.snapshot.failures";

    // ---- label keys ------------------------------------------------------------------------------
    public static final String STATE = "state";
    public static final String TYPE = "type";
    public static final String LAYER = "layer";
    public static final String REASON = "reason";
    public static final String DIRECTION = "direction";
    public static final String RESULT = "result";
    public static final String CAUSE = "cause";
    public static final String COMPONENT = "component";
    public static final String OUTCOME = "outcome";
    public static final String POOL = "pool";
    public static final String BY = "by";
    public static final String SERVER = "server";
    public static final String INTERFACE = "interface";

    /** Every label key a vpdn metric may carry (plus Prometheus' own {@code le}). */
    public static final Set<String> LABEL_KEYS = Set.of(STATE, TYPE, LAYER, REASON, DIRECTION, RESULT, CAUSE, COMPONENT,
            OUTCOME, POOL, BY, SERVER, INTERFACE);
}
