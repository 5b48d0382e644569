package net.vpdn.admin;

/**
 * How an operator names one session to clear. L2TP session ids are only unique within their tunnel
 * (RFC 2661 §4.4.4), so the unambiguous forms are {@code TUNNEL/SESSION} (our local ids, as in the
 * LocTunID and LocID columns) and the Virtual-Access interface ({@code Virtual-Access7} or, as on
 * Cisco, {@code Vi7}). A bare session id is accepted and refused as ambiguous when several tunnels
 * have it. The same text works in the API path and in {@code vpdn ctl clear session}.
 */
public sealed interface SessionRef {
    /** L2TP tunnel and session ids are 16 bits and 0 is reserved (RFC 2661 §4.4.3, §4.4.4). */
    int MAX_ID = 0xFFFF;

    /** A session by our tunnel id and our session id. */
    record ByIds(int tunnelId, int sessionId) implements SessionRef {
        @Override
        public String text() {
            return tunnelId + "/" + sessionId;
        }
    }

    /** A session by our session id alone; may match one session in each of several tunnels. */
    record BySessionId(int sessionId) implements SessionRef {
        @Override
        public String text() {
            return Integer.toString(sessionId);
        }
    }

    /** An LNS session by its interface, in the canonical {@code Virtual-AccessN} form. */
    record ByInterface(String name) implements SessionRef {
        @Override
        public String text() {
            return name;
        }
    }

    /** The form used in paths, messages and the CLI. */
    String text();

    /** The result of {@link #parse}: a reference, or why the text is not one. */
    sealed interface Parsed {
        /** A usable reference. */
        record Ok(SessionRef ref) implements Parsed { }

        /** Not a session reference; {@code problem} is printable. */
        record Bad(String problem) implements Parsed { }
    }

    /** Parses {@code 12/345}, {@code 345}, {@code Virtual-Access7} or {@code Vi7} (any case). Total. */
    static Parsed parse(String text) {
        return SessionRefText.parse(text);
    }
}
