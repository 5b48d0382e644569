package net.vpdn.admin.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.vpdn.admin.AdminToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per connection: checks the bearer token, routes, and writes answers in request order
 * (HTTP/1.1 pipelining), each once its model stage completes. Nothing here blocks the event loop.
 */
public final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpHandler.class);
    private static final String BEARER = "Bearer ";

    private final Router router;
    private final RouteDispatcher dispatcher;
    private final AdminToken token;
    /** Completes when the previous request's answer has been written; answers queue behind it. */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    /**
     * @param token the required token, or null when the server is loopback-only without one
     */
    public AdminHttpHandler(Router router, RouteDispatcher dispatcher, AdminToken token) {
        this.router = router;
        this.dispatcher = dispatcher;
        this.token = token;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            enqueue(ctx, CompletableFuture.completedFuture(Answer.error(400, "malformed HTTP request")), false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        String path = new QueryStringDecoder(req.uri()).path();
        String method = req.method().name();
        CompletableFuture<Answer> answer;
        if (token != null && !router.isPublic(path) && !token.matches(bearer(req.headers().get(HttpHeaderNames.AUTHORIZATION)))) {
            // Logs who and what, never the presented credential.
            LOG.warn("event=admin-rejected method={} path=\"{}\" peer={} reason=token", method, logSafe(path),
                    ctx.channel().remoteAddress());
            answer = CompletableFuture.completedFuture(
                    Answer.error(401, "missing or wrong admin token").withHeader("WWW-Authenticate", "Bearer realm=\"vpdn-admin\""));
        } else {
            LOG.debug("admin: {} {}", method, path);
            answer = dispatcher.dispatch(router.resolve(method, path), ctx.executor());
        }
        enqueue(ctx, answer, keepAlive);
    }

    private void enqueue(ChannelHandlerContext ctx, CompletableFuture<Answer> answer, boolean keepAlive) {
        tail = tail.thenCombine(answer, (prev, a) -> a)
                .thenAcceptAsync(a -> write(ctx, a, keepAlive), ctx.executor())
                .exceptionally(e -> {
                    // Only a closed event loop gets here (server shutting down); the connection goes with it.
                    ctx.close();
                    return null;
                });
    }

    private static void write(ChannelHandlerContext ctx, Answer answer, boolean keepAlive) {
        byte[] body = answer.reply().body();
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.reply().status()), Unpooled.wrappedBuffer(body));
        if (body.length > 0) {
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.reply().contentType());
        }
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            res.headers().set(h.getKey(), h.getValue());
        }
        HttpUtil.setContentLength(res, body.length);
        HttpUtil.setKeepAlive(res, keepAlive);
        var written = ctx.writeAndFlush(res);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("admin: connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** A decoded path for a quoted log value: %0A must not start a new log line, a quote must not end the value. */
    static String logSafe(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        s.codePoints().limit(200).forEach(c -> {
            if (c == '"' || c == '\\') b.append('\\').append((char) c);
            else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) b.append('?');
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}
