package net.vpdn.aaa.radius;

/**
 * Told how each RADIUS exchange with one server ended, for metrics. Called on the RADIUS event loop;
 * implementations must be quick and thread-safe. {@code server} is the configured server name for
 * the client, or the dynamic-authorization client's configured address for requests we receive: a
 * bounded set, never a user.
 */
@FunctionalInterface
public interface RadiusObserver {
    /** What was asked. */
    enum Type {
        /** Access-Request sent. */
        ACCESS,
        /** Accounting-Request sent. */
        ACCOUNTING,
        /** Disconnect-Request or CoA-Request received (RFC 5176). */
        COA
    }

    /** How it ended. */
    enum Outcome {
        /** Access-Accept, Accounting-Response, Disconnect-ACK. */
        ACCEPT,
        /** Access-Reject, Disconnect-NAK, CoA-NAK. */
        REJECT,
        /** Access-Challenge. */
        CHALLENGE,
        /** Every try to this server went unanswered (the client then fails over, if it can). */
        TIMEOUT,
        /** Not sent: too many requests already waited for an identifier to this server. */
        ERROR
    }

    /** One exchange with {@code server} ended after {@code nanos}, measured from the first transmission to it. */
    void completed(String server, Type type, Outcome outcome, long nanos);

    /** Observes nothing. */
    RadiusObserver NONE = (server, type, outcome, nanos) -> { };
}
