package net.vpdn.metrics;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The metrics listener: {@code GET /metrics} (Prometheus text format 0.0.4), {@code GET /health}
 * (200 while the process runs) and {@code GET /ready} (200 when {@code ready} says so, else 503).
 * One Netty thread of its own; rendering a scrape may block it briefly on the engine's loop.
 */
public final class MetricsServer implements AutoCloseable {
    /** The Prometheus text exposition content type. */
    public static final String TEXT_004 = "text/plain; version=0.0.4; charset=utf-8";

    private final EventLoopGroup group;
    private final Channel channel;

    private MetricsServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Binds {@code bind} (port 0 picks a free one); {@code scrape} renders the exposition text. */
    public static MetricsServer start(InetSocketAddress bind, Supplier<String> scrape, BooleanSupplier ready)
            throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                (java.util.concurrent.ThreadFactory) r -> Thread.ofPlatform().daemon().name("vpdn-metrics").unstarted(r),
                NioIoHandler.newFactory());
        try {
            Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(4096),
                                    new Handler(scrape, ready));
                        }
                    }).bind(bind).sync().channel();
            return new MetricsServer(group, ch);
        } catch (InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        } catch (Exception e) { // Netty rethrows the bind's checked exception unchecked
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalStateException("cannot listen for metrics on " + bind.getAddress().getHostAddress() + ":"
                    + bind.getPort() + ": " + m.substring(m.lastIndexOf(": ") + 1).strip(), e);
        }
    }

    /** The bound address. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Supplier<String> scrape;
        private final BooleanSupplier ready;

        Handler(Supplier<String> scrape, BooleanSupplier ready) {
            this.scrape = scrape;
            this.ready = ready;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String path = new QueryStringDecoder(req.uri()).path();
            FullHttpResponse res;
            if (!req.method().equals(HttpMethod.GET)) {
                res = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET\n", "text/plain; charset=utf-8");
            } else {
                res = switch (path) {
                    case "/metrics" -> text(HttpResponseStatus.OK, scrape.get(), TEXT_004);
                    case "/health" -> text(HttpResponseStatus.OK, "ok\n", "text/plain; charset=utf-8");
                    case "/ready" -> ready.getAsBoolean() ? text(HttpResponseStatus.OK, "ready\n", "text/plain; charset=utf-8")
                            : text(HttpResponseStatus.SERVICE_UNAVAILABLE, "not ready\n", "text/plain; charset=utf-8");
                    default -> text(HttpResponseStatus.NOT_FOUND, "not found\n", "text/plain; charset=utf-8");
                };
            }
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }

        private static FullHttpResponse text(HttpResponseStatus status, String body, String type) {
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes())
                    .set(HttpHeaderNames.CONNECTION, "close");
            return res;
        }
    }
}
