package net.vpdn.ppp.fsm;

import java.util.List;

/** One cell of the RFC 1661 §4.1 table: a move with its actions, or the RFC's illegal event. */
public sealed interface Transition permits Transition.Move, Transition.Illegal {

    /** The state after the event (unchanged for an illegal event). */
    CpState next();

    /** The actions in the order the RFC lists them (none for an illegal event). */
    List<CpAction> actions();

    /** A legal event: go to {@code next}, doing {@code actions} in order. */
    record Move(CpState next, List<CpAction> actions) implements Transition {
        public Move {
            actions = List.copyOf(actions);
        }
    }

    /**
     * The table's "-": the event cannot occur in this state in a correct implementation
     * (RFC 1661 §4.1). The state does not change; the engine reports it.
     */
    record Illegal(CpState state, CpEvent event) implements Transition {
        @Override
        public CpState next() {
            return state;
        }

        @Override
        public List<CpAction> actions() {
            return List.of();
        }
    }
}
