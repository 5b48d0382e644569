package net.vpdn.lac.access;

/**
 * The access side of a LAC: where subscriber lines come from. The LAC composition root starts
 * one per medium (emulator, PPPoE interface) on the endpoint's loop.
 */
public interface AccessServer extends AutoCloseable {

    /** Starts accepting lines and reporting them to {@code listener}. */
    void start(AccessListener listener);

    /** Stops accepting lines; lines already up stay until hung up. */
    @Override
    void close();
}
