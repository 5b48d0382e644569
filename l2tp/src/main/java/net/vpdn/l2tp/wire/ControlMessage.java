package net.vpdn.l2tp.wire;

import java.util.List;
import java.util.Optional;
import net.vpdn.l2tp.avp.Avp;

/**
 * A decoded control message with typed AVPs, RFC 2661 §3.2: what the state machines see.
 * {@code tunnelId} and {@code sessionId} are the header's (the recipient's) ids; Ns and Nr belong
 * to the reliable transport and are not part of the message. The Message Type AVP is
 * {@link #type()}; {@link #avps()} holds the others in wire order.
 */
public record ControlMessage(MessageType type, int tunnelId, int sessionId, List<Avp> avps) {

    public ControlMessage {
        avps = List.copyOf(avps);
    }

    /** The first AVP of the given record class, if present. */
    public <T extends Avp> Optional<T> find(Class<T> kind) {
        for (Avp a : avps) {
            if (kind.isInstance(a)) {
                return Optional.of(kind.cast(a));
            }
        }
        return Optional.empty();
    }

    /** Whether an AVP of the given record class is present. */
    public boolean has(Class<? extends Avp> kind) {
        return find(kind).isPresent();
    }
}
