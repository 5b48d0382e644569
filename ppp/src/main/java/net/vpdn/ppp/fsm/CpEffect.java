package net.vpdn.ppp.fsm;

import java.time.Duration;
import net.vpdn.ppp.wire.CpPacket;

/**
 * What the {@link ControlProtocol} engine asks its shell to do, as data: send, arm or cancel
 * the Restart timer, and report the layer transitions of RFC 1661 §4.4.
 */
public sealed interface CpEffect {

    /** Send {@code packet} under PPP protocol {@code protocol}. */
    record Send(int protocol, CpPacket packet) implements CpEffect { }

    /** (Re)arm the Restart timer; deliver {@code token} back to {@link ControlProtocol#timeout(long)}. */
    record ArmRestartTimer(Duration after, long token) implements CpEffect { }

    /** Stop the Restart timer (a later expiry with an old token is ignored anyway). */
    record CancelRestartTimer() implements CpEffect { }

    /** tlu: the layer is up; {@code cause} is the event that opened it. */
    record LayerUp(CpEvent cause) implements CpEffect { }

    /** tld: the layer leaves Opened. */
    record LayerDown(CpEvent cause) implements CpEffect { }

    /** tls: the layer needs the lower layer up. */
    record LayerStarted(CpEvent cause) implements CpEffect { }

    /**
     * tlf: the layer no longer needs the lower layer. {@code cause} and {@code from} tell why,
     * e.g. TO_MINUS from REQ_SENT is Max-Configure exhausted.
     */
    record LayerFinished(CpEvent cause, CpState from) implements CpEffect { }

    /** The RFC's illegal event: reported, state unchanged. */
    record IllegalEvent(CpState state, CpEvent event) implements CpEffect { }

    /** A well-formed packet was discarded. */
    record Dropped(CpDropReason reason, String detail) implements CpEffect { }
}
