package net.vpdn.tests.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One guest of the interop lab: {@code run-vm.sh [options] SCENARIO K=V...} as a child process. Its output
 * (the guest's {@code RESULT} lines and the script's log) goes to this JVM's stdout; {@link #await} blocks on
 * the next matching {@code RESULT} line up to a deadline. {@link #close} kills the script and qemu.
 */
public final class LabVm implements AutoCloseable {
    static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final String RESULT = "RESULT ";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(LabVm::kill), "vpdn-lab-reaper"));
    }

    private final String name;
    private final Process process;
    private final List<Result> results = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Result> unseen = new LinkedBlockingQueue<>();
    private final Thread reader;

    /**
     * One {@code RESULT} line of the guest, e.g. {@code ppp up if=ppp0 local=10.99.0.10 remote=10.99.0.1}.
     *
     * @param text the line after {@code RESULT }
     */
    public record Result(String text) {
        /** The value of {@code key=value} in the line, if present. */
        public Optional<String> value(String key) {
            for (String word : text.split(" ")) {
                if (word.startsWith(key + "=")) {
                    return Optional.of(word.substring(key.length() + 1));
                }
            }
            return Optional.empty();
        }

        /** Whether the line starts with these words, e.g. {@code "ppp up"}. */
        public boolean is(String words) {
            return text.equals(words) || text.startsWith(words + " ");
        }
    }

    private LabVm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().name("lab-" + name).start(this::relay);
    }

    /**
     * Boots the guest: {@code run-vm.sh --name NAME --timeout T OPTIONS SCENARIO K=V...}.
     *
     * @param name    run name (run dir {@code $VPDN_INTEROP_DIR/runs/NAME/})
     * @param timeout qemu is killed after it (run-vm.sh then exits 124)
     * @param options run-vm.sh options such as {@code --outbound}, {@code --pcap FILE}
     * @param params  the scenario's parameters, in order
     */
    public static LabVm start(String name, Duration timeout, List<String> options, String scenario,
                              Map<String, String> params) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", Lab.home().resolve("run-vm.sh").toString(),
                "--name", name, "--timeout", Long.toString(timeout.toSeconds())));
        cmd.addAll(options);
        cmd.add(scenario);
        params.forEach((k, v) -> cmd.add(k + "=" + v));
        System.out.println("[lab] " + String.join(" ", cmd.subList(1, cmd.size())).replaceAll("(SECRET|PASS)=\\S*", "$1=***"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        LIVE.add(p);
        return new LabVm(name, p);
    }

    private void relay() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println("[lab " + name + "] " + line);
                int at = line.indexOf(RESULT);
                if (at >= 0) {
                    Result result = new Result(line.substring(at + RESULT.length()).strip());
                    results.add(result);
                    unseen.add(result);
                }
            }
        } catch (IOException e) {
            System.out.println("[lab " + name + "] output closed: " + e.getMessage());
        }
    }

    /** The run name. */
    public String name() {
        return name;
    }

    /** {@code $VPDN_INTEROP_DIR/runs/NAME/}: console.log, syslog, xl2tpd.log, pppd.log, ... */
    public Path runDir() {
        return Lab.runDir(name);
    }

    /** Every {@code RESULT} line so far. */
    public List<Result> results() {
        return List.copyOf(results);
    }

    /**
     * The next {@code RESULT} line (after those earlier awaits consumed) that starts with {@code words};
     * lines in between are skipped. Fails at the deadline or when the guest is gone without one.
     */
    public Result await(String words, Duration timeout) throws InterruptedException {
        return await(r -> r.is(words), words, timeout);
    }

    private Result await(Predicate<Result> wanted, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Result r = unseen.poll(Math.max(0, Math.min(left, TimeUnit.MILLISECONDS.toNanos(500))), TimeUnit.NANOSECONDS);
            if (r != null && wanted.test(r)) {
                return r;
            }
            if (r == null && (left <= 0 || (!process.isAlive() && !reader.isAlive() && unseen.isEmpty()))) {
                throw new AssertionError("no 'RESULT " + what + "' from " + name + " within " + timeout
                        + "; got " + results + "; console tail:\n" + consoleTail(30));
            }
        }
    }

    /** Waits for run-vm.sh to end; its exit status (0 only after {@code RESULT scenario ok}, 124 on timeout). */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + "; console tail:\n" + consoleTail(30));
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    /** The last lines of the guest's console, for failure messages. */
    public String consoleTail(int lines) {
        Path console = runDir().resolve("console.log");
        try {
            List<String> all = Files.readAllLines(console, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + console + ": " + e.getMessage() + ")";
        }
    }

    /** Kills run-vm.sh and its qemu (and anything else it started). */
    @Override
    public void close() {
        kill(process);
        LIVE.remove(process);
    }

    private static void kill(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
