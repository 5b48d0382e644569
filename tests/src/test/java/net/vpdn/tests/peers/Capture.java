package net.vpdn.tests.peers;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A live capture on an interface, written as classic pcap. Built on dumpcap rather than tshark
 * because measurements here showed (a) both print "Capturing on" 10-30 ms before packets are really
 * captured, and (b) tshark loses the last packets when stopped, dumpcap does not.
 *
 * <p>So {@link #start} sends small probe datagrams to a private port until one of them reaches the
 * file (dumpcap flushes about every 500 ms). {@link #close} sends one more probe and waits until it is
 * in the file, which proves every earlier packet is too, since dumpcap on SIGTERM drops packets it has
 * not read yet (measured: three datagrams sent 1 s after start, then SIGTERM: none in the file).
 * Then it stops dumpcap and rewrites the file without the probes. Start and close each take 0.5-1 s.
 */
public final class Capture implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final String PROBE = "vpdn-capture-probe-";
    private static final int PCAP_HEADER = 24;

    private final Process process;
    private final OutputWatcher output;
    private final Path raw;
    private final Path file;
    private final int probePort;
    private boolean closed;

    private Capture(Process process, OutputWatcher output, Path raw, Path file, int probePort) {
        this.process = process;
        this.output = output;
        this.raw = raw;
        this.file = file;
        this.probePort = probePort;
    }

    /** Starts capturing {@code bpfFilter} on {@code iface} into {@code out}; returns once packets are really captured. */
    public static Capture start(String iface, String bpfFilter, Path out) throws IOException {
        int probePort = FreePort.udp();
        Path raw = out.resolveSibling(out.getFileName() + ".raw");
        ProcessBuilder pb = new ProcessBuilder(PeerTool.DUMPCAP.require().toString(), "-i", iface,
                "-f", "(" + bpfFilter + ") or (udp dst port " + probePort + ")", "-P", "-w", raw.toString())
                .redirectErrorStream(true);
        Process p = ChildProcesses.start(pb);
        OutputWatcher w = new OutputWatcher(p.getInputStream(),
                out.resolveSibling(out.getFileName() + ".dumpcap.log"), "dumpcap-" + p.pid());
        Capture c = new Capture(p, w, raw, out, probePort);
        try {
            c.probeUntilCaptured("start");
        } catch (IOException | RuntimeException | AssertionError e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The finished pcap (complete only after {@link #close()}). */
    public Path file() {
        return file;
    }

    /** dumpcap's own messages so far. */
    public List<String> messages() {
        return output.lines();
    }

    private void probeUntilCaptured(String tag) throws IOException {
        byte[] marker = (PROBE + tag + "-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DatagramPacket probe = new DatagramPacket(marker, marker.length, InetAddress.getLoopbackAddress(), probePort);
            do {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("dumpcap did not write its " + tag + " probe within " + START_TIMEOUT
                            + " (alive=" + process.isAlive() + "):\n" + output.tail(20));
                }
                s.send(probe);
                // dumpcap prints nothing per packet, so wait on its file, with a bounded pause between looks.
                output.await(() -> false, Duration.ofMillis(50));
            } while (!fileContains(marker));
        }
    }

    private boolean fileContains(byte[] marker) throws IOException {
        if (!Files.exists(raw) || Files.size(raw) <= PCAP_HEADER) {
            return false;
        }
        byte[] data = Files.readAllBytes(raw);
        outer:
        for (int i = PCAP_HEADER; i <= data.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Stops dumpcap (it drains what the kernel already captured) and writes {@link #file()} without probes. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.isAlive()) {
                probeUntilCaptured("stop");
            }
        } finally {
            ChildProcesses.stop(process, Duration.ofSeconds(10));
        }
        if (Files.exists(raw)) {
            Tshark.filter(raw, "!(udp.dstport == " + probePort + ")", file);
            Files.delete(raw);
        }
    }
}
