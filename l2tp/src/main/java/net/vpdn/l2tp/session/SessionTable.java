package net.vpdn.l2tp.session;

import java.util.EnumMap;
import java.util.Map;
import net.vpdn.l2tp.wire.MessageType;

/**
 * The received-message tables of the four call state machines, RFC 2661 §7.3-§7.5. Each cell is
 * a named {@link Rule}. Cells start from the per-state default below and the RFC's rows override
 * them; every (role, reachable state, message type) cell is therefore defined, and the tests list
 * them all.
 *
 * <p>Defaults: IDLE cleans up (§7.4/§7.5 "idle, Receive ...: Clean up"); WAIT_TUNNEL and CLOSED
 * ignore (nothing can address a session the peer has not heard of, or one that is gone); the
 * other states answer an unexpected call message with a CDN (the RFC's "Send CDN, Clean up").
 * CDN is always PEER_CDN; WEN and SLI are ignored unless established on the receiving side;
 * tunnel-scope types never reach a session and are ignored.
 */
final class SessionTable {

    /** Named outcomes. */
    enum Rule {
        LNS_ICRQ, LAC_ICRP, LNS_ICCN, LAC_OCRQ, LNS_OCRP, LNS_OCCN,
        /** CDN received: clean up, report the peer's result. */
        PEER_CDN,
        /** Unexpected message: send CDN, clean up. */
        FSM_CDN,
        /** Unexpected message: clean up without sending. */
        CLEAN_UP,
        NOTIFY_WEN, NOTIFY_SLI, IGNORE
    }

    private static final Map<SessionRole, Map<SessionState, Map<MessageType, Rule>>> TABLE =
            new EnumMap<>(SessionRole.class);

    static {
        role(SessionRole.LAC_INCOMING, SessionState.IDLE, SessionState.WAIT_TUNNEL, SessionState.WAIT_REPLY,
                SessionState.ESTABLISHED, SessionState.CLOSED);
        set(SessionRole.LAC_INCOMING, SessionState.WAIT_REPLY, Rule.LAC_ICRP, MessageType.ICRP);
        set(SessionRole.LAC_INCOMING, SessionState.WAIT_REPLY, Rule.CLEAN_UP, MessageType.ICCN);
        set(SessionRole.LAC_INCOMING, SessionState.ESTABLISHED, Rule.NOTIFY_SLI, MessageType.SLI);

        role(SessionRole.LNS_INCOMING, SessionState.IDLE, SessionState.WAIT_DECISION, SessionState.WAIT_CONNECT,
                SessionState.ESTABLISHED, SessionState.CLOSED);
        set(SessionRole.LNS_INCOMING, SessionState.IDLE, Rule.LNS_ICRQ, MessageType.ICRQ);
        set(SessionRole.LNS_INCOMING, SessionState.IDLE, Rule.FSM_CDN, MessageType.ICRP);
        set(SessionRole.LNS_INCOMING, SessionState.WAIT_CONNECT, Rule.LNS_ICCN, MessageType.ICCN);
        set(SessionRole.LNS_INCOMING, SessionState.ESTABLISHED, Rule.NOTIFY_WEN, MessageType.WEN);

        role(SessionRole.LAC_OUTGOING, SessionState.IDLE, SessionState.WAIT_DECISION, SessionState.WAIT_CS_ANSWER,
                SessionState.ESTABLISHED, SessionState.CLOSED);
        set(SessionRole.LAC_OUTGOING, SessionState.IDLE, Rule.LAC_OCRQ, MessageType.OCRQ);
        set(SessionRole.LAC_OUTGOING, SessionState.IDLE, Rule.FSM_CDN, MessageType.OCRP);
        set(SessionRole.LAC_OUTGOING, SessionState.ESTABLISHED, Rule.NOTIFY_SLI, MessageType.SLI);

        role(SessionRole.LNS_OUTGOING, SessionState.IDLE, SessionState.WAIT_TUNNEL, SessionState.WAIT_REPLY,
                SessionState.WAIT_CONNECT, SessionState.ESTABLISHED, SessionState.CLOSED);
        set(SessionRole.LNS_OUTGOING, SessionState.WAIT_REPLY, Rule.LNS_OCRP, MessageType.OCRP);
        set(SessionRole.LNS_OUTGOING, SessionState.WAIT_CONNECT, Rule.LNS_OCCN, MessageType.OCCN);
        set(SessionRole.LNS_OUTGOING, SessionState.ESTABLISHED, Rule.NOTIFY_WEN, MessageType.WEN);
    }

    private SessionTable() {
    }

    /** The cell; throws for a state the role never enters (a programming error). */
    static Rule rule(SessionRole role, SessionState state, MessageType type) {
        Map<MessageType, Rule> row = TABLE.get(role).get(state);
        if (row == null) throw new IllegalStateException(role + " never enters " + state);
        return row.get(type);
    }

    /** Whether {@code role} can be in {@code state}. */
    static boolean reachable(SessionRole role, SessionState state) {
        return TABLE.get(role).containsKey(state);
    }

    private static void role(SessionRole role, SessionState... states) {
        Map<SessionState, Map<MessageType, Rule>> rows = new EnumMap<>(SessionState.class);
        for (SessionState s : states) {
            Map<MessageType, Rule> row = new EnumMap<>(MessageType.class);
            for (MessageType t : MessageType.values()) row.put(t, defaultRule(s, t));
            rows.put(s, row);
        }
        TABLE.put(role, rows);
    }

    private static Rule defaultRule(SessionState s, MessageType t) {
        if (t.scope() == MessageType.Scope.TUNNEL) return Rule.IGNORE;
        return switch (s) {
            case WAIT_TUNNEL, CLOSED -> Rule.IGNORE;
            case IDLE -> t == MessageType.CDN ? Rule.PEER_CDN : isNotice(t) ? Rule.IGNORE : Rule.CLEAN_UP;
            case WAIT_REPLY, WAIT_DECISION, WAIT_CONNECT, WAIT_CS_ANSWER, ESTABLISHED ->
                    t == MessageType.CDN ? Rule.PEER_CDN : isNotice(t) ? Rule.IGNORE : Rule.FSM_CDN;
        };
    }

    private static boolean isNotice(MessageType t) {
        return t == MessageType.WEN || t == MessageType.SLI;
    }

    private static void set(SessionRole role, SessionState s, Rule rule, MessageType type) {
        TABLE.get(role).get(s).put(type, rule);
    }
}
