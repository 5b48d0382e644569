package net.vpdn.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;
import net.vpdn.aaa.acct.AccountingQueue;
import java.util.List;
import java.util.Set;
import net.vpdn.aaa.radius.DropReason;
import net.vpdn.aaa.radius.RadiusObserver;
import net.vpdn.aaa.radius.RadiusStats;

/**
 * RADIUS and accounting meters over the AAA module's own thread-safe counters ({@link LongAdder}s),
 * read at scrape time. {@code component} names which RADIUS user the stats belong to (a fixed word
 * such as {@code client} or {@code disconnect}, never a server address).
 */
public final class AaaMetrics {
    private AaaMetrics() { }

    /**
     * Binds the counters of one {@link RadiusStats}, and observes its exchanges by server, type and
     * outcome ({@link RadiusServerMetrics}); the returned meters can pre-register configured servers.
     */
    public static RadiusServerMetrics bindRadius(MeterRegistry r, String component, RadiusStats st) {
        outcome(r, component, "started", st.requests);
        outcome(r, component, "answered", st.replies);
        outcome(r, component, "no_answer", st.noAnswer);
        outcome(r, component, "refused_busy", st.waitingOverflow);
        FunctionCounter.builder(MetricNames.RADIUS_RETRANSMISSIONS, st.retransmits, LongAdder::sum)
                .description("RADIUS retransmissions to the same server").tag(MetricNames.COMPONENT, component).register(r);
        FunctionCounter.builder(MetricNames.RADIUS_FAILOVERS, st.failovers, LongAdder::sum)
                .description("Moves to the next RADIUS server").tag(MetricNames.COMPONENT, component).register(r);
        for (DropReason d : DropReason.values()) {
            FunctionCounter.builder(MetricNames.RADIUS_DROPPED, st, s -> s.droppedCount(d))
                    .description("RADIUS datagrams discarded, by reason")
                    .tags(MetricNames.COMPONENT, component, MetricNames.REASON, L2tpMetrics.label(d)).register(r);
        }
        RadiusServerMetrics servers = new RadiusServerMetrics(r);
        st.observe(servers);
        return servers;
    }

    /**
     * {@link #bindRadius(MeterRegistry, String, RadiusStats)}, with each configured server's series of
     * {@code types} registered at zero so dashboards see them before the first request.
     */
    public static RadiusServerMetrics bindRadius(MeterRegistry r, String component, RadiusStats st,
                                                 List<String> servers, Set<RadiusObserver.Type> types) {
        RadiusServerMetrics m = bindRadius(r, component, st);
        servers.forEach(s -> types.forEach(t -> m.preRegister(s, t)));
        return m;
    }

    private static void outcome(MeterRegistry r, String component, String outcome, LongAdder a) {
        FunctionCounter.builder(MetricNames.RADIUS_REQUESTS, a, LongAdder::sum).description("RADIUS requests, by outcome")
                .tags(MetricNames.COMPONENT, component, MetricNames.OUTCOME, outcome).register(r);
    }

    /** Binds the accounting queue's depth and record counters. */
    public static void bindAccounting(MeterRegistry r, AccountingQueue q) {
        Gauge.builder(MetricNames.ACCOUNTING_QUEUE, q, AccountingQueue::backlog)
                .description("Accounting records waiting to be sent").register(r);
        record(r, "sent", q.sent);
        record(r, "dropped", q.dropped);
        record(r, "retried", q.retried);
    }

    private static void record(MeterRegistry r, String outcome, LongAdder a) {
        FunctionCounter.builder(MetricNames.ACCOUNTING_RECORDS, a, LongAdder::sum)
                .description("Accounting records: sent (acknowledged), dropped (queue full), retried")
                .tag(MetricNames.OUTCOME, outcome).register(r);
    }
}
