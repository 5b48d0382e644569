package net.vpdn.lns;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.l2tp.LogText;
import net.vpdn.lns.ip.IpPort;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.ipcp.IpcpNegotiated;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyLcp;
import net.vpdn.ppp.proxy.ProxyLcpAdoption;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppPhase;
import net.vpdn.ppp.session.PppTimer;
import net.vpdn.ppp.stats.NegotiationFailure;
import net.vpdn.ppp.wire.PppProtocol;
import net.vpdn.vtemplate.AddressLease;
import net.vpdn.vtemplate.LcpRenegotiation;
import net.vpdn.vtemplate.TerminateCause;
import net.vpdn.vtemplate.VirtualAccess;
import net.vpdn.vtemplate.VirtualAccessState;
import net.vpdn.vtemplate.VirtualTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber on the LNS: binds a {@link SubscriberLink} (the L2TP call) to a cloned
 * {@link VirtualAccess}. It starts PPP (adopting proxied LCP per the template's policy), runs the
 * session's outputs on the event loop (frames, timers, AAA), routes the peer's address into the
 * {@link net.vpdn.lns.ip.IpForwarder} once IPCP opens, enforces idle and session timeouts, and on
 * any ending releases everything exactly once. Once up, IPv4 frames bypass the PPP engine straight
 * into the forwarder (no copy). Single-threaded, on the loop of {@link LnsContext#loop()}.
 */
public final class LnsSession implements IpPort {
    /** Address, control and the IPv4 protocol number, as we always send them (receivers must accept it). */
    private static final int PPP_IPV4_HEADER = 0xFF030021;
    private static final int PPP_HEADER_LENGTH = 4;

    private final LnsContext ctx;
    private final SubscriberLink link;
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lns.session");
    private final LnsCallInfo call;
    private final VirtualAccess access;
    private final LoopScheduler.Cancellable[] pppTimers = new LoopScheduler.Cancellable[PppTimer.values().length];
    private final ServiceTimers serviceTimers;
    private Authorization authorization;
    private TerminateCause closing;
    private Ipv4Address routed;
    private LnsSessionInfo started;
    private boolean lowerGone;

    private LnsSession(LnsContext ctx, SubscriberLink link, LnsCallInfo call) {
        this.ctx = ctx;
        this.link = link;
        this.call = call;
        this.access = ctx.cloner().clone(ctx.template(), (va, requested) -> lease(requested), ctx.loop().nanoTime())
                .orElseThrow(() -> new IllegalStateException("cloner full"));
        this.serviceTimers = new ServiceTimers(ctx.loop(), access, this::close, this::interim);
    }

    /** Clones an interface for the call, or empty when the cloner's cap is reached (refuse the call). */
    public static Optional<LnsSession> open(LnsContext ctx, SubscriberLink link, LnsCallInfo call) {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(call, "call");
        if (ctx.cloner().live() >= ctx.cloner().maxInterfaces()) {
            return Optional.empty();
        }
        return Optional.of(new LnsSession(ctx, link, call));
    }

    @Override
    public VirtualAccess access() {
        return access;
    }

    public LnsCallInfo call() {
        return call;
    }

    /** What AAA authorized, once accepted. */
    public Optional<Authorization> authorization() {
        return Optional.ofNullable(authorization);
    }

    /**
     * The call is connected: start PPP. With proxied LCP (RFC 2661 §4.4.5) the template's
     * {@link LcpRenegotiation} decides: adopt it, renegotiate, or (NEVER, when it cannot be adopted)
     * clear the call.
     */
    public void start(Optional<ProxyLcp> proxiedLcp, Optional<ProxyAuth> proxiedAuth) {
        LcpRenegotiation policy = ctx.template().lcpRenegotiation();
        if (proxiedLcp.isEmpty()) {
            apply(access.ppp().lowerUp());
        } else if (policy == LcpRenegotiation.NEVER && ProxyLcpAdoption.decide(proxiedLcp.get(),
                ctx.template().lcpPolicy(), false) instanceof ProxyLcpAdoption.Renegotiate) {
            finish(TerminateCause.SERVICE_UNAVAILABLE);
        } else {
            apply(access.ppp().lowerUpFromProxy(proxiedLcp.get(), proxiedAuth, policy == LcpRenegotiation.ALWAYS));
        }
    }

    /** One PPP frame from the subscriber; takes ownership of {@code frame}. */
    public void receive(ByteBuf frame) {
        if (access.isClosed()) {
            frame.release();
            return;
        }
        if (access.state() == VirtualAccessState.UP) {
            int ip = Ipv4Framing.offset(frame);
            if (ip >= 0) {
                frame.readerIndex(ip);
                ctx.forwarder().fromSubscriber(this, frame, ctx.loop().nanoTime());
                return;
            }
        }
        byte[] bytes = ByteBufUtil.getBytes(frame);
        frame.release();
        apply(access.ppp().receive(bytes));
    }

    /** The call is gone (CDN, StopCCN, tunnel loss): release everything, no packets; Lost-Carrier. */
    public void lowerDown() {
        lowerDown(TerminateCause.LOST_CARRIER);
    }

    /**
     * The call is gone: release everything, no packets. {@code why} is the Acct-Terminate-Cause unless
     * link termination was already under way with its own.
     */
    public void lowerDown(TerminateCause why) {
        if (access.isClosed()) {
            return;
        }
        // A client that hangs up sends LCP Terminate-Request, and its LAC then clears the call at once
        // (pppd exits on the Terminate-Ack; xl2tpd sends CDN), well before our Stopping timer would
        // finish LCP (RFC 1661 §4.6). Link termination already under way keeps its own cause then.
        TerminateCause cause = closing != null ? closing
                : access.ppp().phase() == PppPhase.TERMINATE ? causeOf(recordedFailure()) : why;
        lowerGone = true;
        apply(access.ppp().lowerDown());
        finish(cause);
    }

    /**
     * Ends the session for {@code cause} (admin reset, timeouts): stops forwarding at once, sends
     * LCP Terminate-Request, and releases everything when LCP finishes. Later calls do nothing.
     */
    public void close(TerminateCause cause) {
        if (access.isClosed() || closing != null) {
            return;
        }
        closing = Objects.requireNonNull(cause, "cause");
        withdrawRoute();
        serviceTimers.cancel();
        apply(access.ppp().close());
        if (access.ppp().phase() == PppPhase.DEAD) {
            finish(cause);
        }
    }

    /**
     * Ends the session for {@code cause} without waiting for the peer (admin clear, RADIUS
     * Disconnect, shutdown): sends LCP Terminate-Request as notice, releases everything and clears
     * the call with a CDN at once. Later calls do nothing.
     */
    public void abort(TerminateCause cause) {
        if (access.isClosed()) {
            return;
        }
        if (closing == null) {
            closing = Objects.requireNonNull(cause, "cause");
        }
        if (!lowerGone) {
            apply(access.ppp().close());
        }
        finish(closing);
    }

    @Override
    public void transmitIpv4(ByteBuf packet) {
        if (lowerGone) {
            packet.release();
            return;
        }
        int at = packet.readerIndex();
        ByteBuf frame;
        if (at >= PPP_HEADER_LENGTH && !packet.isReadOnly() && packet.refCnt() == 1) {
            // The bytes before the packet held the sender's L2TP and PPP headers: reuse them.
            packet.setInt(at - PPP_HEADER_LENGTH, PPP_IPV4_HEADER);
            packet.readerIndex(at - PPP_HEADER_LENGTH);
            frame = packet;
        } else {
            frame = packet.alloc().buffer(PPP_HEADER_LENGTH + packet.readableBytes());
            frame.writeInt(PPP_IPV4_HEADER).writeBytes(packet);
            packet.release();
        }
        link.send(frame);
    }

    private void apply(List<PppOutput> outputs) {
        boolean sent = false;
        for (PppOutput o : outputs) {
            switch (o) {
                case PppOutput.SendFrame f -> {
                    if (!lowerGone) {
                        link.send(Unpooled.wrappedBuffer(f.frame().toArray()));
                        sent = true;
                    }
                }
                case PppOutput.Deliver d -> deliver(d);
                case PppOutput.ArmTimer t -> arm(t);
                case PppOutput.CancelTimer c -> cancel(c.timer());
                case PppOutput.Verify v -> verify(v);
                case PppOutput.PhaseChanged p -> phase(p.phase());
                case PppOutput.Authenticated a -> access.authenticated(a.user());
                case PppOutput.Ipv4Up up -> ipv4Up(up.addresses());
                case PppOutput.Ipv6Up u -> { }
                case PppOutput.HandOff h -> { }
                case PppOutput.LinkDown d -> finish(causeOf(d));
            }
        }
        if (sent && !lowerGone) {
            link.flush();
        }
    }

    private void arm(PppOutput.ArmTimer t) {
        cancel(t.timer());
        int slot = t.timer().ordinal();
        pppTimers[slot] = ctx.loop().schedule(t.after(), () -> {
            pppTimers[slot] = null;
            if (!access.isClosed()) {
                apply(access.ppp().timer(t.timer(), t.token()));
            }
        });
    }

    private void cancel(PppTimer timer) {
        LoopScheduler.Cancellable pending = pppTimers[timer.ordinal()];
        if (pending != null) {
            pending.cancel();
            pppTimers[timer.ordinal()] = null;
        }
    }

    private void verify(PppOutput.Verify v) {
        try {
            ctx.authorizer().authorize(v.request(), call).whenComplete((answer, failure) -> ctx.loop().execute(() ->
                    verdict(v.attempt(), v.request().user(), failure == null && answer != null ? answer : rejected())));
        } catch (RuntimeException e) {
            verdict(v.attempt(), v.request().user(), rejected());
        }
    }

    private static Authorization rejected() {
        return Authorization.of(new AuthVerdict.Reject("Authentication failed"));
    }

    /** AAA's answer; an accepted user the per-user session limit does not admit is rejected after all. */
    private void verdict(long attempt, String user, Authorization answer) {
        if (access.isClosed()) {
            return;
        }
        Authorization effective = answer;
        if (answer.accepted()) {
            Optional<String> refused = ctx.events().admit(call, user, answer);
            effective = refused.map(r -> Authorization.of(new AuthVerdict.Reject(r))).orElse(answer);
        }
        if (effective.accepted()) {
            authorization = effective;
        } else if (effective.verdict() instanceof AuthVerdict.Reject r) { // the operator's first question: who, why
            LOG.info("event=auth-failed tunnel={} session={} user={} reason=\"{}\"", call.tunnelId(), call.sessionId(),
                    LogText.value(user), LogText.quoted(r.message()));
        }
        apply(access.ppp().verdict(attempt, effective.verdict()));
    }

    private void phase(PppPhase phase) {
        if (access.state() == VirtualAccessState.UP && phase != PppPhase.NETWORK) {
            withdrawRoute();
        }
        switch (phase) {
            case ESTABLISH -> access.enter(VirtualAccessState.ESTABLISHING);
            case AUTHENTICATE -> access.enter(VirtualAccessState.AUTHENTICATING);
            case NETWORK -> access.enter(VirtualAccessState.NETWORK);
            case DEAD, TERMINATE -> { }
        }
    }

    private void ipv4Up(IpcpNegotiated addresses) {
        Ipv4Address peer = addresses.peerAddress();
        if (peer.isAny() || closing != null || !ctx.forwarder().addRoute(peer, this)) {
            close(TerminateCause.NAS_ERROR);
            return;
        }
        routed = peer;
        access.enter(VirtualAccessState.UP);
        if (started == null) {
            started = new LnsSessionInfo(access.name(), access.user().orElse(""), peer, call, ctx.loop().nanoTime());
            ctx.events().started(started);
            armServiceTimers();
        }
    }

    private void deliver(PppOutput.Deliver d) {
        if (d.protocol() == PppProtocol.IPV4.number() && access.state() == VirtualAccessState.UP) {
            ctx.forwarder().fromSubscriber(this, Unpooled.wrappedBuffer(d.packet().toArray()), ctx.loop().nanoTime());
        } else {
            access.countOtherDrop();
        }
    }

    private Optional<AddressLease> lease(Ipv4Address requested) {
        Authorization granted = authorization != null ? authorization : Authorization.of(new AuthVerdict.Accept(""));
        return ctx.addresses().assign(access.user().orElse(""), granted, ctx.template(), requested);
    }

    private void armServiceTimers() {
        VirtualTemplate t = ctx.template();
        Optional<Authorization> a = authorization();
        serviceTimers.arm(a.flatMap(Authorization::sessionTimeout).orElse(t.sessionTimeout()),
                a.flatMap(Authorization::idleTimeout).orElse(t.idleTimeout()),
                a.flatMap(Authorization::interimInterval).orElse(ctx.interimInterval()));
    }

    private void interim() {
        if (started != null && !access.isClosed()) {
            ctx.events().interim(started, access.counters());
        }
    }

    private void withdrawRoute() {
        if (routed != null) {
            ctx.forwarder().removeRoute(routed, this);
            routed = null;
        }
    }

    private TerminateCause causeOf(PppOutput.LinkDown down) {
        return causeOf(down.failure());
    }

    /** The failure that made LCP terminate, if any was recorded (none when the peer asked to terminate). */
    private Optional<NegotiationFailure> recordedFailure() {
        return java.util.Arrays.stream(NegotiationFailure.values())
                .filter(f -> access.ppp().stats().failures(f) > 0).findFirst();
    }

    /** The cause for the link ending with {@code failure} (none: the peer or we asked, cleanly). */
    private TerminateCause causeOf(Optional<NegotiationFailure> failure) {
        if (closing != null) {
            return closing;
        }
        if (access.ppp().stats().failures(NegotiationFailure.AUTH_FAILED) > 0) {
            return TerminateCause.USER_ERROR;
        }
        return failure.map(f -> switch (f) {
            case DEAD_PEER -> TerminateCause.LOST_CARRIER;
            case AUTH_FAILED -> TerminateCause.USER_ERROR;
            default -> TerminateCause.PORT_ERROR;
        }).orElse(TerminateCause.USER_REQUEST);
    }

    /** The one place resources are released; runs once. */
    private void finish(TerminateCause cause) {
        if (access.isClosed()) {
            return;
        }
        withdrawRoute();
        serviceTimers.cancel();
        for (PppTimer t : PppTimer.values()) {
            cancel(t);
        }
        access.close(cause);
        if (started != null) {
            ctx.events().stopped(started, cause, access.counters());
        }
        if (!lowerGone) {
            lowerGone = true;
            link.hangUp(cause);
        }
    }

    @Override
    public String toString() {
        return "LnsSession[" + access + ", call " + call.tunnelId() + "/" + call.sessionId() + "]";
    }
}
