package net.vpdn.config;

import java.util.List;

/**
 * An ordered AAA method list: the next method is tried only when the previous one is unavailable
 * (RADIUS servers all dead) or, for {@code local}, when the user is not defined locally; a definite
 * reject from any method ends the search.
 *
 * @param methods methods in order of use; empty means "none" (e.g. no accounting)
 */
public record MethodList(List<AaaMethod> methods) {
    /** Copies the list. */
    public MethodList {
        methods = List.copyOf(methods);
    }

    /** A list of the given methods in order. */
    public static MethodList of(AaaMethod... methods) {
        return new MethodList(List.of(methods));
    }

    /** Whether the list is empty (the function is switched off). */
    public boolean isEmpty() {
        return methods.isEmpty();
    }

    /** Whether the list uses the given method. */
    public boolean uses(AaaMethod method) {
        return methods.contains(method);
    }
}
