package net.vpdn.lns;

import java.io.PrintStream;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import net.vpdn.config.Role;
import net.vpdn.config.VpdnConfig;
import net.vpdn.lns.process.LnsOptions;
import net.vpdn.lns.process.LnsProcess;
import net.vpdn.runtime.ProcessStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vpdn lns --config FILE [--set key=value ...]}: loads and validates the configuration
 * (refusing to start, exit status 2, on any error), starts {@link LnsProcess}, prints one ready
 * line on stdout, and then runs until SIGTERM/SIGINT (clean shutdown in a shutdown hook). SIGHUP
 * reloads the file with the same overrides.
 */
public final class LnsMain {
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lns");

    private LnsMain() {
    }

    /** How start-up ended: refused with an exit status, or running. */
    public sealed interface Launch {
        /** Not started; {@code status} is the exit status. */
        record Refused(int status) implements Launch { }

        /** Running. */
        record Running(LnsProcess process, ProcessStart.Arguments arguments) implements Launch { }
    }

    public static void main(String[] args) throws InterruptedException {
        Launch launch = launch(args, System.getenv(), System.out, System.err);
        if (launch instanceof Launch.Refused r) {
            System.exit(r.status());
        }
        Launch.Running running = (Launch.Running) launch;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.process().close();
            stopped.countDown();
        }, "vpdn-lns-shutdown"));
        onHangUp(() -> running.process().reloadFromSource());
        stopped.await();
    }

    /** Parses, loads and starts; prints the refusal on {@code err} or the ready line on {@code out}. */
    public static Launch launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ProcessStart.Arguments arguments;
        VpdnConfig config;
        try {
            arguments = ProcessStart.parse(args, null);
            config = ProcessStart.load(arguments, env, Role.LNS);
        } catch (ProcessStart.Refused r) {
            ProcessStart.report("vpdn lns", r, err);
            return new Launch.Refused(ProcessStart.EXIT_BAD_CONFIG);
        }
        LnsProcess process;
        ProcessStart.Arguments from = arguments;
        try {
            process = LnsProcess.start(config, LnsOptions.DEFAULTS
                    .withMaxSessionsInSetup(config.l2tp().maxCallsInSetup())
                    .withMaxVirtualAccess(config.l2tp().maxSessions())
                    .withReloadSource(() -> ProcessStart.load(from, env, Role.LNS)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Launch.Refused(ProcessStart.EXIT_CANNOT_START);
        } catch (RuntimeException e) { // a port in use, an admin address refused without a token
            err.println("vpdn lns: cannot start: " + e.getMessage());
            err.println("vpdn lns: not started");
            return new Launch.Refused(ProcessStart.EXIT_CANNOT_START);
        }
        var l2tp = process.l2tpAddress();
        String admin = process.adminAddress().map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).orElse("off");
        String metrics = process.metricsAddress().map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).orElse("off");
        out.println("vpdn lns ready: l2tp " + l2tp.getAddress().getHostAddress() + ":" + l2tp.getPort() + " admin " + admin
                + " metrics " + metrics);
        out.flush();
        return new Launch.Running(process, arguments);
    }

    @SuppressWarnings("restriction")
    private static void onHangUp(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> Thread.ofPlatform().name("vpdn-lns-reload").start(action));
        } catch (IllegalArgumentException e) {
            LOG.warn("event=no-sighup reason=\"{}\"", e.getMessage());
        }
    }

}
