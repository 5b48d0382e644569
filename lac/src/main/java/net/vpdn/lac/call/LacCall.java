package net.vpdn.lac.call;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.vpdn.l2tp.LogText;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.lac.access.AccessLine;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.LineHandler;
import net.vpdn.lac.access.LineIdentity;
import net.vpdn.lac.select.CallKey;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.lac.select.Selection;
import net.vpdn.lac.select.TunnelSet;
import net.vpdn.lac.select.UserNameParser;
import net.vpdn.lac.tunnel.TunnelPool;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.session.PppOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber call through the LAC (RFC 2661 §3.1, LAC incoming call): PPP with the subscriber
 * in LAC mode ({@link SubscriberPpp}) until its credentials are in, then the tunnel selection by
 * domain or DNIS, a tunnel from the pool (trying the sets in Tunnel-Preference order), ICRQ/ICRP/ICCN with the line's
 * numbers, bearer, speeds and the proxy AVPs, then frame relay both ways without copying. The
 * subscriber's hang-up sends CDN; a CDN or a dead tunnel sends the subscriber LCP
 * Terminate-Request and drops the line. Runs on the loop; the state is a handful of fields.
 */
final class LacCall implements LineHandler, SessionListener, TunnelPool.Waiter {
    private static final Logger LOG = LoggerFactory.getLogger(LacCall.class);
    private static final Duration BUSY_BACKOFF_FIRST = Duration.ofMillis(100);
    private static final Duration BUSY_BACKOFF_CAP = Duration.ofSeconds(2);

    private final LacService service;
    private final AccessLine line;
    private SubscriberPpp ppp;
    private CallState state = CallState.PPP;
    private PppOutput.HandOff handOff;
    private String user = "";
    private List<TunnelSet> sets;
    private int nextSet;
    private boolean limitHit;
    private boolean lnsRefused;
    private boolean lnsBusy;
    private int busyRounds;
    private EngineHost.TimerHandle busyTimer;
    private List<String> failures;
    private TunnelSet reserved;
    private TunnelPool.Attempt attempt;
    private EngineHost.TimerHandle setupTimer;
    private Tunnel tunnel;
    private Session session;

    LacCall(LacService service, AccessLine line) {
        this.service = service;
        this.line = line;
    }

    void start() {
        ppp = new SubscriberPpp(service, line, this::handOff, this::pppDown);
        line.attach(this);
        setupTimer = service.loop().schedule(service.config().setupTimeout(), this::setupTimedOut);
        ppp.start();
    }

    /** The call setup timeout: a call not connected by now is cleared, whatever it was waiting for. */
    private void setupTimedOut() {
        setupTimer = null;
        if (state == CallState.RELAY || state == CallState.CLEARING || state == CallState.DONE) return;
        CallState phase = state;
        if (session != null) {
            session.close(CdnResult.GENERAL_ERROR, ErrorCode.NO_GENERAL_ERROR, "call setup timeout");
        }
        refuse(RefusalReason.SETUP_TIMEOUT, "not connected within " + service.config().setupTimeout().toMillis()
                + " ms (was " + phase.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }

    // ---- subscriber side ---------------------------------------------------------------------

    @Override
    public void onFrame(ByteBuf frame) {
        switch (state) {
            case RELAY -> service.data().send(session, frame);
            case PPP -> ppp.receive(frame);
            default -> {
                service.counters().frameDropped();
                frame.release();
            }
        }
    }

    @Override
    public void onHangup(HangupCause cause) {
        switch (state) {
            case PLACING, RELAY -> {
                if (state == CallState.RELAY) service.counters().clearedBySubscriber();
                LOG.info("event=call-cleared-by-subscriber line={} user={} state={} tunnel={} session={} cause={}",
                        LogText.value(line.identity().lineId()), LogText.value(user), state, tunnel.localId(),
                        session.localId(), cause);
                state = CallState.CLEARING;
                session.close(CdnResult.LOST_CARRIER, ErrorCode.NO_GENERAL_ERROR, "subscriber hung up");
            }
            case CLEARING, DONE -> { }
            default -> finish();
        }
    }

    private void pppDown(PppOutput.LinkDown d) {
        if (state != CallState.PPP) return;
        service.counters().pppFailed();
        LOG.info("event=ppp-failed line={} failure={} detail=\"{}\"", LogText.value(line.identity().lineId()),
                d.failure().map(Enum::name).orElse("-"), LogText.quoted(d.detail()));
        line.hangup(HangupCause.PPP_FAILED);
        finish();
    }

    // ---- selection and tunnel ----------------------------------------------------------------

    private void handOff(PppOutput.HandOff h) {
        if (state != CallState.PPP) return;
        ppp.stop(); // silent from now on; its PAP identifier stays for the proxy AVPs and a refusal
        handOff = h;
        state = CallState.SELECTING;
        LineIdentity id = line.identity();
        user = h.auth().map(ProxyAuth::name).orElse("");
        UserNameParser.ParsedName name = service.config().parser().parse(user);
        CallKey key = new CallKey(user, name.domain(), id.callingNumber(), id.calledNumber(), id.agentCircuitId(),
                id.agentRemoteId());
        service.selector().select(key, selection -> service.loop().execute(() -> selected(selection)));
    }

    private void selected(Selection selection) {
        if (state != CallState.SELECTING) return;
        switch (selection) {
            case Selection.Refused r -> refuse(r.reason(), r.detail());
            case Selection.Tunnels t -> {
                sets = t.sets();
                failures = new ArrayList<>(1);
                nextSet();
            }
        }
    }

    private void nextSet() {
        while (nextSet < sets.size()) {
            TunnelSet set = sets.get(nextSet++);
            if (!service.reserve(set)) {
                limitHit = true;
                failures.add(set.groupName() + ": session limit " + set.sessionLimit() + " reached");
                continue;
            }
            reserved = set;
            state = CallState.TUNNEL;
            attempt = service.pool().acquire(set, this);
            return;
        }
        if (lnsBusy) {
            busyRetry();
            return;
        }
        boolean onlyLimits = limitHit && failures.stream().allMatch(f -> f.contains("session limit"));
        RefusalReason reason = lnsRefused ? RefusalReason.LNS_REFUSED
                : onlyLimits ? RefusalReason.SESSION_LIMIT : RefusalReason.NO_TUNNEL;
        refuse(reason, String.join("; ", failures));
    }

    @Override
    public void failed(String detail) {
        if (state != CallState.TUNNEL) return;
        failures.add(reserved.groupName() + ": " + detail);
        unreserve();
        attempt = null;
        nextSet();
    }

    /**
     * Some LNS answered "temporary lack of resources" (CDN result 4, an LNS's admission control) and no
     * set is left: the sets are walked again after a back-off (0.1 s doubling to 2 s, with jitter so
     * refused calls do not return together) until the call connects or its setup timeout clears it.
     */
    private void busyRetry() {
        lnsBusy = false;
        long capMs = Math.min(BUSY_BACKOFF_CAP.toMillis(), BUSY_BACKOFF_FIRST.toMillis() << Math.min(busyRounds++, 5));
        long delayMs = capMs / 2 + Math.floorMod(service.random().nextInt(), capMs / 2 + 1);
        state = CallState.SELECTING; // waiting, as for a selection: nothing placed, nothing reserved
        busyTimer = service.loop().schedule(Duration.ofMillis(delayMs), () -> {
            busyTimer = null;
            if (state != CallState.SELECTING) return;
            nextSet = 0;
            nextSet();
        });
    }

    /**
     * The LNS cleared the call before it connected: the call moves on to the set's next LNS (then the
     * next set, in Tunnel-Preference order) with its PPP kept waiting, as a tunnel failure would.
     */
    private void placingRefused(Session s, Avp.ResultCode cause, String why) {
        lnsRefused = true;
        if (cause.resultCode() == CdnResult.TEMPORARY_LACK_OF_RESOURCES.code()) lnsBusy = true;
        service.counters().lnsRefusedAttempt();
        LOG.info("event=call-attempt-refused line={} user={} group={} lns={} detail=\"{}\"", LogText.value(line.identity().lineId()),
                LogText.value(user), reserved.groupName(), LogText.address(tunnel.peer()), LogText.quoted(why));
        s.attach(null);
        Tunnel t = tunnel;
        tunnel = null;
        session = null;
        state = CallState.TUNNEL;
        service.pool().callEnded(t);
        service.pool().retry(attempt, t.peer() + " cleared the call: " + why);
    }

    @Override
    public void ready(Tunnel t, LnsEndpoint endpoint) {
        if (state != CallState.TUNNEL) {
            service.pool().callEnded(t);
            return;
        }
        Session s = t.placeCall(CallAvps.icrq(line.identity()), CallAvps.iccn(line.identity(), handOff, ppp.papIdentifier()), this);
        if (s == null) {
            failures.add(reserved.groupName() + ": no free session id in tunnel to " + endpoint.address());
            unreserve();
            nextSet();
            return;
        }
        tunnel = t;
        session = s;
        s.attach(this);
        state = CallState.PLACING;
    }

    // ---- session -----------------------------------------------------------------------------

    @Override
    public void sessionUp(Session s, CallParams connectParams) {
        if (state != CallState.PLACING) return;
        state = CallState.RELAY;
        cancelSetupTimer();
        service.counters().connected();
        LOG.info("event=call-connected line={} user={} group={} tunnel={} session={} lns={}", LogText.value(line.identity().lineId()),
                LogText.value(user), reserved == null ? "-" : reserved.groupName(), tunnel.localId(), s.localId(),
                LogText.address(tunnel.peer()));
    }

    @Override
    public void sessionDown(Session s, Avp.ResultCode cause, boolean byPeer) {
        String why = "result " + cause.resultCode() + " error " + cause.errorCode() + " " + cause.errorMessage();
        switch (state) {
            case CLEARING -> finish();
            case PLACING -> placingRefused(s, cause, why);
            case RELAY -> {
                service.counters().clearedByNetwork();
                boolean tunnelDown = s.tunnel().state() != TunnelState.ESTABLISHED;
                LOG.info("event=call-cleared-by-network line={} user={} cause={} detail=\"{}\"", LogText.value(line.identity().lineId()),
                        LogText.value(user), tunnelDown ? "tunnel-down" : "lns-cleared", LogText.quoted(why));
                line.send(SubscriberNotices.terminateRequest(1, tunnelDown ? "tunnel down" : "call cleared"));
                line.hangup(tunnelDown ? HangupCause.TUNNEL_DOWN : HangupCause.LNS_CLEARED);
                finish();
            }
            default -> { }
        }
    }

    /** Frames from the LNS, straight to the line. */
    void fromLns(ByteBuf frame) {
        if (state == CallState.RELAY) {
            line.send(frame);
        } else {
            service.counters().frameDropped();
            frame.release();
        }
    }

    // ---- ending ------------------------------------------------------------------------------

    private void refuse(RefusalReason reason, String detail) {
        service.counters().refused(reason);
        LineIdentity id = line.identity();
        LOG.info("event=call-refused line={} user={} calling={} called={} reason={} detail=\"{}\"", LogText.value(id.lineId()),
                LogText.value(user), LogText.value(id.callingNumber()), LogText.value(id.calledNumber()), reason,
                LogText.quoted(detail));
        if (handOff != null) handOff.auth().ifPresent(a -> line.send(SubscriberNotices.authFailure(a, Math.max(ppp.papIdentifier(), 0),
                "VPDN refused: " + reason)));
        line.send(SubscriberNotices.terminateRequest(1, "VPDN refused"));
        line.hangup(HangupCause.REFUSED);
        finish();
    }

    private void unreserve() {
        if (reserved != null) {
            service.release(reserved);
            reserved = null;
        }
    }

    private void finish() {
        if (state == CallState.DONE) return;
        state = CallState.DONE;
        cancelSetupTimer();
        if (ppp != null) ppp.stop();
        unreserve();
        if (session != null) session.attach(null);
        if (tunnel != null) service.pool().callEnded(tunnel);
        service.callFinished(this);
    }

    private void cancelSetupTimer() {
        if (setupTimer != null) setupTimer.cancel();
        if (busyTimer != null) busyTimer.cancel();
        setupTimer = null;
        busyTimer = null;
    }

    /** Clears the call from our side: CDN to the LNS if placed, Terminate-Request and hang-up to the subscriber. */
    void clear(String why) {
        if (state == CallState.DONE || state == CallState.CLEARING) return;
        if (session != null) {
            if (state == CallState.RELAY) service.counters().clearedByNetwork();
            session.close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, why);
        }
        LOG.info("event=call-cleared line={} user={} state={} why=\"{}\"", LogText.value(line.identity().lineId()),
                LogText.value(user), state, LogText.quoted(why));
        line.send(SubscriberNotices.terminateRequest(1, why));
        line.hangup(HangupCause.ADMINISTRATIVE);
        finish();
    }

    CallView view() {
        LineIdentity id = line.identity();
        return new CallView(id.lineId(), user, id.callingNumber(), id.calledNumber(), state,
                reserved == null ? "" : reserved.groupName(),
                tunnel == null ? 0 : tunnel.localId(), session == null ? 0 : session.localId(),
                session == null ? 0 : session.peerId(), tunnel == null ? java.util.Optional.empty() : java.util.Optional.of(tunnel.peer()));
    }

    @Override
    public String toString() {
        return "LacCall[line=" + line.identity().lineId() + ", user=" + user + ", " + state + "]";
    }

    Optional<Session> session() {
        return Optional.ofNullable(session);
    }
}
