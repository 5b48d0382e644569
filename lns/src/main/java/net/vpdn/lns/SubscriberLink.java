package net.vpdn.lns;

import io.netty.buffer.ByteBuf;
import net.vpdn.vtemplate.TerminateCause;

/**
 * The lower layer of one LNS session as the session sees it: the L2TP call in production
 * ({@link L2tpSubscriberLink}), an in-memory pipe in tests.
 */
public interface SubscriberLink {

    /** Queues one PPP frame (address/control onward) to the subscriber; takes ownership of {@code frame}. */
    void send(ByteBuf frame);

    /** Pushes out frames queued outside a receive batch (timers, AAA answers). */
    void flush();

    /** Clears the call (L2TP CDN) because the session ended for {@code cause}. */
    void hangUp(TerminateCause cause);
}
