package net.vpdn.l2tp.avp;

/** Whether a typed message carries the AVPs its type requires ({@link MessageSpec}). */
public sealed interface SpecResult {

    /** Every required AVP is present. */
    record Valid() implements SpecResult {
    }

    /**
     * A required AVP is absent. {@code resultCode} and {@code error} are what to answer with:
     * Result Code 2 (General error: StopCCN for tunnel messages, CDN for session messages) with
     * Error Code 2 "Length is wrong" (RFC 2661 §4.4.2). {@code message} suits the Error Message.
     */
    record MissingAvp(AvpType missing, int resultCode, ErrorCode error, String message) implements SpecResult {
    }
}
