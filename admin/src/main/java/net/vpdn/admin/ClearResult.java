package net.vpdn.admin;

/** What a session clear found. */
public enum ClearResult {
    /** Exactly one session matched; its teardown started. */
    CLEARED,
    /** No session matched. */
    NOT_FOUND,
    /** Several sessions matched (a bare session id present in more than one tunnel); none was cleared. */
    AMBIGUOUS
}
