package net.vpdn.lac.select;

import java.util.Objects;
import java.util.Optional;

/**
 * Splits a PPP user name into local part and domain, for choosing a vpdn-group by domain.
 * Suffix form takes the text after the last delimiter ({@code alice@corp.example}); prefix form
 * the text before the first ({@code corp.example/alice}). A name without the delimiter, or with
 * nothing on the domain side of it, has no domain. Total: never throws on any input.
 *
 * @param delimiter the separator character (commonly {@code '@'} for suffix, {@code '/'} or {@code '\\'} for prefix)
 * @param form      where the domain sits
 */
public record UserNameParser(char delimiter, DomainForm form) {

    public UserNameParser {
        Objects.requireNonNull(form, "form");
    }

    /** {@code user@domain}. */
    public static UserNameParser suffix(char delimiter) {
        return new UserNameParser(delimiter, DomainForm.SUFFIX);
    }

    /** {@code domain/user}. */
    public static UserNameParser prefix(char delimiter) {
        return new UserNameParser(delimiter, DomainForm.PREFIX);
    }

    /** The parsed parts of {@code userName}. */
    public ParsedName parse(String userName) {
        String name = userName == null ? "" : userName;
        int at = form == DomainForm.SUFFIX ? name.lastIndexOf(delimiter) : name.indexOf(delimiter);
        if (at < 0) {
            return new ParsedName(name, name, Optional.empty());
        }
        String domain = form == DomainForm.SUFFIX ? name.substring(at + 1) : name.substring(0, at);
        String local = form == DomainForm.SUFFIX ? name.substring(0, at) : name.substring(at + 1);
        return new ParsedName(name, local, domain.isEmpty() ? Optional.empty() : Optional.of(domain.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * A user name split.
     *
     * @param full   the name as the subscriber sent it
     * @param local  the part without the domain
     * @param domain the domain, lower-cased (domains compare without case, RFC 4343), if any
     */
    public record ParsedName(String full, String local, Optional<String> domain) { }
}
