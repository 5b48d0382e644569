package net.vpdn.ppp.fsm;

/** The thirteen actions of RFC 1661 §4.4, as abbreviated in the state-transition table. */
public enum CpAction {
    /** tlu: This-Layer-Up. */
    TLU,
    /** tld: This-Layer-Down. */
    TLD,
    /** tls: This-Layer-Started. */
    TLS,
    /** tlf: This-Layer-Finished. */
    TLF,
    /** irc: Initialize-Restart-Count (Max-Configure or Max-Terminate). */
    IRC,
    /** zrc: Zero-Restart-Count. */
    ZRC,
    /** scr: Send-Configure-Request. */
    SCR,
    /** sca: Send-Configure-Ack. */
    SCA,
    /** scn: Send-Configure-Nak or Configure-Reject. */
    SCN,
    /** str: Send-Terminate-Request. */
    STR,
    /** sta: Send-Terminate-Ack. */
    STA,
    /** scj: Send-Code-Reject. */
    SCJ,
    /** ser: Send-Echo-Reply. */
    SER
}
