package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

/** The one check, shared by the LNS's own tests and the cross-module ones, that a process holds nothing. */
public final class NoLeaks {
    private NoLeaks() { }

    /** No engine session, call, admission slot, interface, address or route is left, in any pool. */
    public static void assertNoLeaks(LnsProcess lns) {
        LnsProcess.Counters c = lns.counters();
        assertThat(c.engineSessions()).as("engine sessions").isZero();
        assertThat(c.calls()).as("calls").isZero();
        assertThat(c.inSetup()).as("admission slots").isZero();
        assertThat(c.virtualAccess()).as("Virtual-Access interfaces").isZero();
        assertThat(c.poolInUse()).as("pool addresses").isZero();
        assertThat(c.routes()).as("routes").isZero();
        lns.poolUsage().forEach((pool, usage) -> assertThat(usage.inUse()).as(pool + " in use").isZero());
    }
}
