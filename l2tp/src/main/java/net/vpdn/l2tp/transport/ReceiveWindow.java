package net.vpdn.l2tp.transport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The receiving half of RFC 2661 §5.8: the next expected Ns (our Nr) and the messages that
 * arrived early but within our advertised window. §5.8 lets a receiver either queue or discard
 * out-of-order messages; holding them saves the peer a retransmission per gap.
 */
final class ReceiveWindow<M> {

    /** How one arriving message was classified. */
    enum Arrival { IN_ORDER, DUPLICATE, HELD, OUT_OF_WINDOW }

    private final int size;
    private final Map<Integer, M> held = new HashMap<>();
    private int expected;

    ReceiveWindow(int size, int initialExpected) {
        this.size = size;
        this.expected = initialExpected;
    }

    /** The next Ns we wait for; the Nr we send. */
    int expected() {
        return expected;
    }

    int heldCount() {
        return held.size();
    }

    /**
     * Classifies {@code message} numbered {@code ns}. When it is the expected one, appends it and
     * every held successor that is now in sequence to {@code deliverable} and advances.
     */
    Arrival accept(int ns, M message, List<M> deliverable) {
        int ahead = Seq.distance(expected, ns);
        if (ahead == 0) {
            deliverable.add(message);
            expected = Seq.next(expected);
            for (M next = held.remove(expected); next != null; next = held.remove(expected)) {
                deliverable.add(next);
                expected = Seq.next(expected);
            }
            return Arrival.IN_ORDER;
        }
        if (Seq.isDuplicate(ns, expected)) {
            return Arrival.DUPLICATE;
        }
        // The expected Ns occupies one slot of the window, so at most size-1 can wait behind it.
        if (ahead >= size) {
            return Arrival.OUT_OF_WINDOW;
        }
        return held.putIfAbsent(ns, message) == null ? Arrival.HELD : Arrival.DUPLICATE;
    }
}
