package net.vpdn.vtemplate;

/**
 * Why a virtual-access interface went away, with the RADIUS Acct-Terminate-Cause value it is
 * reported as (RFC 2866 §5.10).
 */
public enum TerminateCause {
    /** 1: the user asked (LCP Terminate-Request from the client). */
    USER_REQUEST(1),
    /** 2: the carrier dropped (the L2TP call or tunnel went down, or the peer stopped answering echoes). */
    LOST_CARRIER(2),
    /** 3: the service can no longer be provided. */
    LOST_SERVICE(3),
    /** 4: no traffic for the idle timeout. */
    IDLE_TIMEOUT(4),
    /** 5: the session timeout elapsed. */
    SESSION_TIMEOUT(5),
    /** 6: an administrator reset the session. */
    ADMIN_RESET(6),
    /** 7: an administrator is rebooting the NAS. */
    ADMIN_REBOOT(7),
    /** 8: the port had an error (negotiation failed). */
    PORT_ERROR(8),
    /** 9: the NAS had an error (for example no address could be assigned). */
    NAS_ERROR(9),
    /** 10: the NAS ended the session for a non-error reason. */
    NAS_REQUEST(10),
    /** 11: the NAS is rebooting. */
    NAS_REBOOT(11),
    /** 12: the port is no longer needed. */
    PORT_UNNEEDED(12),
    /** 13: the port was pre-empted. */
    PORT_PREEMPTED(13),
    /** 14: the port was suspended. */
    PORT_SUSPENDED(14),
    /** 15: the service is unavailable. */
    SERVICE_UNAVAILABLE(15),
    /** 16: callback. */
    CALLBACK(16),
    /** 17: the user made an error (authentication failed). */
    USER_ERROR(17),
    /** 18: the host asked. */
    HOST_REQUEST(18);

    private final int radiusValue;

    TerminateCause(int radiusValue) {
        this.radiusValue = radiusValue;
    }

    /** The Acct-Terminate-Cause attribute value. */
    public int radiusValue() {
        return radiusValue;
    }
}
