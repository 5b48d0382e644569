package net.vpdn.lns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import net.vpdn.lns.ip.IpForwarder;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.LocalVerifier;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.vtemplate.Ipv4Pool;
import net.vpdn.vtemplate.TerminateCause;
import net.vpdn.vtemplate.VirtualAccess;
import net.vpdn.vtemplate.VirtualAccessCloner;
import net.vpdn.vtemplate.VirtualTemplate;

/** One LNS context on a virtual loop, with a pool, local users and recorded accounting. */
final class Fixture {
    static final Ipv4Address GATEWAY = Ipv4Address.of("192.0.2.1");

    /** A recorded stop. */
    record Stop(LnsSessionInfo info, TerminateCause cause, VirtualAccess.Counters counters) { }

    /** A recorded Interim-Update, at the loop's time. */
    record Interim(LnsSessionInfo info, VirtualAccess.Counters counters, long atNanos) { }

    final VirtualLoop loop = new VirtualLoop();
    final Ipv4Pool pool = Ipv4Pool.cidr("subscribers", "10.20.0.0/24");
    final IpForwarder forwarder = new IpForwarder(16, Optional.empty());
    final VirtualAccessCloner cloner = new VirtualAccessCloner(100, PppRandom.seeded(7));
    final List<LnsSessionInfo> starts = new ArrayList<>();
    final List<Stop> stops = new ArrayList<>();
    final List<Interim> interims = new ArrayList<>();
    /** What AAA grants beyond the verdict (as RADIUS attributes would). */
    UnaryOperator<Authorization> grant = UnaryOperator.identity();
    /** The per-user admission answer: empty admits. */
    BiFunction<String, Authorization, Optional<String>> admission = (user, granted) -> Optional.empty();
    final LnsContext ctx;

    Fixture(VirtualTemplate template) {
        this(template, Duration.ZERO);
    }

    Fixture(VirtualTemplate template, Duration interimInterval) {
        SubscriberAuthorizer local = SubscriberAuthorizer.of(new LocalVerifier(Map.of(
                "alice", Secret.of("wonderland"), "bob", Secret.of("builder"))));
        SubscriberAuthorizer aaa = (request, call) -> local.authorize(request, call)
                .thenApply(a -> a.accepted() ? grant.apply(a) : a);
        LnsSessionEvents events = new LnsSessionEvents() {
            @Override
            public void started(LnsSessionInfo session) {
                starts.add(session);
            }

            @Override
            public void stopped(LnsSessionInfo session, TerminateCause cause, VirtualAccess.Counters counters) {
                stops.add(new Stop(session, cause, counters));
            }

            @Override
            public void interim(LnsSessionInfo session, VirtualAccess.Counters counters) {
                interims.add(new Interim(session, counters, loop.nanoTime()));
            }

            @Override
            public Optional<String> admit(LnsCallInfo call, String user, Authorization granted) {
                return admission.apply(user, granted);
            }
        };
        ctx = LnsContext.create(template, cloner, loop, aaa,
                new PoolAddressAssigner(Map.of("subscribers", pool), user -> Optional.empty()), forwarder, events,
                interimInterval);
    }

    Fixture() {
        this(template());
    }

    static VirtualTemplate template() {
        return VirtualTemplate.defaults("Virtual-Template1", GATEWAY, "subscribers");
    }

    /** A subscriber wired to a fresh LNS session; nothing started yet. */
    final class Call {
        final Client client;
        final MemoryLink link;
        final LnsSession lns;

        Call(String user, String password, long seed) {
            client = new Client(loop, user, password, seed);
            link = new MemoryLink(client);
            lns = LnsSession.open(ctx, link, new LnsCallInfo("lac1", 1, (int) seed, Optional.of("555" + seed),
                    Optional.empty())).orElseThrow();
            client.connectTo(lns);
        }

        /** Both ends start LCP; runs until quiet. */
        Call up() {
            loop.execute(() -> client.apply(client.ppp.lowerUp()));
            loop.execute(() -> lns.start(Optional.empty(), Optional.empty()));
            loop.drain();
            return this;
        }

        Ipv4Address address() {
            return client.ipv4.localAddress();
        }

        void ping(Ipv4Address to, int id) {
            loop.execute(() -> client.sendIpv4(Packets.echoRequest(address(), to, id, 32)));
            loop.drain();
        }
    }

    Call call(String user, String password, long seed) {
        return new Call(user, password, seed);
    }
}
