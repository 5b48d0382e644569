package net.vpdn.aaa;

import java.util.concurrent.CompletionStage;

/** Finds the tunnels for a domain or DNIS (LAC side, Cisco "vpdn authorize domain"). Never blocks. */
@FunctionalInterface
public interface TunnelAuthorizer {

    /** Looks up {@code domainOrDnis}; the stage never completes exceptionally. */
    CompletionStage<TunnelLookup> tunnelsFor(String domainOrDnis);
}
