package net.vpdn.aaa.radius;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import net.vpdn.ppp.PppRandom;
import org.tinyradius.core.packet.PacketType;

/**
 * A RADIUS client on Netty UDP: several servers with failover and dead time, retransmission,
 * identifiers per (source socket, server), verified replies (Response Authenticator and
 * Message-Authenticator, RFC 3579 §3.2). All state lives on one event loop; callers on any
 * thread get a stage that completes on that loop and never exceptionally.
 */
public final class RadiusClient implements AutoCloseable {
    /**
     * Receive buffer asked for each source socket. The OS default (~208 KiB, ~170 small replies) is
     * less than one socket's 256 outstanding replies: a burst arriving while this loop is busy was
     * dropped by the kernel and each lost reply cost a full timeout (3 s) before the retransmission.
     */
    static final int RECEIVE_BUFFER_BYTES = 4 << 20;

    private final RadiusSettings settings;
    private final EventLoop loop;
    private final PppRandom random;
    private final LongSupplier nanoTime;
    private final RadiusStats stats;
    private final ServerPool pool;
    private final List<Channel> sockets = new ArrayList<>();
    private final List<Map<InetSocketAddress, IdSpace<Pending>>> ids = new ArrayList<>();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

    private RadiusClient(RadiusSettings settings, EventLoop loop, PppRandom random, LongSupplier nanoTime, RadiusStats stats) {
        this.settings = settings;
        this.loop = loop;
        this.random = random;
        this.nanoTime = nanoTime;
        this.stats = stats;
        this.pool = new ServerPool(settings.servers().stream()
                .mapToLong(s -> timing(settings, s).deadTime().toNanos()).toArray());
    }

    /** Binds the source sockets (ephemeral loopback-or-any ports) on {@code loop}. */
    public static RadiusClient open(RadiusSettings settings, EventLoop loop, PppRandom random, LongSupplier nanoTime,
                                    RadiusStats stats) throws InterruptedException {
        RadiusClient client = new RadiusClient(settings, loop, random, nanoTime, stats);
        for (int s = 0; s < settings.sourceSockets(); s++) {
            int socket = s;
            Channel ch = new Bootstrap().group(loop).channel(NioDatagramChannel.class)
                    .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
                    .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
                            client.onDatagram(socket, msg.sender(), ByteBufUtil.getBytes(msg.content()));
                        }
                    })
                    .bind(0).sync().channel();
            client.sockets.add(ch);
            client.ids.add(new HashMap<>());
        }
        return client;
    }

    /** Sends {@code request} to the first live server, failing over down the list. */
    public CompletionStage<RadiusExchange.Outcome> send(RadiusExchange.Request request) {
        CompletableFuture<RadiusExchange.Outcome> promise = new CompletableFuture<>();
        loop.execute(() -> {
            stats.requests.increment();
            Pending p = new Pending(request, pool.order(nanoTime.getAsLong()), promise);
            startOnServer(p);
        });
        return promise;
    }

    private void startOnServer(Pending p) {
        if (p.serverPos >= p.servers.size()) {
            stats.noAnswer.increment();
            p.promise.complete(new RadiusExchange.NoAnswer("no answer from " + p.servers.size() + " server(s)"));
            drainWaiting();
            return;
        }
        RadiusServer server = server(p);
        InetSocketAddress dest = destination(p, server);
        for (int s = 0; s < sockets.size(); s++) {
            int id = ids.get(s).computeIfAbsent(dest, d -> new IdSpace<>()).allocate(p);
            if (id >= 0) {
                p.socket = s;
                p.id = id;
                p.dest = dest;
                p.tries = 0;
                p.startedNanos = nanoTime.getAsLong();
                p.signed = sign(p.request, id, server);
                transmit(p);
                return;
            }
        }
        if (waiting.size() >= settings.maxWaiting()) {
            stats.waitingOverflow.increment();
            stats.completed(server.name(), type(p), RadiusObserver.Outcome.ERROR, 0);
            p.promise.complete(new RadiusExchange.NoAnswer("too many requests waiting for an identifier"));
            return;
        }
        waiting.add(p);
    }

    /** The Request Authenticator of an Access-Request comes from our injected random source, not TinyRadius's. */
    private RadiusWire.SignedRequest sign(RadiusExchange.Request r, int id, RadiusServer server) {
        if (r.isAccess()) {
            byte[] authenticator = new byte[16];
            random.nextBytes(authenticator);
            return RadiusWire.accessRequest(id, r.attributes(), r.userPassword(), server.secret(), authenticator);
        }
        return RadiusWire.hashedRequest(r.code(), id, r.attributes(), server.secret());
    }

    private void transmit(Pending p) {
        p.tries++;
        if (p.tries > 1) {
            stats.retransmits.increment();
        }
        sockets.get(p.socket).writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(p.signed.bytes()), p.dest));
        p.timer = loop.schedule(() -> onTimeout(p), timing(settings, server(p)).timeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void onTimeout(Pending p) {
        if (p.promise.isDone()) {
            return;
        }
        if (p.tries < timing(settings, server(p)).triesPerServer()) {
            transmit(p);
            return;
        }
        release(p);
        long now = nanoTime.getAsLong();
        stats.completed(server(p).name(), type(p), RadiusObserver.Outcome.TIMEOUT, now - p.startedNanos);
        pool.markDead(p.servers.get(p.serverPos), now);
        p.serverPos++;
        if (p.serverPos < p.servers.size()) {
            stats.failovers.increment();
        }
        startOnServer(p);
    }

    private void onDatagram(int socket, InetSocketAddress sender, byte[] bytes) {
        IdSpace<Pending> space = ids.get(socket).get(sender);
        Pending p = space == null || bytes.length < 2 ? null : space.get(bytes[1] & 0xFF);
        if (p == null) {
            stats.dropped(bytes.length < 20 ? DropReason.TOO_SHORT : DropReason.UNEXPECTED_IDENTIFIER);
            return;
        }
        RadiusServer server = server(p);
        boolean requireMa = p.request.isAccess() || settings.requireMessageAuthenticatorOnAccountingReplies();
        DecodeResult result = RadiusWire.verifyReply(bytes, p.signed.authenticator(), server.secret(), requireMa);
        switch (result) {
            case DecodeResult.Malformed m -> stats.dropped(m.reason());
            case DecodeResult.Decoded d when !p.request.isAnsweredBy(d.code()) ->
                    stats.dropped(DropReason.WRONG_REPLY_CODE);
            case DecodeResult.Decoded d -> {
                p.timer.cancel(false);
                release(p);
                pool.markAlive(p.servers.get(p.serverPos));
                stats.replies.increment();
                stats.completed(server.name(), type(p), outcome(d.code()), nanoTime.getAsLong() - p.startedNanos);
                p.promise.complete(new RadiusExchange.Answered(d.packet(), server.name(), p.signed.authenticator(), server.secret()));
                drainWaiting();
            }
        }
    }

    private void release(Pending p) {
        ids.get(p.socket).get(p.dest).release(p.id, p);
    }

    private void drainWaiting() {
        while (!waiting.isEmpty()) {
            Pending next = waiting.poll();
            int before = waiting.size();
            startOnServer(next);
            if (waiting.size() > before) {
                return; // still no free identifier for it
            }
        }
    }

    /** The server's own timers, else the client's. */
    static RadiusServer.Timing timing(RadiusSettings settings, RadiusServer server) {
        return server.timing().orElseGet(() -> new RadiusServer.Timing(settings.timeout(), settings.triesPerServer(),
                settings.deadTime()));
    }

    private static RadiusObserver.Type type(Pending p) {
        return p.request.isAccess() ? RadiusObserver.Type.ACCESS : RadiusObserver.Type.ACCOUNTING;
    }

    /** The outcome of a reply already checked to answer its request. */
    private static RadiusObserver.Outcome outcome(int code) {
        if (code == (PacketType.ACCESS_REJECT & 0xFF)) return RadiusObserver.Outcome.REJECT;
        if (code == (PacketType.ACCESS_CHALLENGE & 0xFF)) return RadiusObserver.Outcome.CHALLENGE;
        return RadiusObserver.Outcome.ACCEPT; // Access-Accept or Accounting-Response
    }

    private RadiusServer server(Pending p) {
        return settings.servers().get(p.servers.get(p.serverPos));
    }

    private static InetSocketAddress destination(Pending p, RadiusServer server) {
        return p.request.isAccess() ? server.authAddress() : server.acctAddress();
    }

    @Override
    public void close() {
        sockets.forEach(ch -> ch.close().syncUninterruptibly());
    }

    /** One request in flight. */
    private static final class Pending {
        final RadiusExchange.Request request;
        final List<Integer> servers;
        final CompletableFuture<RadiusExchange.Outcome> promise;
        int serverPos;
        int socket;
        int id;
        int tries;
        long startedNanos;
        InetSocketAddress dest;
        RadiusWire.SignedRequest signed;
        ScheduledFuture<?> timer;

        Pending(RadiusExchange.Request request, List<Integer> servers, CompletableFuture<RadiusExchange.Outcome> promise) {
            this.request = request;
            this.servers = servers;
            this.promise = promise;
        }
    }
}
