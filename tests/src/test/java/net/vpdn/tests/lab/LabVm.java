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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One guest of the interop lab: {@code run-vm.sh [options] SCENARIO K=V...} as a child process. Its output
 * (the guest's {@code RESULT} lines and the script's log) goes to this JVM's stdout. Tests wait on the
 * {@code RESULT} lines with deadlines, never by sleeping: {@link #await} takes the next line in order that starts
 * with some words (for a scenario whose lines come in a known order), {@link #awaitMatch} and {@link #awaitAll}
 * search every line so far by regex (for lines of concurrent sessions, whose order is not known).
 * {@link #requestStop} asks a server scenario to finish; {@link #close} kills the script and qemu.
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
    /** Guards {@link #results} appends and {@link #ended}, so that regex awaits can block on new lines. */
    private final Object lock = new Object();
    private boolean ended;

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
     * @param options run-vm.sh options such as {@code --outbound}, {@link #pcap}, {@link #hostfwd}
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

    /** The options {@code --pcap FILE}: run-vm.sh captures the guest's eth0 there (complete once it exits). */
    public static List<String> pcap(Path file) {
        return List.of("--pcap", file.toString());
    }

    /**
     * The options {@code --hostfwd PROTO:127.0.0.1:HOSTPORT-:GUESTPORT}: forwards a host port to a guest server,
     * e.g. {@code hostfwd("udp", port, 1701)} for the {@code lns-server} scenario's xl2tpd.
     */
    public static List<String> hostfwd(String protocol, int hostPort, int guestPort) {
        return List.of("--hostfwd", protocol + ":127.0.0.1:" + hostPort + "-:" + guestPort);
    }

    private void relay() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println("[lab " + name + "] " + line);
                int at = line.indexOf(RESULT);
                if (at >= 0) {
                    Result result = new Result(line.substring(at + RESULT.length()).strip());
                    synchronized (lock) {
                        results.add(result);
                        lock.notifyAll();
                    }
                    unseen.add(result);
                }
            }
        } catch (IOException e) {
            System.out.println("[lab " + name + "] output closed: " + e.getMessage());
        } finally {
            synchronized (lock) {
                ended = true;
                lock.notifyAll();
            }
        }
    }

    /** The run name. */
    public String name() {
        return name;
    }

    /**
     * The pid of the {@code run-vm.sh} shell: with {@code --tap2 NETNS} the guest's eth1 is the tap
     * {@code vt<pid>} in that namespace.
     */
    public long pid() {
        return process.pid();
    }

    /** {@code $VPDN_INTEROP_DIR/runs/NAME/}: console.log, syslog, xl2tpd.log, pppd.log, ... */
    public Path runDir() {
        return Lab.runDir(name);
    }

    /** Every {@code RESULT} line so far. */
    public List<Result> results() {
        return List.copyOf(results);
    }

    /** Every {@code RESULT} line so far, as text (without {@code RESULT }). */
    public List<String> resultLines() {
        return results.stream().map(Result::text).toList();
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

    /**
     * Waits until some {@code RESULT} line so far matches {@code regex} ({@link Matcher#find}) and returns its
     * matcher. Searches every line, consumes none (independent of {@link #await}'s order). Fails at the deadline or
     * when run-vm.sh's output ends without one.
     */
    public Matcher awaitMatch(String regex, Duration timeout) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        String line = awaitLines(p.asPredicate(), 1, regex, timeout).getFirst();
        Matcher m = p.matcher(line);
        m.find();
        return m;
    }

    /** Waits until {@code n} {@code RESULT} lines so far match {@code regex}; returns all that match, as text. */
    public List<String> awaitAll(String regex, int n, Duration timeout) throws InterruptedException {
        return awaitLines(Pattern.compile(regex).asPredicate(), n, regex, timeout);
    }

    private List<String> awaitLines(Predicate<String> wanted, int n, String what, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<String> hits = resultLines().stream().filter(wanted).toList();
                if (hits.size() >= n) {
                    return hits;
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError(hits.size() + "/" + n + " 'RESULT' lines matching /" + what + "/ from "
                            + name + (ended ? " before run-vm.sh ended" : " within " + timeout) + "; got " + results
                            + "; console tail:\n" + consoleTail(30));
                }
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /**
     * Asks the scenario to finish: creates {@code runs/NAME/stop}, which server scenarios such as
     * {@code lns-server} watch for (they then report and end, and run-vm.sh exits).
     */
    public void requestStop() throws IOException {
        Files.createDirectories(runDir());
        Files.writeString(runDir().resolve("stop"), "");
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
