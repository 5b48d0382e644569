package net.vpdn.aaa;

/** The answer of one AAA method to an authentication request. */
public sealed interface AuthResult {

    /** Accepted, with what the user is allowed. */
    record Accept(Authorization authorization) implements AuthResult { }

    /** Rejected: final, later methods are not asked. */
    record Reject(String message) implements AuthResult { }

    /** This method could not decide; a {@link MethodList} asks the next one. */
    record NoDecision(Why why, String detail) implements AuthResult { }

    /** Why a method could not decide. */
    enum Why {
        /** The local table does not know the user or domain. */
        UNKNOWN,
        /** No RADIUS server answered (or every answer was discarded as malformed). */
        NO_ANSWER
    }
}
