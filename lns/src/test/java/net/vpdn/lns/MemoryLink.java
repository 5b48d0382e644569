package net.vpdn.lns;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import net.vpdn.vtemplate.TerminateCause;

/** The LNS side of an in-memory call: frames go to a {@link Client}; LCP frames and hang-ups are recorded. */
final class MemoryLink implements SubscriberLink {
    private final Client client;
    final List<TerminateCause> hangUps = new ArrayList<>();
    int lcpFramesSent;
    int framesSent;

    MemoryLink(Client client) {
        this.client = client;
    }

    @Override
    public void send(ByteBuf frame) {
        framesSent++;
        int at = frame.readerIndex();
        if (frame.readableBytes() >= 4 && frame.getUnsignedShort(at) == 0xFF03 && frame.getUnsignedShort(at + 2) == 0xC021) {
            lcpFramesSent++;
        }
        client.deliver(frame);
    }

    @Override
    public void flush() {
    }

    @Override
    public void hangUp(TerminateCause cause) {
        hangUps.add(cause);
    }
}
