package net.vpdn.l2tp.session;

/** Which of the four call state machines of RFC 2661 §7.3-§7.5 a {@link SessionFsm} runs. */
public enum SessionRole {
    /** LAC side of an incoming call (§7.4): sends ICRQ, receives ICRP, sends ICCN. */
    LAC_INCOMING(true, true),
    /** LNS side of an incoming call (§7.4): receives ICRQ, sends ICRP, receives ICCN. */
    LNS_INCOMING(false, false),
    /** LAC side of an outgoing call (§7.5): receives OCRQ, sends OCRP, places the call, sends OCCN. */
    LAC_OUTGOING(true, false),
    /** LNS side of an outgoing call (§7.5): sends OCRQ, receives OCRP and OCCN. */
    LNS_OUTGOING(false, true);

    private final boolean lac;
    private final boolean initiator;

    SessionRole(boolean lac, boolean initiator) {
        this.lac = lac;
        this.initiator = initiator;
    }

    /** Whether this side is the LAC (receives SLI, sends WEN). */
    public boolean isLac() {
        return lac;
    }

    /** Whether this side sends the first message (ICRQ or OCRQ) and so is opened locally. */
    public boolean isInitiator() {
        return initiator;
    }
}
