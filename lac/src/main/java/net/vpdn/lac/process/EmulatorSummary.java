package net.vpdn.lac.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.lac.select.RefusalReason;

/**
 * What {@code --once} prints: how many emulated subscribers reached IPCP, their addresses, pings
 * answered, setup time percentiles (dial to IPCP opened) and the LAC's refusals by reason. Pure.
 *
 * @param expected  subscribers dialled
 * @param reports   their reports (fewer than {@code expected} when some never finished)
 * @param refusals  the LAC's refusal counters
 */
public record EmulatorSummary(int expected, List<SubscriberReport> reports, Map<RefusalReason, Long> refusals) {
    /** Subscriber lines printed before the rest is only counted. */
    public static final int MAX_LINES = 20;

    public EmulatorSummary {
        reports = List.copyOf(reports);
        refusals = Map.copyOf(refusals);
    }

    public long reachedIpcp() {
        return reports.stream().filter(SubscriberReport::ipcpUp).count();
    }

    public long succeeded() {
        return reports.stream().filter(SubscriberReport::succeeded).count();
    }

    /** Every subscriber reported, and every one succeeded. */
    public boolean allSucceeded() {
        return reports.size() == expected && succeeded() == expected;
    }

    /** Nearest-rank percentile of the setup times of those that reached IPCP; zero when none did. */
    public Duration setupPercentile(int percent) {
        List<Duration> times = reports.stream().flatMap(r -> r.setupTime().stream()).sorted().toList();
        if (times.isEmpty()) return Duration.ZERO;
        int rank = (int) Math.ceil(percent / 100.0 * times.size());
        return times.get(Math.max(0, Math.min(times.size(), rank) - 1));
    }

    /**
     * IPCP setups per second over the run: those that reached IPCP, divided by the time from the first dial
     * to the last IPCP opened (so a slow dial rate bounds it); zero when fewer than one opened.
     */
    public double setupRate() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long up = 0;
        for (SubscriberReport r : reports) {
            first = Math.min(first, r.dialledAtNanos());
            if (r.setupTime().isPresent()) {
                up++;
                last = Math.max(last, r.dialledAtNanos() + r.setupTime().get().toNanos());
            }
        }
        if (up == 0 || last - first <= 0) return 0;
        return up / ((last - first) / 1e9);
    }

    /**
     * Every subscriber's outcome as a tab-separated line: user, auth, result, address, pings answered/sent,
     * setup ms, and when IPCP opened in ms since the first dial (so a load generator can count setups per
     * second over a ramp).
     */
    public List<String> reportFile() {
        List<String> out = new ArrayList<>(reports.size() + 1);
        out.add("# user\tauth\tresult\taddress\tpings\tsetup_ms\tup_ms");
        long first = reports.stream().mapToLong(SubscriberReport::dialledAtNanos).min().orElse(0);
        for (SubscriberReport r : reports) {
            out.add(String.join("\t", r.user(), r.auth().name(), r.succeeded() ? "ok" : end(r),
                    r.address().map(Object::toString).orElse("-"), r.pingsAnswered() + "/" + r.pingsSent(),
                    r.setupTime().map(d -> String.format(java.util.Locale.ROOT, "%.1f", d.toNanos() / 1e6)).orElse("-"),
                    r.setupTime().map(d -> String.format(java.util.Locale.ROOT, "%.1f",
                            (r.dialledAtNanos() - first + d.toNanos()) / 1e6)).orElse("-")));
        }
        return out;
    }

    /** The printed summary, one line each. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        long pingsSent = reports.stream().mapToLong(SubscriberReport::pingsSent).sum();
        long pingsAnswered = reports.stream().mapToLong(SubscriberReport::pingsAnswered).sum();
        out.add(String.format("vpdn lac summary: %d subscribers, %d reported, %d reached IPCP, %d succeeded; pings %d/%d answered",
                expected, reports.size(), reachedIpcp(), succeeded(), pingsAnswered, pingsSent));
        for (int i = 0; i < Math.min(MAX_LINES, reports.size()); i++) {
            out.add("  " + line(reports.get(i)));
        }
        if (reports.size() > MAX_LINES) out.add("  ... " + (reports.size() - MAX_LINES) + " more");
        out.add(String.format("setup time (dial to IPCP): p50 %s, p99 %s", ms(setupPercentile(50)), ms(setupPercentile(99))));
        out.add(String.format(java.util.Locale.ROOT, "setup rate: %.1f setups/s (first dial to last IPCP up)", setupRate()));
        String refused = refusals.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        out.add("refused: " + (refused.isEmpty() ? "none" : refused));
        out.add(allSucceeded() ? "result: all subscribers succeeded" : "result: FAILED (" + (expected - succeeded()) + " of " + expected + ")");
        return out;
    }

    private static String line(SubscriberReport r) {
        String address = r.address().map(Object::toString).orElse("-");
        String setup = r.setupTime().map(EmulatorSummary::ms).orElse("-");
        String end = r.succeeded() ? "ok" : end(r);
        return String.format("%-28s %-15s pings %d/%d  setup %-9s %s", r.user(), address, r.pingsAnswered(), r.pingsSent(), setup, end);
    }

    private static String end(SubscriberReport r) {
        return r.droppedBy().map(c -> "dropped: " + c).orElse(r.ipcpUp() ? "pings unanswered" : "no IPCP")
                + (r.authFailureSeen() ? " (auth failure)" : "");
    }

    static String ms(Duration d) {
        return String.format("%.1f ms", d.toNanos() / 1e6);
    }
}
