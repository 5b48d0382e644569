package net.vpdn.lns.process;

import java.util.Optional;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.lns.LnsSession;
import net.vpdn.lns.LnsSessionInfo;

/**
 * One call the process answered, from ICRQ until its L2TP session is gone. Mutable, touched only
 * on the endpoint's event loop.
 */
final class Call {
    final Session l2tp;
    final String group;
    final String acctSessionId;
    final long answeredNanos;
    /** Calling and Called Number of the ICRQ (RFC 2661 §6.6). */
    final Optional<String> calling;
    final Optional<String> called;
    /** The PPP side, from ICCN on. */
    LnsSession lns;
    /** Accounting start, once IPCP opened. */
    LnsSessionInfo started;
    /** The user admitted under the per-user session limit, once authenticated. */
    String user;
    /** Refused by a limit after it was answered (not counted again as a failed setup). */
    boolean refused;
    /** Holding an admission slot: answered and not yet in service or gone. */
    boolean inSetup = true;

    Call(Session l2tp, String group, String acctSessionId, long answeredNanos, Optional<String> calling,
         Optional<String> called) {
        this.calling = calling;
        this.called = called;
        this.l2tp = l2tp;
        this.group = group;
        this.acctSessionId = acctSessionId;
        this.answeredNanos = answeredNanos;
    }

    /** The key of a call by our tunnel and session ids. */
    static long key(int tunnelId, int sessionId) {
        return ((long) tunnelId << 16) | sessionId;
    }

    long key() {
        return key(l2tp.tunnel().localId(), l2tp.localId());
    }
}
