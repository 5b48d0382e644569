package net.vpdn.lac;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.vpdn.config.Role;
import net.vpdn.config.VpdnConfig;
import net.vpdn.lac.access.emulator.SubscriberProfile;
import net.vpdn.lac.process.AccessOptions;
import net.vpdn.lac.process.EmulatorSummary;
import net.vpdn.lac.process.LacProcess;
import net.vpdn.runtime.ProcessStart;

/**
 * {@code vpdn lac --config FILE [--set key=value ...] [emulator options]}: loads and validates the
 * configuration (refusing to start, exit status 2, on any error; 3 when it cannot start, e.g. a port
 * in use), starts {@link LacProcess}, prints
 * one ready line on stdout, then runs until SIGTERM/SIGINT (clean shutdown: CDN and StopCCN to the
 * LNSs). With {@code --once} it dials every emulated subscriber once, prints a summary and exits 0
 * only if all of them succeeded.
 */
public final class LacMain {
    /** Exit status of a {@code --once} run in which some subscriber failed. */
    public static final int EXIT_SUBSCRIBERS_FAILED = 1;
    /** Extra time a {@code --once} run allows beyond its dials, holds and pings. */
    static final Duration ONCE_SLACK = Duration.ofSeconds(30);

    private LacMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int[] refused = {ProcessStart.EXIT_BAD_CONFIG};
        LacProcess process = launch(args, System.getenv(), System.out, System.err, refused);
        if (process == null) {
            System.exit(refused[0]);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            process.close();
            stopped.countDown();
        }, "vpdn-lac-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        onHangUp(process::reloadFromSource);
        process.warmedUp().thenAccept(line -> { // --warmup: a benchmark starts measuring at this line
            System.out.println(line);
            System.out.flush();
        });
        if (!process.access().once() && !process.access().subscribers().isEmpty()) {
            // a long-running LAC with an emulator says once how its subscribers did, then stays up
            process.finished().thenRun(() -> {
                process.summary().lines().forEach(System.out::println);
                System.out.flush();
            });
        }
        if (process.access().once()) {
            int status = runOnce(process, System.out);
            Runtime.getRuntime().removeShutdownHook(hook);
            process.close();
            System.exit(status);
        }
        stopped.await();
    }

    /** Parses, loads and starts; prints the refusal on {@code err} (and returns null) or the ready line on {@code out}. */
    public static LacProcess launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return launch(args, env, out, err, new int[1]);
    }

    /** As {@link #launch(String[], Map, PrintStream, PrintStream)}; on refusal {@code status[0]} is the exit status. */
    static LacProcess launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err, int[] status) {
        status[0] = ProcessStart.EXIT_BAD_CONFIG;
        ProcessStart.Arguments arguments;
        VpdnConfig config;
        AccessOptions access;
        try {
            arguments = ProcessStart.parse(args, null);
            access = switch (AccessOptions.parse(arguments.rest())) {
                case AccessOptions.Parsed.Ok ok -> ok.options();
                case AccessOptions.Parsed.Error e -> throw new ProcessStart.Refused(List.of(e.message(), "options:\n" + AccessOptions.USAGE));
            };
            config = ProcessStart.load(arguments, env, Role.LAC);
        } catch (ProcessStart.Refused r) {
            ProcessStart.report("vpdn lac", r, err);
            return null;
        }
        LacProcess process;
        try {
            ProcessStart.Arguments source = arguments;
            process = LacProcess.start(config, access,
                    () -> net.vpdn.config.ConfigLoader.load(source.config(), env, source.sets()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status[0] = ProcessStart.EXIT_CANNOT_START;
            return null;
        } catch (RuntimeException e) { // a port in use, an admin address refused without a token
            status[0] = ProcessStart.EXIT_CANNOT_START;
            err.println("vpdn lac: cannot start: " + e.getMessage());
            err.println("vpdn lac: not started");
            return null;
        }
        out.println(readyLine(process));
        out.flush();
        return process;
    }

    /** {@code vpdn lac ready: l2tp <addr:port> admin <addr:port|off> metrics <addr:port|off>}. */
    public static String readyLine(LacProcess process) {
        var l2tp = process.l2tpAddress();
        String admin = process.adminAddress().map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).orElse("off");
        String metrics = process.metricsAddress().map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).orElse("off");
        return "vpdn lac ready: l2tp " + l2tp.getAddress().getHostAddress() + ":" + l2tp.getPort() + " admin " + admin
                + " metrics " + metrics;
    }

    /** Waits for every subscriber's report (bounded), prints the summary, and returns the exit status. */
    public static int runOnce(LacProcess process, PrintStream out) {
        Duration limit = onceLimit(process);
        try {
            process.finished().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            out.println("vpdn lac: not every subscriber finished within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            out.println("vpdn lac: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EmulatorSummary summary = process.summary();
        summary.lines().forEach(out::println);
        out.flush();
        return summary.allSucceeded() ? 0 : EXIT_SUBSCRIBERS_FAILED;
    }

    private static Duration onceLimit(LacProcess process) {
        AccessOptions a = process.access();
        Duration longest = Duration.ZERO;
        for (SubscriberProfile p : a.subscribers()) {
            Duration d = p.hold().plus(p.pingTimeout().multipliedBy(p.pings()));
            if (d.compareTo(longest) > 0) longest = d;
        }
        Duration dials = Duration.ofMillis((long) (a.subscribers().size() * 1000 / a.rate()));
        Duration warmup = a.warmup() == 0 ? Duration.ZERO
                : Duration.ofMillis((long) (a.warmup() * 1000 / Math.min(a.rate(), AccessOptions.WARMUP_MAX_RATE))).plus(ONCE_SLACK);
        return dials.plus(longest).plus(ONCE_SLACK).plus(warmup);
    }

    /** SIGHUP reloads the configuration file with the original overrides (on a thread of its own). */
    @SuppressWarnings("restriction")
    private static void onHangUp(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> Thread.ofPlatform().name("vpdn-lac-reload").start(action));
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger("vpdn.lac").warn("event=no-sighup reason=\"{}\"", e.getMessage());
        }
    }
}
