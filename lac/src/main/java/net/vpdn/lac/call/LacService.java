package net.vpdn.lac.call;

import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.io.DataHandler;
import net.vpdn.lac.access.AccessLine;
import net.vpdn.lac.access.AccessListener;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.lac.select.TunnelSelector;
import net.vpdn.lac.select.TunnelSet;
import net.vpdn.lac.tunnel.TunnelPool;
import net.vpdn.ppp.PppRandom;

/**
 * The LAC's call handling on one endpoint loop: takes lines from the access side, runs a
 * {@link LacCall} for each, and relays the LNS's frames back to the right line. Holds per-group
 * session counts for the groups' limits. Loop only, except {@link #counters()}.
 */
public final class LacService implements AccessListener {
    private final LacCallConfig config;
    private final TunnelSelector selector;
    private final TunnelPool pool;
    private final CallLoop loop;
    private final DataPath data;
    private final PppRandom random;
    private final LacCounters counters;
    private final Map<String, Integer> groupCalls = new HashMap<>();
    private final java.util.Set<LacCall> calls = new java.util.LinkedHashSet<>();
    private int activeCalls;

    public LacService(LacCallConfig config, TunnelSelector selector, TunnelPool pool, CallLoop loop, DataPath data,
                      PppRandom random, LacCounters counters) {
        this.config = Objects.requireNonNull(config, "config");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.data = Objects.requireNonNull(data, "data");
        this.random = Objects.requireNonNull(random, "random");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    @Override
    public void lineUp(AccessLine line) {
        activeCalls++;
        counters.offered();
        LacCall call = new LacCall(this, line);
        calls.add(call);
        call.start();
    }

    @Override
    public void readComplete() {
        data.flush();
    }

    /**
     * The endpoint's {@link DataHandler}: frames of LAC sessions go to their line, without copying.
     * The composition root passes it (or a forwarder to it) when it starts the endpoint.
     */
    public DataHandler dataHandler() {
        return this::fromLns;
    }

    private void fromLns(Session session, ByteBuf frame) {
        if (session.attachment() instanceof LacCall call) {
            call.fromLns(frame);
        } else {
            counters.frameDropped();
            frame.release();
        }
    }

    public LacCounters counters() { return counters; }
    /** Calls from line-up until their line and session are gone. */
    public int activeCalls() { return activeCalls; }
    public TunnelPool pool() { return pool; }

    LacCallConfig config() { return config; }
    TunnelSelector selector() { return selector; }
    CallLoop loop() { return loop; }
    DataPath data() { return data; }
    PppRandom random() { return random; }

    /** Takes a place in {@code set}'s group; false when the group is at its limit. */
    boolean reserve(TunnelSet set) {
        int now = groupCalls.getOrDefault(set.groupName(), 0);
        if (set.sessionLimit() > 0 && now >= set.sessionLimit()) return false;
        groupCalls.put(set.groupName(), now + 1);
        return true;
    }

    void release(TunnelSet set) {
        groupCalls.computeIfPresent(set.groupName(), (g, n) -> n <= 1 ? null : n - 1);
    }

    /** Calls currently counted against {@code groupName}. */
    public int groupCalls(String groupName) {
        return groupCalls.getOrDefault(groupName, 0);
    }

    void callFinished(LacCall call) {
        activeCalls--;
        calls.remove(call);
    }

    /** What every call in progress is doing, for the admin API; on the loop. */
    public java.util.List<CallView> calls() {
        return calls.stream().map(LacCall::view).toList();
    }

    /** The call a session carries, if it is one of ours; on the loop. */
    public java.util.Optional<CallView> callOf(Session session) {
        return session.attachment() instanceof LacCall c ? java.util.Optional.of(c.view()) : java.util.Optional.empty();
    }

    /** Clears the call {@code session} carries (admin clear); false when it carries none of ours. On the loop. */
    public boolean clear(Session session, String why) {
        if (!(session.attachment() instanceof LacCall c)) return false;
        c.clear(why);
        return true;
    }

    /**
     * Clears every call (shutdown, admin clear): connected ones with CDN (result 3, administrative,
     * RFC 2661 §4.4.2), the subscriber told with LCP Terminate-Request; on the loop.
     */
    public void clearAll(String why) {
        for (LacCall c : java.util.List.copyOf(calls)) c.clear(why);
    }
}
