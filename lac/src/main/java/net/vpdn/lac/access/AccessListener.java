package net.vpdn.lac.access;

/** What an {@link AccessServer} tells the LAC, on the loop. */
public interface AccessListener {

    /** A subscriber connected (dialled in, PADS sent): the LAC takes the line and starts LCP. */
    void lineUp(AccessLine line);

    /** The medium finished a batch of received frames: a good moment to flush towards the LNS. */
    default void readComplete() {
    }
}
