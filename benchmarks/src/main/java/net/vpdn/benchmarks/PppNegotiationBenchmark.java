package net.vpdn.benchmarks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.auth.AuthVerifier;
import net.vpdn.ppp.auth.LocalVerifier;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.ipcp.Ipv4AddressSource;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppPhase;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.vtemplate.VirtualTemplate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU and allocation of one whole PPP bring-up between two in-memory {@link PppSession}s: a client
 * configured like the LAC's subscriber emulator (CHAP-MD5, IPCP asking for an address and DNS, no
 * PFC/ACFC requests) and a server configured from the LNS's default virtual template (MRU 1460,
 * CHAP-MD5 then PAP, a fixed peer address, two DNS servers) with the local verifier. One operation
 * builds both sessions, starts them (lower-up) and hands every frame each one emits straight to the
 * other until both report IPCP opened: LCP in both directions, the CHAP challenge, response and
 * success, the verdict, then IPCP with its Nak of the client's 0.0.0.0 requests. No I/O, no
 * L2TP, and no timer ever fires (arm and cancel outputs are ignored; a lossless link never needs
 * one), so this is the state machines' and codecs' own cost.
 *
 * <p>Why it matters at carrier scale: the goal is 2,000 full PPP setups per second on two cores,
 * and the LNS runs one side of this exchange for every subscriber (the LAC the other, in the
 * emulator). The ns per operation here, halved roughly per side, is the part of the LNS's measured
 * CPU per setup that the PPP engine itself accounts for; B/op is the garbage a setup leaves, which
 * a storm of redials multiplies. Run with {@code ./vpdn bench PppNegotiationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PppNegotiationBenchmark {
    private static final Secret PASSWORD = Secret.of("wonderland");
    private static final Ipv4Address PEER = Ipv4Address.of("10.0.0.42");
    /** Bound on frames per negotiation: a lossless bring-up needs about 20; more means a loop. */
    private static final int MAX_STEPS = 200;

    private PppSessionConfig clientConfig;
    private PppSessionConfig serverConfig;
    private final AuthVerifier verifier = new LocalVerifier(Map.of("alice", PASSWORD));
    private final PppRandom clientRandom = PppRandom.seeded(1);
    private final PppRandom serverRandom = PppRandom.seeded(2);
    private final Link link = new Link();

    @Setup
    public void setup() {
        clientConfig = subscriberConfig("alice", PASSWORD);
        serverConfig = VirtualTemplate.defaults("Virtual-Template1", Ipv4Address.of("10.0.0.1"), "pool")
                .withDnsServers(List.of(Ipv4Address.of("192.0.2.53"), Ipv4Address.of("192.0.2.54")))
                .pppConfig(Ipv4AddressSource.fixed(PEER));
        negotiate(); // fails fast when the two ends do not reach IPCP opened
    }

    /**
     * The client half of the LAC emulator's configuration (SubscriberEmulator.clientConfig, package
     * private there): its LCP policy without PFC/ACFC requests, one authentication method, IPCP as client.
     */
    static PppSessionConfig subscriberConfig(String user, Secret secret) {
        LcpPolicy d = LcpPolicy.clientDefaults();
        LcpPolicy lcp = new LcpPolicy(d.requestMru(), d.minPeerMru(), d.maxPeerMru(), d.requestMagic(), false,
                false, d.acceptPfc(), d.acceptAcfc(), List.of(), List.of(AuthMethod.CHAP_MD5), d.maxLoopbackDetections());
        return new PppSessionConfig(lcp, CpConfig.rfcDefaults(), Optional.of(IpcpPolicy.client()), false,
                Duration.ofSeconds(30), 3, AuthTiming.defaults(), "subscriber",
                Optional.of(new PppSessionConfig.Credentials(user, secret)), false);
    }

    /** Lower-up to IPCP opened on both ends; returns the frames exchanged. */
    @Benchmark
    public int negotiate() {
        PppSession client = new PppSession(clientConfig, clientRandom);
        PppSession server = new PppSession(serverConfig, serverRandom);
        int frames = link.run(server, client);
        if (client.phase() != PppPhase.NETWORK || server.phase() != PppPhase.NETWORK || link.ipv4Up != 2) {
            throw new IllegalStateException("negotiation stopped in " + server.phase() + "/" + client.phase()
                    + " after " + frames + " frames, " + link.ipv4Up + " IPCP up");
        }
        return frames;
    }

    /**
     * The two ends joined back to back: a FIFO of pending inputs, each a frame (or a verdict) for
     * one end. Single-threaded and reused between operations; the verifier completes at once.
     */
    private final class Link {
        private record Pending(PppSession to, byte[] frame, long attempt, AuthVerdict verdict) { }

        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private PppSession a;
        private PppSession b;
        private int ipv4Up;

        int run(PppSession server, PppSession client) {
            a = server;
            b = client;
            ipv4Up = 0;
            pending.clear();
            apply(server, server.lowerUp());
            apply(client, client.lowerUp());
            int frames = 0;
            for (Pending p; (p = pending.poll()) != null; ) {
                if (++frames > MAX_STEPS) {
                    throw new IllegalStateException("more than " + MAX_STEPS + " inputs: the ends loop");
                }
                apply(p.to, p.frame != null ? p.to.receive(p.frame) : p.to.verdict(p.attempt, p.verdict));
            }
            return frames;
        }

        private void apply(PppSession from, List<PppOutput> outputs) {
            PppSession peer = from == a ? b : a;
            for (PppOutput o : outputs) {
                switch (o) {
                    case PppOutput.SendFrame f -> pending.add(new Pending(peer, f.frame().toArray(), 0, null));
                    case PppOutput.Verify v -> verifier.verify(v.request()).thenAccept(
                            verdict -> pending.add(new Pending(from, null, v.attempt(), verdict)));
                    case PppOutput.Ipv4Up up -> ipv4Up++;
                    case PppOutput.LinkDown down -> throw new IllegalStateException("link down: " + down.detail());
                    default -> { } // timers are armed and cancelled but never fire; phases are read at the end
                }
            }
        }
    }
}
