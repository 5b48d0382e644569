package net.vpdn.lac.access.pppoe.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace with a veth pair inside, made by a test and removed by it: traffic between
 * the two ends never leaves the namespace. Skips the test (assumption) when not root or without
 * iproute2.
 */
public final class TestNetns implements AutoCloseable {
    private final String name;

    private TestNetns(String name) {
        this.name = name;
    }

    /** Creates netns {@code name} with veth {@code a} <-> {@code b}, both up. */
    public static TestNetns withVeth(String name, String a, String b) throws IOException, InterruptedException {
        assumeRootAndIp();
        run("ip", "netns", "del", name); // a leftover of a killed run
        must("ip", "netns", "add", name);
        TestNetns ns = new TestNetns(name);
        try {
            ns.exec("ip", "link", "add", a, "type", "veth", "peer", "name", b);
            ns.exec("ip", "link", "set", a, "up");
            ns.exec("ip", "link", "set", b, "up");
            ns.exec("ip", "link", "set", "lo", "up");
            return ns;
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    public static void assumeRootAndIp() throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) || ProcessHandle.current().info().user()
                .map("root"::equals).orElse(false), "needs root for network namespaces and raw sockets");
        Assumptions.assumeTrue(run("ip", "-V") == 0, "needs iproute2 (ip)");
    }

    public String name() {
        return name;
    }

    /** Runs a command inside the namespace; fails the test if it fails. */
    public String exec(String... cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(cmd));
        return must(full.toArray(String[]::new));
    }

    static String must(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("ip", "netns", "del", name);
    }
}
