package net.vpdn.tests.lablac;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One guest of the interop lab ({@code shared/interop/run-vm.sh}) running one scenario as a child
 * process. The guest's {@code RESULT ...} lines, which run-vm.sh relays on its stdout, are collected
 * as they arrive; tests wait on them with deadlines ({@link #await}), never by sleeping.
 * {@link #close()} asks the guest to stop (the scenario's {@code stop} file), then ends run-vm.sh,
 * whose exit trap kills qemu, and finally kills anything of the tree still alive.
 */
public final class LabVm implements AutoCloseable {
    private static final Pattern RESULT = Pattern.compile("RESULT (.*)$");

    private final String name;
    private final Path runDir;
    private final Optional<Path> pcap;
    private final Process process;
    private final List<String> results = new ArrayList<>();
    private final List<String> output = new ArrayList<>();
    private boolean ended;

    private LabVm(String name, Path runDir, Optional<Path> pcap, Process process) {
        this.name = name;
        this.runDir = runDir;
        this.pcap = pcap;
        this.process = process;
        Thread t = new Thread(this::pump, "lab-vm-" + name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Boots a guest for {@code scenario} with the given run-vm.sh options (before the scenario) and
     * {@code KEY=VALUE} parameters; returns at once. {@code pcap} (optional) captures the guest's eth0.
     */
    public static LabVm start(Lab lab, String scenario, Duration timeout, List<String> options, Optional<Path> pcap,
                              String... params) {
        String name = scenario + "-lablac-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        List<String> cmd = new ArrayList<>(List.of("bash", lab.runVm().toString(), "--name", name,
                "--timeout", Long.toString(timeout.toSeconds())));
        cmd.addAll(options);
        pcap.ifPresent(p -> cmd.addAll(List.of("--pcap", p.toString())));
        cmd.add(scenario);
        cmd.addAll(List.of(params));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            LabVm vm = new LabVm(name, lab.runsDir().resolve(name), pcap, p);
            Runtime.getRuntime().addShutdownHook(new Thread(vm::kill, "lab-vm-reaper-" + name));
            return vm;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    /** The run name (run dir {@code $VPDN_INTEROP_DIR/runs/NAME}). */
    public String name() {
        return name;
    }

    /** The guest's run directory (console.log, syslog, pppd.log, xl2tpd.log). */
    public Path runDir() {
        return runDir;
    }

    /** The eth0 capture, complete once the VM has exited. */
    public Optional<Path> pcap() {
        return pcap;
    }

    /** The guest's RESULT lines so far (without the {@code RESULT } prefix). */
    public synchronized List<String> results() {
        return List.copyOf(results);
    }

    /**
     * Waits until a RESULT line matches {@code regex} (find) and returns its matcher; fails with the
     * output so far when the deadline passes or the VM ends first.
     */
    public Matcher await(String regex, Duration timeout) {
        Pattern p = Pattern.compile(regex);
        return awaitCount(p.asPredicate(), 1, timeout).stream().map(p::matcher).filter(Matcher::find)
                .findFirst().orElseThrow();
    }

    /** Waits until {@code n} RESULT lines match {@code regex}; returns them. */
    public List<String> awaitAll(String regex, int n, Duration timeout) {
        return awaitCount(Pattern.compile(regex).asPredicate(), n, timeout);
    }

    private synchronized List<String> awaitCount(Predicate<String> match, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> hits = results.stream().filter(match).toList();
            if (hits.size() >= n) return hits;
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("guest " + name + ": " + hits.size() + "/" + n + " matching RESULT lines "
                        + (ended ? "before run-vm.sh ended" : "within " + timeout) + "; output:\n" + tail());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for guest " + name, e);
            }
        }
    }

    /** Asks the scenario to finish (servers watch for the {@code stop} file in their run dir). */
    public void requestStop() {
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve("stop"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for run-vm.sh to exit; its exit code (0 = the guest printed {@code RESULT scenario ok}). */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("guest " + name + " did not exit within " + timeout + "; output:\n" + tail());
        }
        synchronized (this) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!ended && System.nanoTime() < deadline) wait(100);
        }
        return process.exitValue();
    }

    /** The last lines run-vm.sh printed, for failure messages. */
    public synchronized String tail() {
        return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            requestStop();
            if (!process.waitFor(15, TimeUnit.SECONDS)) kill();
        }
        kill();
    }

    private void kill() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();  // run-vm.sh's exit trap kills qemu
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = RESULT.matcher(line.replace("\r", ""));
                synchronized (this) {
                    output.add(line);
                    if (m.find()) results.add(m.group(1).strip());
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                output.add("[reader: " + e + "]");
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }
}
