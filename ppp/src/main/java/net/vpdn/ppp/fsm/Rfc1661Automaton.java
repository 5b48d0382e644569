package net.vpdn.ppp.fsm;

import static net.vpdn.ppp.fsm.CpAction.IRC;
import static net.vpdn.ppp.fsm.CpAction.SCA;
import static net.vpdn.ppp.fsm.CpAction.SCJ;
import static net.vpdn.ppp.fsm.CpAction.SCN;
import static net.vpdn.ppp.fsm.CpAction.SCR;
import static net.vpdn.ppp.fsm.CpAction.SER;
import static net.vpdn.ppp.fsm.CpAction.STA;
import static net.vpdn.ppp.fsm.CpAction.STR;
import static net.vpdn.ppp.fsm.CpAction.TLD;
import static net.vpdn.ppp.fsm.CpAction.TLF;
import static net.vpdn.ppp.fsm.CpAction.TLS;
import static net.vpdn.ppp.fsm.CpAction.TLU;
import static net.vpdn.ppp.fsm.CpAction.ZRC;
import static net.vpdn.ppp.fsm.CpState.ACK_RCVD;
import static net.vpdn.ppp.fsm.CpState.ACK_SENT;
import static net.vpdn.ppp.fsm.CpState.CLOSED;
import static net.vpdn.ppp.fsm.CpState.CLOSING;
import static net.vpdn.ppp.fsm.CpState.INITIAL;
import static net.vpdn.ppp.fsm.CpState.OPENED;
import static net.vpdn.ppp.fsm.CpState.REQ_SENT;
import static net.vpdn.ppp.fsm.CpState.STARTING;
import static net.vpdn.ppp.fsm.CpState.STOPPED;
import static net.vpdn.ppp.fsm.CpState.STOPPING;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 1661 §4.1 state-transition table, every cell written out. Rows are events, columns
 * states 0–9 in RFC order (Initial … Opened), exactly as the RFC prints them.
 *
 * <p>The optional behaviours the RFC marks do not change any cell here: {@code [r]} (restart on
 * Open) is not taken, {@code [p]} (passive TO-) is the plain {@code tlf/3}, and {@code [x]}
 * (crossed connection) is the printed {@code scr/6}. Pure and stateless.
 */
public final class Rfc1661Automaton {
    private static final Transition X = null;
    private static final Map<CpEvent, Transition[]> TABLE = new EnumMap<>(CpEvent.class);

    static {
        //            Initial           Starting                Closed                 Stopped                     Closing            Stopping           Req-Sent             Ack-Rcvd             Ack-Sent             Opened
        row(CpEvent.UP, go(CLOSED), go(REQ_SENT, IRC, SCR), X, X, X, X, X, X, X, X);
        row(CpEvent.DOWN, X, X, go(INITIAL), go(STARTING, TLS), go(INITIAL), go(STARTING), go(STARTING), go(STARTING), go(STARTING), go(STARTING, TLD));
        row(CpEvent.OPEN, go(STARTING, TLS), go(STARTING), go(REQ_SENT, IRC, SCR), go(STOPPED), go(STOPPING), go(STOPPING), go(REQ_SENT), go(ACK_RCVD), go(ACK_SENT), go(OPENED));
        row(CpEvent.CLOSE, go(INITIAL), go(INITIAL, TLF), go(CLOSED), go(CLOSED), go(CLOSING), go(CLOSING), go(CLOSING, IRC, STR), go(CLOSING, IRC, STR), go(CLOSING, IRC, STR), go(CLOSING, TLD, IRC, STR));
        row(CpEvent.TO_PLUS, X, X, X, X, go(CLOSING, STR), go(STOPPING, STR), go(REQ_SENT, SCR), go(REQ_SENT, SCR), go(ACK_SENT, SCR), X);
        row(CpEvent.TO_MINUS, X, X, X, X, go(CLOSED, TLF), go(STOPPED, TLF), go(STOPPED, TLF), go(STOPPED, TLF), go(STOPPED, TLF), X);
        row(CpEvent.RCR_PLUS, X, X, go(CLOSED, STA), go(ACK_SENT, IRC, SCR, SCA), go(CLOSING), go(STOPPING), go(ACK_SENT, SCA), go(OPENED, SCA, TLU), go(ACK_SENT, SCA), go(ACK_SENT, TLD, SCR, SCA));
        row(CpEvent.RCR_MINUS, X, X, go(CLOSED, STA), go(REQ_SENT, IRC, SCR, SCN), go(CLOSING), go(STOPPING), go(REQ_SENT, SCN), go(ACK_RCVD, SCN), go(REQ_SENT, SCN), go(REQ_SENT, TLD, SCR, SCN));
        row(CpEvent.RCA, X, X, go(CLOSED, STA), go(STOPPED, STA), go(CLOSING), go(STOPPING), go(ACK_RCVD, IRC), go(REQ_SENT, SCR), go(OPENED, IRC, TLU), go(REQ_SENT, TLD, SCR));
        row(CpEvent.RCN, X, X, go(CLOSED, STA), go(STOPPED, STA), go(CLOSING), go(STOPPING), go(REQ_SENT, IRC, SCR), go(REQ_SENT, SCR), go(ACK_SENT, IRC, SCR), go(REQ_SENT, TLD, SCR));
        row(CpEvent.RTR, X, X, go(CLOSED, STA), go(STOPPED, STA), go(CLOSING, STA), go(STOPPING, STA), go(REQ_SENT, STA), go(REQ_SENT, STA), go(REQ_SENT, STA), go(STOPPING, TLD, ZRC, STA));
        row(CpEvent.RTA, X, X, go(CLOSED), go(STOPPED), go(CLOSED, TLF), go(STOPPED, TLF), go(REQ_SENT), go(REQ_SENT), go(ACK_SENT), go(REQ_SENT, TLD, SCR));
        row(CpEvent.RUC, X, X, go(CLOSED, SCJ), go(STOPPED, SCJ), go(CLOSING, SCJ), go(STOPPING, SCJ), go(REQ_SENT, SCJ), go(ACK_RCVD, SCJ), go(ACK_SENT, SCJ), go(OPENED, SCJ));
        row(CpEvent.RXJ_PLUS, X, X, go(CLOSED), go(STOPPED), go(CLOSING), go(STOPPING), go(REQ_SENT), go(REQ_SENT), go(ACK_SENT), go(OPENED));
        row(CpEvent.RXJ_MINUS, X, X, go(CLOSED, TLF), go(STOPPED, TLF), go(CLOSED, TLF), go(STOPPED, TLF), go(STOPPED, TLF), go(STOPPED, TLF), go(STOPPED, TLF), go(STOPPING, TLD, IRC, STR));
        row(CpEvent.RXR, X, X, go(CLOSED), go(STOPPED), go(CLOSING), go(STOPPING), go(REQ_SENT), go(ACK_RCVD), go(ACK_SENT), go(OPENED, SER));
    }

    private Rfc1661Automaton() {
    }

    /** The cell for {@code event} in {@code state}: pure, no side effects. */
    public static Transition step(CpState state, CpEvent event) {
        Transition t = TABLE.get(event)[state.ordinal()];
        return t != null ? t : new Transition.Illegal(state, event);
    }

    private static Transition go(CpState next, CpAction... actions) {
        return new Transition.Move(next, List.of(actions));
    }

    private static void row(CpEvent event, Transition... cells) {
        if (cells.length != CpState.values().length) {
            throw new IllegalStateException("row " + event + " has " + cells.length + " cells");
        }
        TABLE.put(event, cells);
    }
}
