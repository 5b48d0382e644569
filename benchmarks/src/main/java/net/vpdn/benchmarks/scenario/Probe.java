package net.vpdn.benchmarks.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a child process costs, seen from outside: its live heap after a full GC and the classes that fill
 * it ({@code jcmd PID GC.class_histogram}, which collects first), its resident set and its CPU time
 * ({@code /proc/PID/status} and {@code /proc/PID/stat}, Linux).
 */
final class Probe {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    /** One class's line of a histogram. */
    record ClassBytes(String name, long instances, long bytes) { }

    /** A histogram: every class, and the totals (the live heap). */
    record Histogram(Map<String, ClassBytes> classes, long instances, long bytes) {
        /** The classes that grew most from {@code before} to this, largest first. */
        List<ClassBytes> growthSince(Histogram before, int top) {
            List<ClassBytes> out = new ArrayList<>();
            for (ClassBytes c : classes.values()) {
                ClassBytes b = before.classes.get(c.name());
                long di = c.instances() - (b == null ? 0 : b.instances());
                long db = c.bytes() - (b == null ? 0 : b.bytes());
                if (db > 0) out.add(new ClassBytes(c.name(), di, db));
            }
            out.sort(Comparator.comparingLong(ClassBytes::bytes).reversed());
            return out.subList(0, Math.min(top, out.size()));
        }
    }

    private Probe() {
    }

    /** Forces a full GC in {@code pid} and reads its histogram; the raw text goes to {@code save}. */
    static Histogram histogram(long pid, Path save) throws IOException, InterruptedException {
        String text = jcmd(pid, "GC.class_histogram");
        Files.writeString(save, text);
        return parseHistogram(text);
    }

    static Histogram parseHistogram(String text) {
        Map<String, ClassBytes> classes = new LinkedHashMap<>();
        long instances = 0;
        long bytes = 0;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && isNumber(f[1]) && isNumber(f[2])) {
                String name = f[3];
                ClassBytes prev = classes.get(name); // same name from two loaders: add them up
                long i = Long.parseLong(f[1]) + (prev == null ? 0 : prev.instances());
                long b = Long.parseLong(f[2]) + (prev == null ? 0 : prev.bytes());
                classes.put(name, new ClassBytes(name, i, b));
            } else if (f.length == 3 && f[0].equals("Total") && isNumber(f[1]) && isNumber(f[2])) {
                instances = Long.parseLong(f[1]);
                bytes = Long.parseLong(f[2]);
            }
        }
        return new Histogram(classes, instances, bytes);
    }

    /** Resident set size in bytes (VmRSS). */
    static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after the command name in parentheses (which may hold spaces): state is field 3
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return (utime + stime) / (double) TICKS_PER_SECOND;
    }

    /** The host's count of UDP datagrams dropped for a full socket receive buffer (/proc/net/snmp RcvbufErrors). */
    static long udpReceiveBufferErrors() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                    List<String> names = List.of(lines.get(i).split("\\s+"));
                    String[] values = lines.get(i + 1).split("\\s+");
                    int at = names.indexOf("RcvbufErrors");
                    return at < 0 ? -1 : Long.parseLong(values[at]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /**
     * Datagrams dropped for a full receive buffer on the UDP sockets {@code pid} holds (the per-socket
     * "drops" column of /proc/net/udp and udp6, counted since each socket opened): unlike the host-wide
     * RcvbufErrors, this names the process that lost them. -1 when unreadable (not Linux, process gone).
     */
    static long udpSocketDrops(long pid) {
        try {
            Set<String> inodes = new HashSet<>();
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : fds.toList()) {
                    String target = readLinkOrEmpty(fd);
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                }
            }
            long drops = 0;
            for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
                Path t = Path.of(table);
                if (Files.isReadable(t)) drops += socketDrops(Files.readAllLines(t), inodes);
            }
            return drops;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Sum of the last column (drops) of /proc/net/udp rows whose inode (10th column) is in {@code inodes}. */
    static long socketDrops(List<String> procNetUdp, Set<String> inodes) {
        long drops = 0;
        for (String line : procNetUdp) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 13 || !isNumber(f[9]) || !inodes.contains(f[9])) continue;
            drops += Long.parseLong(f[f.length - 1]);
        }
        return drops;
    }

    private static String readLinkOrEmpty(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return ""; // closed meanwhile
        }
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
