package net.vpdn.aaa;

import java.util.concurrent.CompletionStage;

/** Finds the tunnels for a domain or DNIS (LAC side, Cisco "vpdn authorize domain"). Never blocks. */
@FunctionalInterface
public interface TunnelAuthorizer {

    /** Looks up {@code domainOrDnis}; the stage never completes exceptionally. */
    CompletionStage<TunnelLookup> tunnelsFor(String domainOrDnis);

    /**
     * As {@link #tunnelsFor(String)}, telling the method where the subscriber's line is (RADIUS puts it in
     * the Access-Request as the RFC 4679 ADSL-Agent-Circuit-Id / ADSL-Agent-Remote-Id attributes).
     */
    default CompletionStage<TunnelLookup> tunnelsFor(String domainOrDnis, AccessLineInfo line) {
        return tunnelsFor(domainOrDnis);
    }
}
