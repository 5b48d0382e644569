package net.vpdn.ppp.auth;

import java.time.Duration;
import net.vpdn.ppp.wire.CpPacket;

/** What an authentication session asks its shell to do, as data. */
public sealed interface AuthEffect {

    /** Send {@code packet} under PPP protocol {@code protocol} (PAP or CHAP). */
    record Send(int protocol, CpPacket packet) implements AuthEffect { }

    /** Arm the session's one timer; feed {@code token} back to {@code timeout}. */
    record ArmTimer(Duration after, long token) implements AuthEffect { }

    /** Cancel the session's timer. */
    record CancelTimer() implements AuthEffect { }

    /** Ask the verifier about {@code request}; feed the verdict back with {@code attempt}. */
    record Verify(AuthRequest request, long attempt) implements AuthEffect { }

    /** Authentication succeeded for {@code user}. */
    record Succeeded(String user) implements AuthEffect { }

    /** Authentication failed; the link must be terminated (RFC 1994 §4.4, RFC 1334 §2.2.3). */
    record Failed(AuthFailure reason, String detail) implements AuthEffect { }
}
