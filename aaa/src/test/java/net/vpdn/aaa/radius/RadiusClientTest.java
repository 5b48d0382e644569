package net.vpdn.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.tinyradius.core.packet.PacketType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RADIUS client against a scripted loopback server")
class RadiusClientTest {
    static final Secret SECRET = Secret.of("k");
    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A server answering each request with what {@code answer} makes of it. */
    Channel server(Function<DecodeResult.Decoded, byte[]> answer) throws InterruptedException {
        return new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(new SimpleChannelInboundHandler<DatagramPacket>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
                if (RadiusWire.decode(ByteBufUtil.getBytes(msg.content())) instanceof DecodeResult.Decoded d) {
                    ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(answer.apply(d)), msg.sender()));
                }
            }
        }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    RadiusExchange.Outcome ask(Channel server, RadiusStats stats) throws Exception {
        InetSocketAddress at = (InetSocketAddress) server.localAddress();
        RadiusSettings s = new RadiusSettings(List.of(new RadiusServer("fake", at, at, SECRET)), Duration.ofMillis(200), 2,
                Duration.ofSeconds(30), 1, 10, Optional.empty(), false);
        try (RadiusClient c = RadiusClient.open(s, group.next(), PppRandom.seeded(1), System::nanoTime, stats)) {
            return c.send(new RadiusExchange.Request(PacketType.ACCESS_REQUEST,
                    List.of(Attributes.text("User-Name", "u")), Secret.of("p"))).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("a reply without Message-Authenticator is dropped and counted, never accepted")
    void missingMessageAuthenticator() throws Exception {
        Channel srv = server(req -> {
            byte[] b = new byte[20]; // Access-Accept, no attributes, the request's authenticator
            b[0] = PacketType.ACCESS_ACCEPT;
            b[1] = (byte) req.identifier();
            b[3] = 20;
            System.arraycopy(req.packet().getAuthenticator(), 0, b, 4, 16);
            // sign the bare packet properly (MD5 over it), so only the missing Message-Authenticator is wrong
            System.arraycopy(md5Sign(b), 0, b, 4, 16);
            return b;
        });
        RadiusStats stats = new RadiusStats();
        List<String> seen = observe(stats);
        assertThat(ask(srv, stats)).isInstanceOf(RadiusExchange.NoAnswer.class);
        assertThat(stats.droppedCount(DropReason.MISSING_MESSAGE_AUTHENTICATOR)).isEqualTo(2);
        assertThat(stats.replies.sum()).isZero();
        assertThat(seen).as("two unanswered tries to the one server: one timeout after them")
                .singleElement().asString().matches("fake ACCESS TIMEOUT (4|5|6|7|8|9|\\d\\d)\\d\\dms");
    }

    @Test
    @DisplayName("a reply with a bad authenticator is counted, and a later retransmission's good reply is taken")
    void badThenGood() throws Exception {
        int[] n = {0};
        Channel srv = server(req -> {
            byte[] good = RadiusWire.reply(PacketType.ACCESS_ACCEPT, req.identifier(), List.of(), SECRET, Octets.of(req.packet().getAuthenticator()));
            if (n[0]++ == 0) {
                good[5] ^= 1;
            }
            return good;
        });
        RadiusStats stats = new RadiusStats();
        List<String> seen = observe(stats);
        assertThat(ask(srv, stats)).isInstanceOfSatisfying(RadiusExchange.Answered.class,
                a -> assertThat(a.code()).isEqualTo(PacketType.ACCESS_ACCEPT));
        assertThat(stats.droppedCount(DropReason.BAD_AUTHENTICATOR)).isEqualTo(1);
        assertThat(seen).as("answered on the retransmission, 200 ms after the first try")
                .singleElement().asString().matches("fake ACCESS ACCEPT ([2-9]|\\d\\d)\\d\\dms");
        assertThat(stats.retransmits.sum()).isEqualTo(1);
    }

    @Test
    @DisplayName("an Access-Reject is observed as a reject of the server that sent it")
    void reject() throws Exception {
        Channel srv = server(req -> RadiusWire.reply(PacketType.ACCESS_REJECT, req.identifier(), List.of(), SECRET,
                Octets.of(req.packet().getAuthenticator())));
        RadiusStats stats = new RadiusStats();
        List<String> seen = observe(stats);
        assertThat(ask(srv, stats)).isInstanceOfSatisfying(RadiusExchange.Answered.class,
                a -> assertThat(a.code()).isEqualTo(PacketType.ACCESS_REJECT & 0xFF));
        assertThat(seen).singleElement().asString().startsWith("fake ACCESS REJECT");
    }

    /** What the observer is told, as "server TYPE OUTCOME Nms". */
    static List<String> observe(RadiusStats stats) {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        stats.observe((server, type, outcome, nanos) ->
                seen.add(server + " " + type + " " + outcome + " " + nanos / 1_000_000 + "ms"));
        return seen;
    }

    @Test
    @DisplayName("a truncated reply is counted as such")
    void truncated() throws Exception {
        Channel srv = server(req -> new byte[] {2, (byte) req.identifier(), 0, 23, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9, 0x41});
        RadiusStats stats = new RadiusStats();
        assertThat(ask(srv, stats)).isInstanceOf(RadiusExchange.NoAnswer.class);
        assertThat(stats.droppedCount(DropReason.TRUNCATED_ATTRIBUTE)).isEqualTo(2);
    }

    @Test
    @DisplayName("the Access-Request authenticator comes from the injected random source, not TinyRadius's")
    void injectedAuthenticator() throws Exception {
        java.util.List<Octets> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Channel srv = server(req -> {
            seen.add(Octets.of(req.packet().getAuthenticator()));
            return RadiusWire.reply(PacketType.ACCESS_ACCEPT, req.identifier(), List.of(), SECRET, Octets.of(req.packet().getAuthenticator()));
        });
        ask(srv, new RadiusStats());
        ask(srv, new RadiusStats());
        byte[] expected = new byte[16];
        PppRandom.seeded(1).nextBytes(expected);
        assertThat(seen).containsExactly(Octets.of(expected), Octets.of(expected));
    }

    /** A bound loopback socket that counts what it receives and never answers. */
    Channel swallower(java.util.concurrent.atomic.AtomicInteger received) throws InterruptedException {
        return new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(new SimpleChannelInboundHandler<DatagramPacket>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
                received.incrementAndGet();
            }
        }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    /** Asks with a silent first server (its own timing) and an answering second one; returns the seconds taken. */
    double failover(RadiusServer.Timing first, Duration clientTimeout, int clientTries,
                    java.util.concurrent.atomic.AtomicInteger received) throws Exception {
        InetSocketAddress silent = (InetSocketAddress) swallower(received).localAddress();
        InetSocketAddress answering = (InetSocketAddress) server(req -> RadiusWire.reply(PacketType.ACCESS_ACCEPT,
                req.identifier(), List.of(), SECRET, Octets.of(req.packet().getAuthenticator()))).localAddress();
        RadiusSettings s = new RadiusSettings(List.of(new RadiusServer("silent", silent, silent, SECRET, Optional.of(first)),
                new RadiusServer("second", answering, answering, SECRET)), clientTimeout, clientTries,
                Duration.ofSeconds(30), 1, 10, Optional.empty(), false);
        try (RadiusClient c = RadiusClient.open(s, group.next(), PppRandom.seeded(1), System::nanoTime, new RadiusStats())) {
            long t0 = System.nanoTime();
            RadiusExchange.Outcome o = c.send(new RadiusExchange.Request(PacketType.ACCESS_REQUEST,
                    List.of(Attributes.text("User-Name", "u")), Secret.of("p"))).toCompletableFuture().get(20, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(o).isInstanceOfSatisfying(RadiusExchange.Answered.class, a -> assertThat(a.server()).isEqualTo("second"));
            return seconds;
        }
    }

    @Test
    @DisplayName("failover follows the silent server's own short timeout and tries, not the client's long default")
    void ownShortTimeout() throws Exception {
        var received = new java.util.concurrent.atomic.AtomicInteger();
        double seconds = failover(new RadiusServer.Timing(Duration.ofMillis(150), 2, Duration.ofSeconds(30)),
                Duration.ofSeconds(10), 3, received);
        assertThat(received.get()).isEqualTo(2);
        assertThat(seconds).isBetween(0.3, 5.0); // the client default alone would take 30 s
    }

    @Test
    @DisplayName("failover waits the silent server's own longer timeout, not the client's short default")
    void ownLongTimeout() throws Exception {
        var received = new java.util.concurrent.atomic.AtomicInteger();
        double seconds = failover(new RadiusServer.Timing(Duration.ofMillis(1200), 1, Duration.ofSeconds(30)),
                Duration.ofMillis(50), 5, received);
        assertThat(received.get()).isEqualTo(1);
        assertThat(seconds).isGreaterThanOrEqualTo(1.2); // the client default would fail over after 5 x 50 ms
    }

    private static byte[] md5Sign(byte[] packetWithRequestAuthenticator) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
            md.update(packetWithRequestAuthenticator);
            md.update(SECRET.utf8());
            return md.digest();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
