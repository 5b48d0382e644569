package net.vpdn.ppp.session;

import net.vpdn.ppp.wire.CpPacket;

/** Where session parts put their outputs while one input is handled. */
interface Out {
    /** Encode and send a control packet of {@code protocol}. */
    void send(int protocol, CpPacket packet);

    /** Emit any other output. */
    void add(PppOutput output);
}
