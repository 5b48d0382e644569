package net.vpdn.lac.select;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Local vpdn-groups: tunnel sets by domain and by DNIS, searched in a configured order, answering
 * at once. A call that matches nothing is refused with a reason that says which keys it had.
 *
 * @param byDomain    tunnel sets per domain (keys compared lower-case)
 * @param byDnis      tunnel sets per Called Number
 * @param searchOrder which keys to try, in order (Cisco's {@code vpdn search-order})
 */
public record StaticTunnelSelector(Map<String, List<TunnelSet>> byDomain, Map<String, List<TunnelSet>> byDnis,
                                   List<SearchKey> searchOrder) implements TunnelSelector {

    public StaticTunnelSelector {
        byDomain = byDomain.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue())));
        byDnis = Map.copyOf(byDnis);
        searchOrder = List.copyOf(searchOrder);
    }

    @Override
    public void select(CallKey key, Consumer<Selection> answer) {
        answer.accept(lookup(key));
    }

    /** The answer for {@code key}, synchronously. */
    public Selection lookup(CallKey key) {
        for (SearchKey k : searchOrder) {
            List<TunnelSet> sets = switch (k) {
                case DOMAIN -> key.domain().map(byDomain::get).orElse(null);
                case DNIS -> key.calledNumber().isEmpty() ? null : byDnis.get(key.calledNumber());
            };
            if (sets != null && !sets.isEmpty()) {
                return new Selection.Tunnels(sets);
            }
        }
        boolean domainSearched = searchOrder.contains(SearchKey.DOMAIN);
        if (domainSearched && key.domain().isEmpty() && !searchOrder.contains(SearchKey.DNIS)) {
            return new Selection.Refused(RefusalReason.NO_DOMAIN, "user '" + key.userName() + "' has no domain");
        }
        if (domainSearched && key.domain().isEmpty() && key.calledNumber().isEmpty()) {
            return new Selection.Refused(RefusalReason.NO_DOMAIN,
                    "user '" + key.userName() + "' has no domain and the call no DNIS");
        }
        return new Selection.Refused(RefusalReason.NO_VPDN_MATCH, "no vpdn-group for domain '"
                + key.domain().orElse("") + "' or DNIS '" + key.calledNumber() + "' (search order " + searchOrder + ")");
    }
}
