package net.vpdn.aaa.radius;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.dictionary.WritableDictionary;
import org.tinyradius.core.dictionary.parser.DictionaryParser;
import org.tinyradius.core.dictionary.parser.ResourceParser;
import org.tinyradius.core.dictionary.parser.resolver.ClasspathResourceResolver;

/**
 * The RADIUS dictionary: TinyRadius's default one (RFC 2865/2866/2869/3579/5176 attributes and
 * Tunnel-Password) plus {@code net/vpdn/aaa/radius/dictionary} (the other RFC 2868 tunnel
 * attributes, RFC 2867 and the RFC 2548 Microsoft attributes), in TinyRadius's format.
 */
public final class RadiusDictionary {
    /** Our additions, a classpath resource. */
    static final String ADDITIONS = "net/vpdn/aaa/radius/dictionary";
    /** TinyRadius's own default dictionary resource. */
    static final String TINYRADIUS_DEFAULT = "org/tinyradius/core/dictionary/default_dictionary";

    /** The dictionary every packet here is built and parsed with. */
    public static final Dictionary INSTANCE = load();

    /** Microsoft's SMI private enterprise code, RFC 2548 §2. */
    public static final int MICROSOFT = 311;
    /** The Broadband Forum's (ex ADSL Forum's) enterprise code: RFC 4679 access line attributes. */
    public static final int ADSL_FORUM = 3561;
    /** TinyRadius's vendor id for standard (non-vendor) attributes. */
    public static final int STANDARD = -1;

    private RadiusDictionary() {
    }

    private static Dictionary load() {
        try {
            // a fresh copy of the default: DefaultDictionary.INSTANCE is shared and mutable
            WritableDictionary base = DictionaryParser.newClasspathParser().parseDictionary(TINYRADIUS_DEFAULT);
            return new ResourceParser(base, ClasspathResourceResolver.INSTANCE).parseDictionary(ADDITIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("RADIUS dictionary " + ADDITIONS + " unreadable", e);
        }
    }
}
