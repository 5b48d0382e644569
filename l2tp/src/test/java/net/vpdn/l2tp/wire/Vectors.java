package net.vpdn.l2tp.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Loads annotated hex vectors from {@code src/test/resources/vectors/}: '#' starts a comment. */
public final class Vectors {
    /** The hand-built RFC 2661 vectors. */
    public static final List<String> RFC2661 = List.of("sccrq", "zlb", "data-plain", "data-seq-offset", "l2f", "l2tpv3");

    private Vectors() {
    }

    public static byte[] load(String name) {
        String path = "/vectors/rfc2661/" + name + ".hex";
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + path);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                int hash = line.indexOf('#');
                hex.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
