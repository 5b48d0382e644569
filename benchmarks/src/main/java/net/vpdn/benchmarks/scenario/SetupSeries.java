package net.vpdn.benchmarks.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The emulator's report file read back ({@code --report}: user, auth, result, address, pings, setup_ms,
 * up_ms): how many subscribers reached IPCP, how many were dropped, setup latency percentiles and the
 * setups per second over the ramp (each whole second from the first dial to the last IPCP up counted on
 * its own, as BNG Blaster reports min/avg/max).
 */
record SetupSeries(int reported, int reachedIpcp, int succeeded, int dropped, double p50Ms, double p99Ms,
                   double minPerSecond, double avgPerSecond, double maxPerSecond, double rampSeconds) {

    static SetupSeries parse(List<String> lines) {
        List<Double> setups = new ArrayList<>();
        List<Double> ups = new ArrayList<>();
        int reported = 0;
        int succeeded = 0;
        int dropped = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t");
            reported++;
            if (f[2].equals("ok")) succeeded++;
            if (f[2].startsWith("dropped")) dropped++;
            if (f.length >= 7 && !f[5].equals("-")) {
                setups.add(Double.parseDouble(f[5]));
                ups.add(Double.parseDouble(f[6]));
            }
        }
        double[] s = setups.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] u = ups.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double ramp = u.length == 0 ? 0 : u[u.length - 1] / 1000.0;
        double[] perSecond = perSecond(u);
        double min = Arrays.stream(perSecond).min().orElse(0);
        double max = Arrays.stream(perSecond).max().orElse(0);
        double avg = ramp > 0 ? u.length / ramp : 0;
        return new SetupSeries(reported, u.length, succeeded, dropped, percentile(s, 50), percentile(s, 99),
                min, avg, max, ramp);
    }

    /**
     * IPCP-up counts in each whole second from the second of the first IPCP up to the last whole second of
     * the ramp (a partial last second would understate the rate).
     */
    static double[] perSecond(double[] upMsSorted) {
        if (upMsSorted.length == 0) return new double[0];
        double first = upMsSorted[0];
        double last = upMsSorted[upMsSorted.length - 1];
        int seconds = (int) ((last - first) / 1000);
        if (seconds == 0) return new double[] {upMsSorted.length / Math.max(0.001, (last - first) / 1000)};
        double[] counts = new double[seconds];
        for (double ms : upMsSorted) {
            int b = (int) ((ms - first) / 1000);
            if (b < seconds) counts[b]++;
        }
        return counts;
    }

    /** Nearest rank; zero for none. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
