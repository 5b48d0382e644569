package net.vpdn.ppp.wire;

/**
 * The outcome of a total decoder: the value, or why the input was dropped. Decoders in this
 * package never throw on any input.
 *
 * @param <T> the decoded type
 */
public sealed interface Decoded<T> permits Decoded.Ok, Decoded.Malformed {

    /** The input decoded to {@code value}. */
    record Ok<T>(T value) implements Decoded<T> { }

    /** The input was malformed: a metric label and a precise detail for logs. */
    record Malformed<T>(PppDropReason reason, String detail) implements Decoded<T> { }

    /** A malformed result. */
    static <T> Decoded<T> malformed(PppDropReason reason, String detail) {
        return new Malformed<>(reason, detail);
    }

    /** True when decoding succeeded. */
    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value; a programmer error when malformed. */
    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Malformed<T> m -> throw new IllegalStateException(m.reason() + ": " + m.detail());
        };
    }
}
