package net.vpdn.lac.select;

import java.util.function.Consumer;

/**
 * The seam that answers "where does this call go?": user, domain and DNIS in, ordered tunnel sets
 * out. The composition root implements it from local vpdn-group config ({@link StaticTunnelSelector})
 * or from RADIUS tunnel attributes (RFC 2868, one {@link TunnelSet} per tag). May answer later and
 * from any thread (a RADIUS reply); must answer exactly once and never block the caller.
 */
@FunctionalInterface
public interface TunnelSelector {

    void select(CallKey key, Consumer<Selection> answer);
}
