package net.vpdn.ppp.fsm;

/** The sixteen events of RFC 1661 §4.3, as named in the state-transition table. */
public enum CpEvent {
    /** Up: lower layer is up. */
    UP,
    /** Down: lower layer is down. */
    DOWN,
    /** Open: administrative open. */
    OPEN,
    /** Close: administrative close. */
    CLOSE,
    /** TO+: Restart timer expired, counter above zero. */
    TO_PLUS,
    /** TO-: Restart timer expired, counter exhausted. */
    TO_MINUS,
    /** RCR+: received an acceptable Configure-Request. */
    RCR_PLUS,
    /** RCR-: received an unacceptable Configure-Request. */
    RCR_MINUS,
    /** RCA: received Configure-Ack. */
    RCA,
    /** RCN: received Configure-Nak or Configure-Reject. */
    RCN,
    /** RTR: received Terminate-Request. */
    RTR,
    /** RTA: received Terminate-Ack. */
    RTA,
    /** RUC: received an unknown code. */
    RUC,
    /** RXJ+: received a permitted Code-Reject or Protocol-Reject. */
    RXJ_PLUS,
    /** RXJ-: received a catastrophic Code-Reject or Protocol-Reject. */
    RXJ_MINUS,
    /** RXR: received Echo-Request, Echo-Reply or Discard-Request. */
    RXR
}
