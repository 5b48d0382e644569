package net.vpdn.admin.cli;

/** A ctl failure whose message is the one line shown to the operator (never containing the token). */
public final class CtlException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure with its one-line message. */
    public CtlException(String message) {
        super(message);
    }

    /** A failure with its one-line message and the underlying cause (for debugging only). */
    public CtlException(String message, Throwable cause) {
        super(message, cause);
    }
}
