package net.vpdn.lac.select;

/** Where the domain sits in a structured user name. */
public enum DomainForm {
    /** {@code user@domain}: the domain follows the last delimiter. */
    SUFFIX,
    /** {@code domain/user}: the domain precedes the first delimiter. */
    PREFIX
}
