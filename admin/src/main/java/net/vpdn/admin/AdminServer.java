package net.vpdn.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.vpdn.admin.http.AdminHttpHandler;
import net.vpdn.admin.http.RouteDispatcher;
import net.vpdn.admin.http.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's HTTP/1.1 listener (Netty, one event loop of its own). Start it with {@link #builder};
 * closing it stops listening and closes every connection.
 *
 * <p>Security: every path but {@code /health}, {@code /ready} and public extra routes needs
 * {@code Authorization: Bearer TOKEN} when a token is set. Without a token the server only starts on
 * a loopback address.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    /** The conventional admin port. */
    public static final int DEFAULT_PORT = 9170;
    /** Request line, headers and body together stay small: the API takes no request bodies. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024;
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_BYTES = 8192;

    private final EventLoopGroup group;
    private final Channel channel;
    private final InetSocketAddress bound;
    private final boolean tokenRequired;

    private AdminServer(EventLoopGroup group, Channel channel, boolean tokenRequired) {
        this.group = group;
        this.channel = channel;
        this.bound = (InetSocketAddress) channel.localAddress();
        this.tokenRequired = tokenRequired;
    }

    /** A builder serving the given model on 127.0.0.1:{@value #DEFAULT_PORT} without a token. */
    public static Builder builder(AdminModel model) {
        return new Builder(model);
    }

    /** The address actually bound (the real port when 0 was asked). */
    public InetSocketAddress localAddress() {
        return bound;
    }

    /** The base URL clients use, for example {@code http://127.0.0.1:9170}. */
    public URI uri() {
        String host = bound.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.info("event=admin-closed url={}", uri());
    }

    @Override
    public String toString() {
        return "AdminServer[" + uri() + ", token " + (tokenRequired ? "required" : "not required") + "]";
    }

    /** Configures and starts an {@link AdminServer}. */
    public static final class Builder {
        private final AdminModel model;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT);
        private AdminToken token;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private final Map<String, Supplier<CompletionStage<HttpReply>>> extras = new LinkedHashMap<>();
        private final Map<String, Boolean> extraPublic = new LinkedHashMap<>();

        private Builder(AdminModel model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** Where to listen; port 0 picks a free port. */
        public Builder bind(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The bearer token clients must present; null for none (loopback only). */
        public Builder token(AdminToken token) {
            this.token = token;
            return this;
        }

        /** How long a model call may take before the request is answered 503 (default 10 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** How long an idle connection stays open (default 60 s). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /** Largest request body accepted; larger ones get 413 (default {@value #DEFAULT_MAX_REQUEST_BYTES}). */
        public Builder maxRequestBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxRequestBytes must not be negative");
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** Mounts an extra GET path behind the token (for example {@code /metrics}). */
        public Builder route(String path, Supplier<CompletionStage<HttpReply>> handler) {
            return mount(path, handler, false);
        }

        /** Mounts an extra GET path served without the token (a scrape endpoint on loopback, say). */
        public Builder publicRoute(String path, Supplier<CompletionStage<HttpReply>> handler) {
            return mount(path, handler, true);
        }

        private Builder mount(String path, Supplier<CompletionStage<HttpReply>> handler, boolean open) {
            Objects.requireNonNull(handler, "handler");
            if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
                throw new IllegalArgumentException("route path must start with '/' and not end with one: " + path);
            }
            if (Router.builtInPaths().contains(path) || path.startsWith(Router.TUNNELS + "/")
                    || path.startsWith(Router.SESSIONS + "/") || extras.containsKey(path)) {
                throw new IllegalArgumentException("route path already served: " + path);
            }
            extras.put(path, handler);
            extraPublic.put(path, open);
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IllegalStateException when asked to listen on a non-loopback address without a token
         * @throws UncheckedIOException  when the address cannot be bound
         */
        public AdminServer start() {
            if (token == null && !address.getAddress().isLoopbackAddress()) {
                throw new IllegalStateException("refusing to serve the admin API on non-loopback address "
                        + address.getAddress().getHostAddress() + ":" + address.getPort()
                        + " without a token: configure an admin token or bind to 127.0.0.1");
            }
            Router router = new Router(extraPublic);
            RouteDispatcher dispatcher = new RouteDispatcher(model, extras, requestTimeout);
            boolean epoll = Epoll.isAvailable();
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
            try {
                Channel ch = new ServerBootstrap().group(group)
                        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                        .childHandler(initializer(router, dispatcher))
                        .bind(address).sync().channel();
                AdminServer server = new AdminServer(group, ch, token != null);
                LOG.info("event=admin-listening url={} token={}", server.uri(), token != null ? "required" : "not-required");
                return server;
            } catch (InterruptedException e) {
                group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while binding the admin API", e);
            } catch (Exception e) {
                group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                IOException io = e instanceof IOException ioe ? ioe : new IOException(e);
                throw new UncheckedIOException("cannot listen for the admin API on "
                        + address.getAddress().getHostAddress() + ":" + address.getPort() + ": " + problem(e), io);
            }
        }

        /** The operator's part of a bind failure: Netty's native message starts with the system call. */
        private static String problem(Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return m.substring(m.lastIndexOf(": ") + 1).strip();
        }

        private ChannelInitializer<SocketChannel> initializer(Router router, RouteDispatcher dispatcher) {
            AdminToken required = token;
            int maxBody = maxRequestBytes;
            long idleNanos = idleTimeout.toNanos();
            return new ChannelInitializer<>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                            .addLast(new IdleStateHandler(0, 0, idleNanos, TimeUnit.NANOSECONDS))
                            .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_INITIAL_LINE))
                            .addLast(new HttpObjectAggregator(maxBody))
                            .addLast(new AdminHttpHandler(router, dispatcher, required));
                }
            };
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
