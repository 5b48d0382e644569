package net.vpdn.ppp.wire;

import java.util.Optional;

/**
 * PPP protocol field values this engine knows (RFC 1661 §2, IANA "PPP DLL Protocol Numbers").
 * Frames carry the number as an int so that unknown protocols survive decoding and can be
 * answered with an LCP Protocol-Reject (RFC 1661 §5.7).
 */
public enum PppProtocol {
    /** Internet Protocol version 4. */
    IPV4(0x0021),
    /** Internet Protocol version 6. */
    IPV6(0x0057),
    /** IP Control Protocol, RFC 1332. */
    IPCP(0x8021),
    /** IPv6 Control Protocol, RFC 5072. */
    IPV6CP(0x8057),
    /** Compression Control Protocol, RFC 1962. */
    CCP(0x80FD),
    /** Link Control Protocol, RFC 1661. */
    LCP(0xC021),
    /** Password Authentication Protocol, RFC 1334. */
    PAP(0xC023),
    /** Link Quality Report, RFC 1989. */
    LQR(0xC025),
    /** Challenge Handshake Authentication Protocol, RFC 1994 (MS-CHAPv2 rides on it). */
    CHAP(0xC223);

    private final int number;

    PppProtocol(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The known protocol with this number, if any. */
    public static Optional<PppProtocol> of(int number) {
        for (PppProtocol p : values()) {
            if (p.number == number) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 1661 §2: the least significant bit of the low octet is 1 and that of the high octet is 0.
     */
    public static boolean isValidNumber(int number) {
        return number >= 0 && number <= 0xFFFF && (number & 0x0001) == 1 && (number & 0x0100) == 0;
    }

    /**
     * True when the value may be sent as one octet under PFC (RFC 1661 §6.5: values below 0x100).
     * 0x00FF is excluded: compressed, it would read as the 0xFF address octet when ACFC is off.
     */
    public static boolean isCompressible(int number) {
        return number < 0x100 && number != 0xFF;
    }

    /** A name for logs: the enum name or the hex value. */
    public static String nameOf(int number) {
        return of(number).map(Enum::name).orElse(String.format("0x%04x", number));
    }
}
