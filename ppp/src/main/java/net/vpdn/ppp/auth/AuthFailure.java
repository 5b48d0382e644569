package net.vpdn.ppp.auth;

/** Why authentication failed; a statistics label. */
public enum AuthFailure {
    /** The verifier (AAA) rejected the credentials. */
    REJECTED_BY_VERIFIER,
    /** The authenticator rejected us (we are the peer). */
    REJECTED_BY_AUTHENTICATOR,
    /** No answer within the retries. */
    TIMEOUT,
    /** MS-CHAPv2: the server's "S=" response did not prove it knows our password (RFC 2759 §5). */
    AUTHENTICATOR_RESPONSE_MISMATCH
}
