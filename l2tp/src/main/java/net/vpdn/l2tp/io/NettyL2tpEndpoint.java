package net.vpdn.l2tp.io;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.vpdn.l2tp.LogText;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.tunnel.TunnelAcceptor;
import net.vpdn.l2tp.wire.PacketEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An L2TP endpoint on a Netty UDP socket (epoll when available): it owns one event loop, the
 * {@link L2tpEngine} that runs on it, and the data path. Every tunnel and session of the endpoint
 * lives on that loop; nothing here blocks it.
 */
public final class NettyL2tpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NettyL2tpEndpoint.class);
    /** Largest data header we write: flags, length, tunnel, session, Ns, Nr. */
    private static final int MAX_DATA_HEADER = 12;
    /**
     * The largest datagram received whole: a jumbo PPP frame (MRU 9000) with its L2TP, PPP and UDP
     * headers fits. A longer one is cut to this length by the kernel; its L2TP length field then no
     * longer matches and the decoder drops it as malformed.
     */
    static final int MAX_DATAGRAM = 9216;
    /** Datagrams read per {@code recvmmsg}. */
    static final int RECV_BATCH = 16;
    /** The receive and send buffer asked of the kernel: a burst of thousands of control messages. */
    static final int SOCKET_BUFFER = 4 << 20;

    private final EventLoopGroup group;
    private final Channel channel;
    private final EventLoop loop;
    private final L2tpEngine engine;
    private final NettyEngineHost host;

    private NettyL2tpEndpoint(EventLoopGroup group, Channel channel, L2tpEngine engine, NettyEngineHost host) {
        this.group = group;
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.engine = engine;
        this.host = host;
    }

    /** What the owner supplies to an endpoint. */
    public record Handlers(TunnelAcceptor tunnelAcceptor, CallAcceptor callAcceptor,
                           TunnelListener acceptedTunnelListener, DataHandler dataHandler) { }

    /** Binds {@code bind} (port 0 picks a free one) and starts the engine. */
    public static NettyL2tpEndpoint start(InetSocketAddress bind, EngineConfig config, RandomSource random,
                                          Handlers handlers) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            EngineRef ref = new EngineRef();
            Bootstrap b = new Bootstrap().group(group)
                    .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                    .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                    .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                    .handler(new L2tpDatagramHandler(ref, handlers.dataHandler()));
            if (epoll) { // recvmmsg: up to RECV_BATCH datagrams per system call instead of one recvmsg each
                b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
                        .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * RECV_BATCH));
            }
            Channel ch = b.bind(bind).sync().channel();
            NettyEngineHost host = new NettyEngineHost(ch);
            L2tpEngine engine = new L2tpEngine(config, host, random,
                    handlers.tunnelAcceptor(), handlers.callAcceptor(), handlers.acceptedTunnelListener());
            ref.engine = engine;
            LOG.info("event=l2tp-listening address={} transport={}", LogText.address((InetSocketAddress) ch.localAddress()),
                    epoll ? "epoll" : "nio");
            bufferShortfall("SO_RCVBUF", "net.core.rmem_max", ch.config().getOption(ChannelOption.SO_RCVBUF), epoll)
                    .ifPresent(LOG::warn);
            bufferShortfall("SO_SNDBUF", "net.core.wmem_max", ch.config().getOption(ChannelOption.SO_SNDBUF), epoll)
                    .ifPresent(LOG::warn);
            return new NettyL2tpEndpoint(group, ch, engine, host);
        } catch (InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        } catch (Exception e) { // Netty rethrows the bind's checked exception (port in use) unchecked
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            IOException io = e instanceof IOException ioe ? ioe : new IOException(e);
            throw new UncheckedIOException("cannot listen for L2TP on " + bind.getAddress().getHostAddress() + ":"
                    + bind.getPort() + ": " + bindProblem(e), io);
        }
    }

    /**
     * The warning when the kernel gave the socket less buffer than {@link #SOCKET_BUFFER}: Linux caps a
     * request at {@code sysctl} (212,992 bytes on a stock host) without an error, and reports twice the
     * value it set. A burst of control messages or a short stall of the loop then overflows the socket
     * and costs retransmissions; the RADIUS client's sockets are capped by the same sysctl.
     *
     * @param granted what {@code getsockopt} reports
     * @param linux   whether the report is Linux's doubled value
     */
    static Optional<String> bufferShortfall(String option, String sysctl, Integer granted, boolean linux) {
        if (granted == null) return Optional.empty();
        long set = linux ? granted / 2L : granted;
        if (set >= SOCKET_BUFFER) return Optional.empty();
        return Optional.of("event=udp-buffer-capped socket=l2tp option=" + option + " requested=" + SOCKET_BUFFER
                + " granted=" + set + " hint=\"raise " + sysctl + " to at least " + SOCKET_BUFFER + " (sysctl -w " + sysctl
                + "=" + SOCKET_BUFFER + ") or bursts of calls may be dropped by the kernel\"");
    }

    /** The operator's part of a bind failure: Netty's native message starts with the system call. */
    static String bindProblem(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int colon = m.lastIndexOf(": ");
        return colon < 0 ? m : m.substring(colon + 2);
    }

    /** Holds the engine for the handler, which exists before the engine does. */
    static final class EngineRef {
        volatile L2tpEngine engine;
    }

    public L2tpEngine engine() { return engine; }

    public InetSocketAddress localAddress() { return (InetSocketAddress) channel.localAddress(); }

    /** Runs {@code task} on the endpoint's event loop, inside the engine's serial executor. */
    public void execute(Runnable task) {
        loop.execute(() -> engine.run(task));
    }

    /** Computes something on the event loop (for admin views and tests). */
    public <T> CompletableFuture<T> call(Supplier<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> engine.run(() -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        }));
        return f;
    }

    /**
     * Sends one PPP frame (address/control onward) on an established session; takes ownership of
     * {@code frame}. Must be called on the event loop (from a data or session callback, or via
     * {@link #execute}).
     */
    public void sendData(Session session, ByteBuf frame) {
        int payload = frame.readableBytes();
        if (!session.isEstablished()) {
            frame.release();
            return;
        }
        ByteBuf out = channel.alloc().directBuffer(MAX_DATA_HEADER + payload);
        try {
            ByteBuffer nio = out.internalNioBuffer(0, MAX_DATA_HEADER);
            boolean seq = session.sequencing();
            int n = PacketEncoder.writeDataHeader(nio, session.tunnel().peerId(), session.peerId(), seq,
                    seq ? session.nextDataNs() : 0, seq ? session.dataNr() : 0);
            out.writerIndex(n);
            out.writeBytes(frame);
        } finally {
            frame.release();
        }
        session.sentData(payload);
        engine.stats().countDataSent();
        channel.write(new DatagramPacket(out, session.tunnel().peer()), channel.voidPromise());
    }

    /**
     * Flushes data written with {@link #sendData}: at the end of the event loop's current batch of reads
     * or timers, together with everything else written in it (one {@code sendmmsg}, not one system call
     * per frame).
     */
    public void flush() {
        host.flushSoon();
    }

    /** Closes every tunnel with StopCCN, waits up to {@code grace} for the peers to acknowledge, then stops. */
    public void close(Duration grace) {
        engine.closeAll("shutting down");
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline) {
            // Done once every StopCCN is acknowledged; the §5.7 hold only matters to a live endpoint.
            boolean quiet = call(() -> engine.tunnels().stream().allMatch(t ->
                    t.state() == net.vpdn.l2tp.tunnel.TunnelState.CLOSED
                            || (t.state() == net.vpdn.l2tp.tunnel.TunnelState.CLOSING && t.transport().isIdle()))).join();
            if (quiet) break;
            try {
                Thread.sleep(20); // shutdown path, off the event loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
