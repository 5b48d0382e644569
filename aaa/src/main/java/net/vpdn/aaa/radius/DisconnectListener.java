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
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.PacketType;
import org.tinyradius.core.packet.RadiusPacket;

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
        switch (RadiusWire.verifyHashedRequest(bytes, secret, true)) {
            case DecodeResult.Malformed m -> stats.dropped(m.reason());
            case DecodeResult.Decoded d -> handle(ch, sender, d, secret, System.nanoTime());
        }
    }

    private void handle(Channel ch, InetSocketAddress sender, DecodeResult.Decoded request, Secret secret, long startNanos) {
        switch (request.code()) {
            case PacketType.DISCONNECT_REQUEST & 0xFF -> {
                Optional<Target> target = target(request.packet());
                if (target.isEmpty()) {
                    reply(ch, sender, request, PacketType.DISCONNECT_NAK, MISSING_ATTRIBUTE, secret);
                    observe(sender, RadiusObserver.Outcome.REJECT, startNanos);
                    return;
                }
                handler.disconnect(target.get()).whenComplete((ended, error) -> ch.eventLoop().execute(() -> {
                    boolean ack = ended != null && ended > 0;
                    reply(ch, sender, request, ack ? PacketType.DISCONNECT_ACK : PacketType.DISCONNECT_NAK, SESSION_NOT_FOUND, secret);
                    observe(sender, ack ? RadiusObserver.Outcome.ACCEPT : RadiusObserver.Outcome.REJECT, startNanos);
                }));
            }
            case PacketType.COA_REQUEST & 0xFF -> {
                reply(ch, sender, request, PacketType.COA_NAK, UNSUPPORTED_SERVICE, secret);
                observe(sender, RadiusObserver.Outcome.REJECT, startNanos);
            }
            default -> stats.dropped(DropReason.UNKNOWN_CODE);
        }
    }

    /** The label is the client's address, one of the configured dynamic-authorization clients (a bounded set). */
    private void observe(InetSocketAddress client, RadiusObserver.Outcome outcome, long startNanos) {
        stats.completed(client.getAddress().getHostAddress(), RadiusObserver.Type.COA, outcome, System.nanoTime() - startNanos);
    }

    /** Acct-Session-Id wins over User-Name when both are present. */
    static Optional<Target> target(RadiusPacket<?> request) {
        Optional<Target> bySession = Attributes.text(request, "Acct-Session-Id").map(Target.BySessionId::new);
        return bySession.isPresent() ? bySession : Attributes.text(request, "User-Name").map(Target.ByUserName::new);
    }

    private static void reply(Channel ch, InetSocketAddress to, DecodeResult.Decoded request, byte code, int errorCause, Secret secret) {
        List<RadiusAttribute> attrs = code == PacketType.DISCONNECT_ACK ? List.of() : List.of(Attributes.integer("Error-Cause", errorCause));
        byte[] out = RadiusWire.reply(code, request.identifier(), attrs, secret, Octets.of(request.packet().getAuthenticator()));
        ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(out), to));
    }


    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
