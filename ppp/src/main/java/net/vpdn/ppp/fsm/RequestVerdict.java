package net.vpdn.ppp.fsm;

import java.util.List;
import net.vpdn.ppp.wire.CpOption;

/**
 * A layer's judgement of the peer's Configure-Request (RFC 1661 §5.1): acceptable (RCR+), or
 * not, with the options to Nak or Reject (RCR-). When any option must be rejected the layer
 * returns {@link Reject} only (§5.4 before §5.3).
 */
public sealed interface RequestVerdict permits RequestVerdict.Ack, RequestVerdict.Nak, RequestVerdict.Reject {

    /** Every option is recognisable and acceptable. */
    record Ack() implements RequestVerdict { }

    /** Recognisable but unacceptable values, with the values we would accept (§5.3). */
    record Nak(List<CpOption> suggestions) implements RequestVerdict {
        public Nak {
            suggestions = List.copyOf(suggestions);
        }
    }

    /** Options not recognisable or not acceptable for negotiation, echoed unchanged (§5.4). */
    record Reject(List<CpOption> rejected) implements RequestVerdict {
        public Reject {
            rejected = List.copyOf(rejected);
        }
    }
}
