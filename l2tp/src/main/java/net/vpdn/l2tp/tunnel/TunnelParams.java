package net.vpdn.l2tp.tunnel;

import java.time.Duration;
import java.util.Objects;
import net.vpdn.l2tp.TunnelSecret;

/**
 * Local configuration of one control connection.
 *
 * @param hostName         our Host Name AVP, RFC 2661 §4.4.3 (non-empty)
 * @param secret           shared secret for tunnel authentication (§5.1.1), {@code null} for none
 * @param receiveWindow    our Receive Window Size AVP, 1..65535
 * @param helloInterval    idle time before a HELLO is sent (§5.5); zero disables HELLO
 * @param stopHold         how long state is held after StopCCN (§5.7, recommended 31 s)
 * @param vendorName       our Vendor Name AVP; empty to omit it
 * @param firmwareRevision our Firmware Revision AVP, 0..65535
 * @param challengePeer    send a Challenge in SCCRQ/SCCRP when a secret is set
 */
public record TunnelParams(String hostName, TunnelSecret secret, int receiveWindow, Duration helloInterval,
                           Duration stopHold, String vendorName, int firmwareRevision, boolean challengePeer) {

    /** RFC 2661 §5.7: the recommended full retransmission cycle. */
    public static final Duration DEFAULT_STOP_HOLD = Duration.ofSeconds(31);
    public static final Duration DEFAULT_HELLO_INTERVAL = Duration.ofSeconds(60);
    public static final int DEFAULT_RECEIVE_WINDOW = 8;

    public TunnelParams {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(helloInterval, "helloInterval");
        Objects.requireNonNull(stopHold, "stopHold");
        if (hostName.isEmpty()) throw new IllegalArgumentException("hostName must not be empty");
        if (receiveWindow < 1 || receiveWindow > 0xFFFF) {
            throw new IllegalArgumentException("receiveWindow must be 1..65535, was " + receiveWindow);
        }
        if (helloInterval.isNegative()) throw new IllegalArgumentException("helloInterval must not be negative");
        if (stopHold.isNegative()) throw new IllegalArgumentException("stopHold must not be negative");
        if (firmwareRevision < 0 || firmwareRevision > 0xFFFF) {
            throw new IllegalArgumentException("firmwareRevision must be 0..65535, was " + firmwareRevision);
        }
        if (vendorName == null) vendorName = "";
    }

    /** No secret, window 8, HELLO after 60 s, 31 s StopCCN hold, vendor "vpdn", challenge when a secret is set. */
    public static TunnelParams defaults(String hostName) {
        return new TunnelParams(hostName, null, DEFAULT_RECEIVE_WINDOW, DEFAULT_HELLO_INTERVAL, DEFAULT_STOP_HOLD,
                "vpdn", 0x0100, true);
    }

    /** A copy with another secret ({@code null} for none). */
    public TunnelParams withSecret(TunnelSecret newSecret) {
        return new TunnelParams(hostName, newSecret, receiveWindow, helloInterval, stopHold, vendorName,
                firmwareRevision, challengePeer);
    }

    /** A copy with another HELLO interval. */
    /** The Receive Window Size we advertise; the engine sets it to its transport's receive window. */
    public TunnelParams withReceiveWindow(int window) {
        return new TunnelParams(hostName, secret, window, helloInterval, stopHold, vendorName,
                firmwareRevision, challengePeer);
    }

    public TunnelParams withHelloInterval(Duration interval) {
        return new TunnelParams(hostName, secret, receiveWindow, interval, stopHold, vendorName,
                firmwareRevision, challengePeer);
    }

    /** A copy that does or does not challenge the peer. */
    public TunnelParams withChallengePeer(boolean challenge) {
        return new TunnelParams(hostName, secret, receiveWindow, helloInterval, stopHold, vendorName,
                firmwareRevision, challenge);
    }

    @Override
    public String toString() {
        return "TunnelParams[hostName=" + hostName + ", secret=" + (secret == null ? "<none>" : "<redacted>")
                + ", receiveWindow=" + receiveWindow + ", helloInterval=" + helloInterval + ", stopHold=" + stopHold
                + ", vendorName=" + vendorName + ", firmwareRevision=" + firmwareRevision
                + ", challengePeer=" + challengePeer + "]";
    }
}
