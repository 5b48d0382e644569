package net.vpdn.aaa;

import java.util.List;
import net.vpdn.aaa.tunnel.TunnelSet;

/** The answer of one AAA method to "which tunnels serve this domain or DNIS?" (LAC side). */
public sealed interface TunnelLookup {

    /** The tunnel sets in the order to try them (RFC 2868 §3.8 preference). */
    record Found(List<TunnelSet> sets) implements TunnelLookup {
        public Found {
            sets = List.copyOf(sets);
        }
    }

    /** Definitely no tunnel (a RADIUS Access-Reject): final, the call is handled locally or refused. */
    record NotFound(String detail) implements TunnelLookup { }

    /** This method could not decide; a {@link MethodList} asks the next one. */
    record NoDecision(AuthResult.Why why, String detail) implements TunnelLookup { }
}
