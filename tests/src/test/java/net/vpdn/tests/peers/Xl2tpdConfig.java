package net.vpdn.tests.peers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One xl2tpd instance's settings, and the files they become: {@code xl2tpd.conf}, the tunnel secrets
 * file ({@code auth file}) and the pppd options file ({@code pppoptfile}). Everything lives in one
 * directory so no instance touches {@code /etc} or {@code /var/run}.
 *
 * @param role          LNS ({@code [lns default]}, accepts any LAC) or LAC ({@code [lac name]})
 * @param lacName       the {@code [lac ...]} section name, used by the {@code c}/{@code d} control commands
 * @param hostname      sent in the Host Name AVP
 * @param secret        the tunnel secret, or empty for no tunnel authentication (never printed)
 * @param challenge     whether xl2tpd sends a Challenge AVP ({@code challenge = yes})
 * @param listenPort    local UDP port on 127.0.0.1 (xl2tpd also sends from it: it never floats ports)
 * @param peerHost      LAC only: the LNS address
 * @param peerPort      LAC only: the LNS port
 * @param autodial      LAC only: dial at start instead of waiting for {@code c name}
 * @param ipRange       LNS only: addresses handed to pppd
 * @param localIp       LNS only: pppd's local address
 * @param pppOptions    lines of the pppd options file
 * @param holdPppd      make pppd block on its options file (a FIFO nobody writes) instead of exiting at once
 *                      for lack of /dev/ppp: this side then never ends a call by itself, the peer's CDN
 *                      (or a hang-up) does, and xl2tpd kills the blocked pppd. {@code pppOptions} are unused.
 * @param extraLines    raw {@code key = value} lines appended to the lac/lns section
 */
public record Xl2tpdConfig(Xl2tpd.Role role, String lacName, String hostname, Optional<String> secret,
                           boolean challenge, int listenPort, String peerHost, int peerPort, boolean autodial,
                           String ipRange, String localIp, List<String> pppOptions, boolean holdPppd,
                           List<String> extraLines) {

    public Xl2tpdConfig {
        Objects.requireNonNull(role);
        Objects.requireNonNull(secret);
        pppOptions = List.copyOf(pppOptions);
        extraLines = List.copyOf(extraLines);
        if (secret.isPresent() && (secret.get().isEmpty() || secret.get().chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("tunnel secret must be non-empty without whitespace (xl2tpd's secrets file is space separated)");
        }
        if (challenge && secret.isEmpty()) {
            throw new IllegalArgumentException("challenge = yes needs a tunnel secret");
        }
        if (role == Xl2tpd.Role.LAC && (peerHost == null || peerPort <= 0)) {
            throw new IllegalArgumentException("a LAC needs the LNS address and port");
        }
    }

    /** {@code xl2tpd.conf}, with the given paths for the secrets and pppd options files. */
    public String renderConf(String authFile, String pppOptFile) {
        StringBuilder b = new StringBuilder()
                .append("[global]\n")
                .append("listen-addr = 127.0.0.1\n")
                .append("port = ").append(listenPort).append('\n')
                .append("auth file = ").append(authFile).append('\n')
                .append("access control = no\n")
                .append("debug avp = yes\n");    // makes xl2tpd log the Result Code of every StopCCN/CDN it receives
        if (role == Xl2tpd.Role.LNS) {
            b.append("\n[lns default]\n")
                    .append("ip range = ").append(ipRange).append('\n')
                    .append("local ip = ").append(localIp).append('\n');
        } else {
            b.append("\n[lac ").append(lacName).append("]\n")
                    .append("lns = ").append(peerHost).append(':').append(peerPort).append('\n')
                    .append("autodial = ").append(autodial ? "yes" : "no").append('\n')
                    .append("redial = no\n");
        }
        b.append("hostname = ").append(hostname).append('\n')
                .append("challenge = ").append(challenge ? "yes" : "no").append('\n')
                .append("require authentication = no\n")
                .append("length bit = yes\n")
                .append("ppp debug = yes\n")
                .append("pppoptfile = ").append(pppOptFile).append('\n');
        extraLines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    /** The secrets file: "them me secret" with wildcards, or empty without tunnel authentication. */
    public String renderSecrets() {
        return secret.map(s -> "* * " + s + "\n").orElse("");
    }

    /** The pppd options file. */
    public String renderPppOptions() {
        return String.join("\n", pppOptions) + "\n";
    }

    @Override
    public String toString() {
        return "Xl2tpdConfig[" + role + (role == Xl2tpd.Role.LAC ? " '" + lacName + "' -> " + peerHost + ":" + peerPort : "")
                + ", hostname=" + hostname + ", port=" + listenPort + ", secret=" + (secret.isPresent() ? "<redacted>" : "none")
                + ", challenge=" + challenge + "]";
    }
}
