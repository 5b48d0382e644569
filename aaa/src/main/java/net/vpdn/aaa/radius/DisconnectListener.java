package net.vpdn.aaa.radius;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import net.vpdn.aaa.wire.Attr;
import net.vpdn.aaa.wire.DecodeResult;
import net.vpdn.aaa.wire.DropReason;
import net.vpdn.aaa.wire.RadiusAttribute;
import net.vpdn.aaa.wire.RadiusCode;
import net.vpdn.aaa.wire.RadiusPacket;
import net.vpdn.aaa.wire.RadiusSigner;
import net.vpdn.ppp.auth.Secret;

/**
 * Dynamic Authorization Server for Disconnect-Request (RFC 5176): ends a session named by
 * Acct-Session-Id or User-Name. Requests must come from a known client address, verify with its
 * shared secret (Request Authenticator) and carry a valid Message-Authenticator; anything else is
 * discarded and counted. CoA-Request is answered with CoA-NAK (Error-Cause 405, unsupported).
 */
public final class DisconnectListener implements AutoCloseable {
    /** Error-Cause values, RFC 5176 §3.5. */
    static final int MISSING_ATTRIBUTE = 402;
    static final int UNSUPPORTED_SERVICE = 405;
    static final int SESSION_NOT_FOUND = 503;

    /** What a Disconnect-Request names. */
    public sealed interface Target {
        /** By Acct-Session-Id. */
        record BySessionId(String acctSessionId) implements Target { }

        /** Every session of a user. */
        record ByUserName(String userName) implements Target { }
    }

    /** Ends sessions; the stage yields how many were ended. */
    @FunctionalInterface
    public interface Handler {
        CompletionStage<Integer> disconnect(Target target);
    }

    private final Map<InetAddress, Secret> clients;
    private final Handler handler;
    private final RadiusStats stats;
    private Channel channel;

    private DisconnectListener(Map<InetAddress, Secret> clients, Handler handler, RadiusStats stats) {
        this.clients = Map.copyOf(clients);
        this.handler = handler;
        this.stats = stats;
    }

    /** Listens on {@code bind} (port 3799 in production, RFC 5176 §3). */
    public static DisconnectListener open(InetSocketAddress bind, EventLoop loop, Map<InetAddress, Secret> clients,
                                          Handler handler, RadiusStats stats) throws InterruptedException {
        DisconnectListener l = new DisconnectListener(clients, handler, stats);
        l.channel = new Bootstrap().group(loop).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
                        l.onDatagram(ctx.channel(), msg.sender(), ByteBufUtil.getBytes(msg.content()));
                    }
                }).bind(bind).sync().channel();
        return l;
    }

    /** The bound address (to learn an ephemeral port). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    private void onDatagram(Channel ch, InetSocketAddress sender, byte[] bytes) {
        Secret secret = clients.get(sender.getAddress());
        if (secret == null) {
            stats.dropped(DropReason.UNKNOWN_CLIENT);
            return;
        }
        switch (RadiusSigner.verifyHashedRequest(bytes, secret, true)) {
            case DecodeResult.Malformed m -> stats.dropped(m.reason());
            case DecodeResult.Decoded d -> handle(ch, sender, d.packet(), secret);
        }
    }

    private void handle(Channel ch, InetSocketAddress sender, RadiusPacket request, Secret secret) {
        switch (request.code()) {
            case DISCONNECT_REQUEST -> {
                Optional<Target> target = target(request);
                if (target.isEmpty()) {
                    reply(ch, sender, request, RadiusCode.DISCONNECT_NAK, MISSING_ATTRIBUTE, secret);
                    return;
                }
                handler.disconnect(target.get()).whenComplete((ended, error) -> ch.eventLoop().execute(() ->
                        reply(ch, sender, request, ended != null && ended > 0 ? RadiusCode.DISCONNECT_ACK : RadiusCode.DISCONNECT_NAK,
                                SESSION_NOT_FOUND, secret)));
            }
            case COA_REQUEST -> reply(ch, sender, request, RadiusCode.COA_NAK, UNSUPPORTED_SERVICE, secret);
            default -> stats.dropped(DropReason.UNKNOWN_CODE);
        }
    }

    /** Acct-Session-Id wins over User-Name when both are present. */
    static Optional<Target> target(RadiusPacket request) {
        Optional<Target> bySession = request.first(Attr.ACCT_SESSION_ID).map(a -> new Target.BySessionId(a.asText()));
        return bySession.isPresent() ? bySession
                : request.first(Attr.USER_NAME).map(a -> new Target.ByUserName(a.asText()));
    }

    private static void reply(Channel ch, InetSocketAddress to, RadiusPacket request, RadiusCode code, int errorCause, Secret secret) {
        List<RadiusAttribute> attrs = code == RadiusCode.DISCONNECT_ACK ? List.of()
                : List.of(RadiusAttribute.integer(Attr.ERROR_CAUSE, errorCause));
        byte[] out = RadiusSigner.reply(code, request.identifier(), attrs, secret, request.authenticator());
        ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(out), to));
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
