package net.vpdn.l2tp.io;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.nio.ByteBuffer;
import net.vpdn.l2tp.engine.EngineDrop;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.wire.DropReason;
import net.vpdn.l2tp.wire.L2tpHeader;

/**
 * Splits received datagrams: control messages are copied out of the pooled buffer and handed to
 * the engine (no ref-counted object reaches the domain); data messages are parsed in place with a
 * reused header flyweight and passed on, buffer and all, to the session's owner.
 */
final class L2tpDatagramHandler extends ChannelInboundHandlerAdapter {
    private final NettyL2tpEndpoint.EngineRef ref;
    private final DataHandler dataHandler;
    private final L2tpHeader header = new L2tpHeader();

    L2tpDatagramHandler(NettyL2tpEndpoint.EngineRef ref, DataHandler dataHandler) {
        this.ref = ref;
        this.dataHandler = dataHandler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        L2tpEngine engine = ref.engine;
        ByteBuf content = packet.content();
        if (engine == null || !content.isReadable()) {
            packet.release();
            return;
        }
        boolean control = (content.getByte(content.readerIndex()) & 0x80) != 0;
        if (control) {
            byte[] bytes = ByteBufUtil.getBytes(content);
            packet.release();
            engine.onControlDatagram(packet.sender(), bytes, 0, bytes.length);
        } else {
            data(engine, packet);
        }
    }

    private void data(L2tpEngine engine, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int base = content.readerIndex();
        ByteBuffer nio = content.internalNioBuffer(base, content.readableBytes());
        int nioBase = nio.position();
        DropReason reason = header.parse(nio);
        if (reason != null) {
            engine.stats().countDrop(reason);
            packet.release();
            return;
        }
        Session s = engine.findSession(header.tunnelId(), header.sessionId());
        if (s == null) {
            engine.stats().countDrop(EngineDrop.UNKNOWN_SESSION);
            packet.release();
            return;
        }
        if (!s.isEstablished() || !packet.sender().equals(s.tunnel().peer())) {
            engine.stats().countDrop(EngineDrop.SESSION_NOT_ESTABLISHED);
            packet.release();
            return;
        }
        int len = header.payloadLength();
        if (!s.acceptData(header.hasSequence(), header.ns(), len)) {
            packet.release();
            return;
        }
        engine.stats().countDataReceived();
        int from = base + header.payloadOffset() - nioBase;
        content.setIndex(from, from + len);
        dataHandler.onFrame(s, content);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Never let an exception close the shared socket: log and go on.
        org.slf4j.LoggerFactory.getLogger(L2tpDatagramHandler.class).warn("l2tp socket error", cause);
    }
}
