package net.vpdn.ppp.fsm;

/**
 * How a layer classifies a received code outside Configure/Terminate/Code-Reject (RFC 1661 §4.3):
 * only LCP knows codes 8–11; an NCP answers everything else with a Code-Reject.
 */
public enum OtherCode {
    /** RXR: Echo-Request, Echo-Reply or Discard-Request. */
    RXR,
    /** RXJ+: a Protocol-Reject of a protocol we can live without. */
    RXJ_PLUS,
    /** RXJ-: a Protocol-Reject of something the link cannot work without (LCP itself). */
    RXJ_MINUS,
    /** RUC: a code this layer does not know. */
    UNKNOWN
}
