package net.vpdn.lac.tunnel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.lac.select.LnsEndpoint;

/**
 * The order in which a call tries the LNSs of a tunnel set: by priority (lower first, failover),
 * and within one priority a weighted random permutation (load sharing): each next endpoint is
 * drawn with probability weight / remaining weight. Pure apart from the injected randomness.
 */
public final class WeightedOrder {
    private WeightedOrder() {
    }

    /** The endpoints of {@code endpoints} in trial order. */
    public static List<LnsEndpoint> order(List<LnsEndpoint> endpoints, RandomSource random) {
        TreeMap<Integer, List<LnsEndpoint>> byPriority = new TreeMap<>();
        for (LnsEndpoint e : endpoints) {
            byPriority.computeIfAbsent(e.priority(), p -> new ArrayList<>()).add(e);
        }
        List<LnsEndpoint> out = new ArrayList<>(endpoints.size());
        for (List<LnsEndpoint> level : byPriority.values()) {
            out.addAll(shuffleByWeight(level, random));
        }
        return out;
    }

    private static List<LnsEndpoint> shuffleByWeight(List<LnsEndpoint> level, RandomSource random) {
        if (level.size() == 1) return level;
        List<LnsEndpoint> left = new ArrayList<>(level);
        left.sort(Comparator.comparing(e -> e.address().toString())); // same draw, same order: reproducible
        List<LnsEndpoint> out = new ArrayList<>(left.size());
        while (!left.isEmpty()) {
            long total = 0;
            for (LnsEndpoint e : left) total += e.weight();
            long pick = Long.remainderUnsigned(random.nextLong(), total);
            int i = 0;
            while (pick >= left.get(i).weight()) {
                pick -= left.get(i).weight();
                i++;
            }
            out.add(left.remove(i));
        }
        return out;
    }
}
