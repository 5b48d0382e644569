package net.vpdn.lns.process;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.vpdn.l2tp.LogText;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.io.DataHandler;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.l2tp.session.AccessLineAvps;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.tunnel.AcceptDecision;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.lns.Authorization;
import net.vpdn.lns.L2tpSubscriberLink;
import net.vpdn.lns.LnsCallInfo;
import net.vpdn.lns.LnsSession;
import net.vpdn.lns.LnsSessionEvents;
import net.vpdn.lns.LnsSessionInfo;
import net.vpdn.lns.PeerTeardown;
import net.vpdn.lns.ProxyAvps;
import net.vpdn.vtemplate.TerminateCause;
import net.vpdn.vtemplate.VirtualAccess;
import net.vpdn.metrics.CallMetrics;
import net.vpdn.metrics.SetupFailure;
import net.vpdn.metrics.TunnelRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the calls of the process's one endpoint to the accept-dialin group of their tunnel, and
 * decides on each SCCRQ (group tunnel limit) and ICRQ: group session limit, then admission control,
 * then Virtual-Access room; after authentication, the per-user session limit.
 * Every method runs on the endpoint's event loop (engine callbacks), so the state is plain.
 *
 * <p>Admission control: at most {@code maxInSetup} calls may be between ICRQ and IPCP up at once.
 * Beyond that an ICRQ is answered with a CDN, result 4 "temporary lack of resources" (RFC 2661
 * §4.4.2), which a LAC treats as "try again": a reconnect storm is paced by the LACs' retries
 * instead of every call failing in PPP or AAA timeouts at once. Refusing at ICRQ costs the LNS
 * one control message and no PPP state.
 */
final class CallRouter implements CallAcceptor, DataHandler, SessionListener, TunnelListener, LnsSessionEvents {
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lns.tunnel");

    private final Supplier<Policy> policy;
    private final int maxInSetup;
    private final SessionAccounting accounting;
    private final String acctPrefix;
    private final AtomicLong acctSequence = new AtomicLong();
    private final Map<Long, Call> calls = new HashMap<>();
    private final Map<String, Integer> perGroup = new HashMap<>();
    private NettyL2tpEndpoint endpoint;
    private CallMetrics metrics = CallMetrics.discarding();
    private int inSetup;
    private long admissionRefused;
    private long limitRefused;
    private long userLimitRefused;
    private final UserSessions users = new UserSessions();

    CallRouter(Supplier<Policy> policy, int maxInSetup, SessionAccounting accounting, String acctPrefix) {
        this.policy = policy;
        this.maxInSetup = maxInSetup;
        this.accounting = accounting;
        this.acctPrefix = acctPrefix;
    }

    void bind(NettyL2tpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Where setups and teardowns are counted; on the loop, before calls arrive. */
    void observe(CallMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void incomingCall(Session session, CallParams request) {
        Optional<Policy.Group> group = endpoint == null ? Optional.empty()
                : policy.get().groupFor(session.tunnel().peerHostName());
        if (group.isEmpty()) {
            metrics.setupFailed(SetupFailure.NO_GROUP);
            session.reject(CdnResult.PERMANENT_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR, "no vpdn-group for this tunnel");
            return;
        }
        String name = group.get().name();
        int limit = group.get().config().sessionLimit();
        if (limit > 0 && perGroup.getOrDefault(name, 0) >= limit) {
            limitRefused++;
            metrics.setupFailed(SetupFailure.SESSION_LIMIT);
            LOG.info("event=call-refused tunnel={} session={} group={} reason=session-limit limit={}",
                    session.tunnel().localId(), session.localId(), name, limit);
            session.reject(CdnResult.TEMPORARY_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR,
                    "session-limit " + limit + " of vpdn-group " + name + " reached");
            return;
        }
        if (inSetup >= maxInSetup) {
            admissionRefused++;
            metrics.setupFailed(SetupFailure.ADMISSION);
            session.reject(CdnResult.TEMPORARY_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR, "busy, retry");
            return;
        }
        var cloner = group.get().context().cloner();
        if (cloner.live() + inSetup >= cloner.maxInterfaces()) {
            metrics.setupFailed(SetupFailure.NO_VIRTUAL_ACCESS);
            session.reject(CdnResult.TEMPORARY_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR, "no virtual-access interface free");
            return;
        }
        Call call = new Call(session, name, acctPrefix + String.format("%08X", acctSequence.incrementAndGet()),
                endpoint.engine().host().nanoTime(), request.callingNumber(), request.calledNumber());
        calls.put(call.key(), call);
        perGroup.merge(name, 1, Integer::sum);
        inSetup++;
        session.setListener(this);
        session.answer();
        logLineIds(session, request);
    }

    /** RFC 5515: where the subscriber's line is, as the LAC's PPPoE relay reported it (Broadband Forum AVPs in the ICRQ). */
    private static void logLineIds(Session session, CallParams icrq) {
        Optional<String> circuit = AccessLineAvps.agentCircuitId(icrq);
        Optional<String> remote = AccessLineAvps.agentRemoteId(icrq);
        if (circuit.isPresent() || remote.isPresent()) {
            LOG.info("event=call-line-ids tunnel={} session={} agent-circuit-id='{}' agent-remote-id='{}'", session.tunnel().localId(),
                    session.localId(), circuit.orElse(""), remote.orElse(""));
        }
    }

    @Override
    public void sessionUp(Session session, CallParams iccn) {
        Call call = calls.get(Call.key(session.tunnel().localId(), session.localId()));
        Optional<Policy.Group> group = call == null ? Optional.empty() : policy.get().group(call.group);
        if (group.isEmpty()) {
            session.close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "vpdn-group removed");
            return;
        }
        // Calling/Called Number travel in the ICRQ (RFC 2661 §6.6), not the ICCN.
        LnsCallInfo info = new LnsCallInfo(session.tunnel().peerHostName(), session.tunnel().localId(), session.localId(),
                call.calling.or(iccn::callingNumber), call.called.or(iccn::calledNumber));
        Optional<LnsSession> opened = LnsSession.open(group.get().context(), new L2tpSubscriberLink(endpoint, session), info);
        if (opened.isEmpty()) {
            session.close(CdnResult.TEMPORARY_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR, "no virtual-access interface free");
            return;
        }
        call.lns = opened.get();
        session.attach(opened.get());
        opened.get().start(ProxyAvps.lcp(iccn), ProxyAvps.auth(iccn));
    }

    @Override
    public void sessionDown(Session session, Avp.ResultCode cause, boolean byPeer) {
        if (session.attachment() instanceof LnsSession lns) {
            lns.lowerDown(PeerTeardown.cause(session, cause, byPeer)); // accounting Stop needs the call: first
        }
        Call call = calls.remove(Call.key(session.tunnel().localId(), session.localId()));
        if (call == null) {
            return;
        }
        leaveSetup(call);
        perGroup.merge(call.group, -1, Integer::sum);
        users.release(call.user);
        if (call.started == null && !call.refused) {
            metrics.setupFailed(SetupFailure.FAILED);
            LOG.info("event=call-down tunnel={} session={} group={} result={} by-peer={} cause={}", session.tunnel().localId(),
                    session.localId(), call.group, cause.resultCode(), byPeer,
                    call.lns == null ? "none" : call.lns.access().closeCause().map(Enum::name).orElse("none"));
        }
    }

    @Override
    public void onFrame(Session session, ByteBuf frame) {
        if (session.attachment() instanceof LnsSession lns) {
            lns.receive(frame);
        } else {
            frame.release();
        }
    }

    @Override
    public void started(LnsSessionInfo info) {
        Call call = calls.get(Call.key(info.call().tunnelId(), info.call().sessionId()));
        if (call != null) {
            call.started = info;
            leaveSetup(call);
            metrics.setupSucceeded(endpoint.engine().host().nanoTime() - call.answeredNanos);
            accounting.started(call, info);
        }
    }

    @Override
    public void stopped(LnsSessionInfo info, TerminateCause cause, VirtualAccess.Counters counters) {
        Call call = calls.get(Call.key(info.call().tunnelId(), info.call().sessionId()));
        if (call != null) {
            metrics.tornDown(cause);
            accounting.stopped(call, info, cause, counters, endpoint.engine().host().nanoTime());
        }
    }

    @Override
    public void interim(LnsSessionInfo info, VirtualAccess.Counters counters) {
        Call call = calls.get(Call.key(info.call().tunnelId(), info.call().sessionId()));
        if (call != null) {
            accounting.interim(call, info, counters, endpoint.engine().host().nanoTime());
        }
    }

    /**
     * The per-user session limit: AAA's (RADIUS Port-Limit, a local user's session-limit), else the
     * group's {@code user-session-limit}. Counted over calls whose user was admitted, until they end.
     */
    @Override
    public Optional<String> admit(LnsCallInfo info, String user, Authorization granted) {
        Call call = calls.get(Call.key(info.tunnelId(), info.sessionId()));
        if (call == null || call.user != null) {
            return Optional.empty();
        }
        int limit = granted.sessionLimit().orElseGet(() ->
                policy.get().group(call.group).map(g -> g.config().userSessionLimit()).orElse(0));
        if (!users.admit(user, limit)) {
            call.refused = true;
            userLimitRefused++;
            metrics.setupFailed(SetupFailure.USER_SESSION_LIMIT);
            LOG.info("event=session-refused tunnel={} session={} group={} user={} reason=user-session-limit limit={}",
                    info.tunnelId(), info.sessionId(), call.group, LogText.value(user), limit);
            return Optional.of("Session limit reached");
        }
        call.user = user;
        return Optional.empty();
    }

    /** The SCCRQ verdict of the policy in force, counting this group's tunnels; refusals are counted by cause. */
    AcceptDecision decideTunnel(String peerHostName) {
        Policy p = policy.get();
        AcceptDecision d = p.decide(peerHostName, g -> tunnelsOf(p, g));
        if (d instanceof AcceptDecision.Reject r) {
            boolean limit = r.error() == ErrorCode.INSUFFICIENT_RESOURCES;
            metrics.tunnelRefused(limit ? TunnelRefusal.TUNNEL_LIMIT : TunnelRefusal.NO_GROUP);
            LOG.info("event=tunnel-refused host={} reason={} message=\"{}\"", LogText.value(peerHostName),
                    limit ? "tunnel-limit" : "no-group", LogText.quoted(r.message()));
        }
        return d;
    }

    /** Tunnels of {@code group} that are not closing (the engine's, on the loop). */
    private int tunnelsOf(Policy p, Policy.Group group) {
        if (endpoint == null) {
            return 0;
        }
        int n = 0;
        for (Tunnel t : endpoint.engine().tunnels()) {
            if (t.state() != TunnelState.CLOSING
                    && p.groupFor(t.peerHostName()).filter(g -> g.name().equals(group.name())).isPresent()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void tunnelUp(Tunnel tunnel) {
        String group = policy.get().groupFor(tunnel.peerHostName()).map(Policy.Group::name).orElse("none");
        LOG.info("event=tunnel-up tunnel={} peer-tunnel={} peer={} host={} group={}", tunnel.localId(), tunnel.peerId(),
                LogText.address(tunnel.peer()), LogText.value(tunnel.peerHostName()), group);
    }

    @Override
    public void tunnelDown(Tunnel tunnel, Avp.ResultCode cause, boolean byPeer) {
        LOG.info("event=tunnel-down tunnel={} peer={} host={} result={} by-peer={} message=\"{}\"", tunnel.localId(),
                LogText.address(tunnel.peer()), LogText.value(tunnel.peerHostName()), cause.resultCode(), byPeer,
                LogText.quoted(cause.errorMessage()));
    }

    private void leaveSetup(Call call) {
        if (call.inSetup) {
            call.inSetup = false;
            inSetup--;
        }
    }

    /** The Acct-Session-Id of a call (for AAA requests), or empty text when unknown. */
    String acctSessionId(LnsCallInfo info) {
        Call call = calls.get(Call.key(info.tunnelId(), info.sessionId()));
        return call == null ? "" : call.acctSessionId;
    }

    /** Every live call, in no order. */
    List<Call> calls() {
        return new ArrayList<>(calls.values());
    }

    Optional<Call> call(int tunnelId, int sessionId) {
        return Optional.ofNullable(calls.get(Call.key(tunnelId, sessionId)));
    }

    /** Ends one call for {@code cause}: PPP torn down with accounting Stop, then CDN. */
    static void end(Call call, TerminateCause cause) {
        if (call.lns != null) {
            call.lns.abort(cause);
        } else {
            call.l2tp.close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "cleared: " + cause);
        }
    }

    int inSetup() {
        return inSetup;
    }

    long admissionRefused() {
        return admissionRefused;
    }

    long limitRefused() {
        return limitRefused;
    }

    long userLimitRefused() {
        return userLimitRefused;
    }
}
