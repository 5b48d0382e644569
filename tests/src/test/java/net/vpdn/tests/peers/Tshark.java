package net.vpdn.tests.peers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tshark as the wire-format judge: live captures on loopback ({@link Capture}, via dumpcap), and {@link #check} of a pcap, which
 * reports L2TP message counts, malformed packets and expert warnings/errors (from tshark's PDML).
 */
public final class Tshark {
    private Tshark() {
    }

    /** Starts a live capture (see {@link Capture}); returns once packets are really being captured. */
    public static Capture capture(String iface, String bpfFilter, Path out) throws IOException {
        return Capture.start(iface, bpfFilter, out);
    }

    /** A BPF filter for UDP traffic on any of these ports. */
    public static String udpPorts(int... ports) {
        List<String> parts = new ArrayList<>();
        for (int p : ports) {
            parts.add("udp port " + p);
        }
        return String.join(" or ", parts);
    }

    /**
     * Dissects a pcap with L2TP decoded on the given UDP ports (besides 1701) and reports what it found.
     */
    public static TsharkCheck check(Path pcap, int... l2tpPorts) throws IOException {
        byte[] pdml = run(pcap, List.of("-T", "pdml"), l2tpPorts);
        return TsharkCheck.fromPdml(new ByteArrayInputStream(pdml));
    }

    /** tshark's one-line summary of each packet, e.g. for a README or a failure message. */
    public static List<String> summaries(Path pcap, int... l2tpPorts) throws IOException {
        return new String(run(pcap, List.of(), l2tpPorts), StandardCharsets.UTF_8).lines().map(String::strip).toList();
    }

    /** The values of display fields ({@code -T fields -e F ...}), one tab-separated line per packet. */
    public static List<String> fields(Path pcap, List<String> fields, int... l2tpPorts) throws IOException {
        List<String> options = new ArrayList<>(List.of("-T", "fields"));
        fields.forEach(f -> options.addAll(List.of("-e", f)));
        return new String(run(pcap, options, l2tpPorts), StandardCharsets.UTF_8).lines().toList();
    }

    /** Copies the packets of {@code in} that match the display filter into {@code out} (classic pcap). */
    static void filter(Path in, String displayFilter, Path out) throws IOException {
        run(in, List.of("-Y", displayFilter, "-F", "pcap", "-w", out.toString()));
    }

    private static byte[] run(Path pcap, List<String> options, int... l2tpPorts) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(PeerTool.TSHARK.require().toString(), "-r", pcap.toString()));
        for (int port : l2tpPorts) {
            cmd.addAll(List.of("-d", "udp.port==" + port + ",l2tp"));
        }
        cmd.addAll(options);
        Path err = Files.createTempFile("tshark-", ".err");
        try {
            Process p = ChildProcesses.start(new ProcessBuilder(cmd).redirectError(err.toFile()));
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                ChildProcesses.stop(p, Duration.ofSeconds(1));
                throw new AssertionError("tshark failed on " + pcap + ": " + Files.readString(err));
            }
            ChildProcesses.stop(p, Duration.ofSeconds(1));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running tshark", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
