package net.vpdn.lac.process;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.vpdn.lac.access.AccessListener;
import net.vpdn.lac.access.AccessServer;
import net.vpdn.lac.access.emulator.SubscriberEmulator;
import net.vpdn.lac.access.emulator.SubscriberProfile;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.ppp.PppRandom;

/**
 * {@code --warmup N}: N calls dialled and hung up before the measured subscribers, so a benchmark
 * measures JVMs whose hot paths are compiled, not the JIT at work. Runs on the LAC's loop; the
 * measured emulator starts when the last warm-up call has reported, and {@link #done} then
 * completes with the line the LAC prints.
 */
final class Warmup {
    private final List<SubscriberProfile> calls;
    private final SubscriberEmulator emulator;
    private final CompletableFuture<String> done;
    private int reported;
    private int reachedIpcp;

    private Warmup(CallLoop loop, AccessOptions access, AccessServer then, AccessListener service,
                   CompletableFuture<String> done) {
        this.calls = access.warmupProfiles();
        this.done = done;
        this.emulator = new SubscriberEmulator(loop, calls, Math.min(access.rate(), AccessOptions.WARMUP_MAX_RATE),
                PppRandom.secure(), r -> {
                    reported++;
                    if (r.ipcpUp()) reachedIpcp++;
                    if (reported == calls.size()) {
                        then.start(service);
                        done.complete("emulator: warm-up done: " + reachedIpcp + " of " + calls.size() + " reached IPCP");
                    }
                });
    }

    /** Starts the warm-up (on the loop), then {@code then}; with no warm-up, {@code then} at once. */
    static void thenStart(CallLoop loop, AccessOptions access, AccessServer then, AccessListener service,
                          CompletableFuture<String> done) {
        if (access.warmup() == 0) {
            then.start(service);
            return;
        }
        new Warmup(loop, access, then, service, done).emulator.start(service);
    }
}
