package net.vpdn.config;

/** The result of parsing one configuration value: the value, or why the text is not acceptable. */
sealed interface Parsed<T> {
    /** An accepted value. */
    record Ok<T>(T value) implements Parsed<T> {
    }

    /** A rejected value; {@code problem} must not quote secrets. */
    record Bad<T>(String problem) implements Parsed<T> {
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> bad(String problem) {
        return new Bad<>(problem);
    }
}
