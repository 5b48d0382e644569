package net.vpdn.ppp.auth;

/** The verifier's answer to an {@link AuthRequest}. */
public sealed interface AuthVerdict {

    /**
     * Accepted. For MS-CHAPv2 {@code message} must start with the 42-character authenticator
     * response "S=…" (RFC 2759 §5) that RADIUS returns in MS-CHAP2-Success; for PAP and CHAP-MD5
     * it is a free text for the Ack/Success packet.
     */
    record Accept(String message) implements AuthVerdict { }

    /** Rejected, with a text for the Nak/Failure packet (kept short; peers show it to users). */
    record Reject(String message) implements AuthVerdict { }
}
