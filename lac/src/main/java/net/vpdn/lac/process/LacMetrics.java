package net.vpdn.lac.process;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import net.vpdn.lac.access.pppoe.PppoeDrop;
import net.vpdn.lac.access.pppoe.io.PppoeAccessServer;
import net.vpdn.lac.call.LacCounters;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.metrics.CallMetrics;
import net.vpdn.metrics.MetricNames;

/**
 * The LAC's call meters over its thread-safe {@link LacCounters} (read at scrape time): session setups
 * by result (connected, PPP failed, or the refusal reason), teardowns by who cleared, and the LAC's own
 * counters; plus the setup-time histogram fed from the subscriber emulator's reports (line up to IPCP).
 * Names come from {@link MetricNames}.
 */
final class LacMetrics {
    private final Timer setupTime;

    private LacMetrics(Timer setupTime) {
        this.setupTime = setupTime;
    }

    static LacMetrics bind(MeterRegistry r, LacCounters c) {
        counter(r, MetricNames.SESSION_SETUPS, "Session setups, by result", c, LacCounters::callsConnected,
                MetricNames.RESULT, "success");
        counter(r, MetricNames.SESSION_SETUPS, "Session setups, by result", c, LacCounters::pppFailures,
                MetricNames.RESULT, "ppp_failed");
        for (RefusalReason reason : RefusalReason.values()) {
            String label = reason.name().toLowerCase(Locale.ROOT);
            counter(r, MetricNames.SESSION_SETUPS, "Session setups, by result", c, x -> x.refusals(reason),
                    MetricNames.RESULT, label);
            counter(r, MetricNames.LAC_CALLS_REFUSED, "Calls the LAC refused, by reason", c, x -> x.refusals(reason),
                    MetricNames.REASON, label);
        }
        counter(r, MetricNames.SESSION_TEARDOWNS, "Sessions that were up and ended, by cause", c,
                LacCounters::callsClearedBySubscriber, MetricNames.CAUSE, "subscriber");
        counter(r, MetricNames.SESSION_TEARDOWNS, "Sessions that were up and ended, by cause", c,
                LacCounters::callsClearedByNetwork, MetricNames.CAUSE, "network");
        counter(r, MetricNames.LAC_CALLS_CLEARED, "Connected calls cleared, by who cleared them", c,
                LacCounters::callsClearedBySubscriber, MetricNames.BY, "subscriber");
        counter(r, MetricNames.LAC_CALLS_CLEARED, "Connected calls cleared, by who cleared them", c,
                LacCounters::callsClearedByNetwork, MetricNames.BY, "network");
        FunctionCounter.builder(MetricNames.LAC_CALLS_OFFERED, c, LacCounters::callsOffered)
                .description("Access lines that came up").register(r);
        FunctionCounter.builder(MetricNames.LAC_PPP_FAILURES, c, LacCounters::pppFailures)
                .description("Calls whose PPP with the subscriber failed before the hand-off").register(r);
        FunctionCounter.builder(MetricNames.LAC_FRAMES_DROPPED, c, LacCounters::framesDropped)
                .description("Subscriber frames dropped while the call was not yet connected").register(r);
        return new LacMetrics(CallMetrics.setupTimer(r));
    }

    private static void counter(MeterRegistry r, String name, String help, LacCounters c, ToDoubleFunction<LacCounters> f,
                                String key, String value) {
        FunctionCounter.builder(name, c, f).description(help).tag(key, value).register(r);
    }

    /** One PPPoE access interface's frame and drop counters (read at scrape time; the server's counters are atomic). */
    static void bindPppoe(MeterRegistry r, String ifName, PppoeAccessServer s) {
        FunctionCounter.builder(MetricNames.LAC_PPPOE_FRAMES, s, PppoeAccessServer::framesIn).description("PPPoE frames, by direction")
                .tag(MetricNames.INTERFACE, ifName).tag(MetricNames.DIRECTION, "in").register(r);
        FunctionCounter.builder(MetricNames.LAC_PPPOE_FRAMES, s, PppoeAccessServer::framesOut).description("PPPoE frames, by direction")
                .tag(MetricNames.INTERFACE, ifName).tag(MetricNames.DIRECTION, "out").register(r);
        for (PppoeDrop reason : PppoeDrop.values()) {
            FunctionCounter.builder(MetricNames.LAC_PPPOE_DROPPED, s, x -> x.drops(reason)).description("PPPoE frames dropped, by reason")
                    .tag(MetricNames.INTERFACE, ifName).tag(MetricNames.REASON, reason.name().toLowerCase(Locale.ROOT)).register(r);
        }
    }

    /** One emulated subscriber's line-up-to-IPCP time. */
    void setupTook(Duration d) {
        setupTime.record(d);
    }
}
