package net.vpdn.tests.peers;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What tshark made of a capture: how many packets, how many L2TP messages of each type ("SCCRQ",
 * "ZLB", "DATA", ...), how many malformed packets, and every expert item of severity warning or
 * error raised inside an L2TP or PPP layer ({@code problems}, one "frame N: layer: message" each).
 *
 * @param packets      frames in the file
 * @param l2tpMessages count per L2TP message name (control messages by type, "ZLB", "DATA")
 * @param malformed    frames tshark marked "[Malformed Packet]"
 * @param problems     malformed frames and expert warnings/errors, human readable
 * @param results      the Result Code AVP of every StopCCN and CDN, in capture order
 * @param layerFrames  frames per checked layer (and icmp) that tshark decoded, e.g. "chap" → 4
 * @param proxyAuthenTypes the Proxy Authen Type AVP of every ICCN that has one (2 CHAP, 3 PAP), in capture order
 * @param distinctMessages control messages per name with retransmissions left out: one per sender, tunnel id and Ns
 */
public record TsharkCheck(int packets, Map<String, Integer> l2tpMessages, int malformed, List<String> problems,
                          List<Result> results, Map<String, Integer> layerFrames, List<Integer> proxyAuthenTypes,
                          Map<String, Integer> distinctMessages) {

    /**
     * One Result Code AVP as tshark decoded it.
     *
     * @param frame        frame number (1-based)
     * @param message      "StopCCN" or "CDN"
     * @param resultCode   the Result Code
     * @param errorCode    the Error Code, -1 when absent
     * @param errorMessage the Error Message, empty when absent
     */
    public record Result(int frame, String message, int resultCode, int errorCode, String errorMessage) { }

    private static final List<String> CHECKED_LAYERS =
            List.of("l2tp", "ppp", "lcp", "chap", "pap", "ipcp", "ipv6cp", "ccp", "pppoe", "pppoed", "pppoes");
    /** tshark's PI_WARN; PI_ERROR is 0x00800000. */
    private static final int SEVERITY_WARN = 0x00600000;
    private static final String[] MESSAGE_NAMES = {null, "SCCRQ", "SCCRP", "SCCCN", "StopCCN", null, "HELLO",
            "OCRQ", "OCRP", "OCCN", "ICRQ", "ICRP", "ICCN", null, "CDN", "WEN", "SLI"};

    public TsharkCheck {
        l2tpMessages = Map.copyOf(l2tpMessages);
        problems = List.copyOf(problems);
        results = List.copyOf(results);
        layerFrames = Map.copyOf(layerFrames);
        proxyAuthenTypes = List.copyOf(proxyAuthenTypes);
        distinctMessages = Map.copyOf(distinctMessages);
    }

    /** Frames in which tshark decoded this layer ("lcp", "chap", "pap", "ipcp", "icmp", ...). */
    public int frames(String layer) {
        return layerFrames.getOrDefault(layer, 0);
    }

    /** Whether there is no malformed packet and no expert warning or error. */
    public boolean clean() {
        return problems.isEmpty();
    }

    /** How many L2TP messages of this name ("SCCRQ", "StopCCN", "ZLB", ...) were seen. */
    public int count(String message) {
        return l2tpMessages.getOrDefault(message, 0);
    }

    /**
     * How many different control messages of this name were sent, a retransmission (same sender, tunnel id
     * and Ns) counting once: what a test asserts when a slow peer may make either side retransmit.
     */
    public int distinct(String message) {
        return distinctMessages.getOrDefault(message, 0);
    }

    /** Parses tshark's {@code -T pdml} output. */
    static TsharkCheck fromPdml(InputStream pdml) throws IOException {
        Element root;
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = f.newDocumentBuilder().parse(pdml).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("tshark PDML did not parse", e);
        }
        Map<String, Integer> counts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        Map<String, Integer> layers = new TreeMap<>();
        List<Integer> proxyTypes = new ArrayList<>();
        Map<String, Integer> distinct = new TreeMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int malformed = 0;
        NodeList packets = root.getElementsByTagName("packet");
        for (int i = 0; i < packets.getLength(); i++) {
            Element packet = (Element) packets.item(i);
            int frame = i + 1;
            List<Element> protos = elements(packet, "proto");
            var bad = protos.stream().filter(p -> p.getAttribute("name").equals("_ws.malformed")).findFirst();
            if (bad.isPresent()) {
                malformed++;
                problems.add("frame " + frame + ": " + bad.get().getAttribute("showname"));
            }
            for (Element proto : protos) {
                String name = proto.getAttribute("name");
                if (CHECKED_LAYERS.contains(name)) {
                    problems.addAll(expertProblems(frame, name, proto));
                }
                if (CHECKED_LAYERS.contains(name) || name.equals("icmp")) {
                    layers.merge(name, 1, Integer::sum);
                }
                if (name.equals("l2tp")) {
                    String message = messageName(proto);
                    counts.merge(message, 1, Integer::sum);
                    if (seen.add(message + " " + sender(protos) + " " + value(proto, "l2tp.tunnel") + " " + value(proto, "l2tp.Ns"))) {
                        distinct.merge(message, 1, Integer::sum);
                    }
                    resultOf(frame, message, proto).ifPresent(results::add);
                    fields(proto, "l2tp.avp.proxy_authen_type").forEach(f -> proxyTypes.add(Integer.decode(f.getAttribute("show"))));
                }
            }
        }
        return new TsharkCheck(packets.getLength(), counts, malformed, problems, results, layers, proxyTypes, distinct);
    }

    private static Optional<Result> resultOf(int frame, String message, Element l2tp) {
        List<Element> rc = fields(l2tp, "l2tp.result_code");
        if (rc.isEmpty()) {
            return Optional.empty();
        }
        List<Element> ec = fields(l2tp, "l2tp.avp.error_code");
        List<Element> em = fields(l2tp, "l2tp.avp.error_message");
        return Optional.of(new Result(frame, message, Integer.decode(rc.getFirst().getAttribute("show")),
                ec.isEmpty() ? -1 : Integer.decode(ec.getFirst().getAttribute("show")),
                em.isEmpty() ? "" : em.getFirst().getAttribute("show")));
    }

    private static List<String> expertProblems(int frame, String layer, Element proto) {
        List<String> out = new ArrayList<>();
        for (Element expert : fields(proto, "_ws.expert")) {
            int severity = fields(expert, "_ws.expert.severity").stream()
                    .mapToInt(e -> Integer.decode(e.getAttribute("show"))).findFirst().orElse(0);
            if (severity >= SEVERITY_WARN) {
                out.add("frame " + frame + ": " + layer + ": " + expert.getAttribute("showname"));
            }
        }
        return out;
    }

    private static String messageName(Element l2tp) {
        List<Element> type = fields(l2tp, "l2tp.avp.message_type");
        if (!type.isEmpty()) {
            int code = Integer.decode(type.getFirst().getAttribute("show"));
            return code > 0 && code < MESSAGE_NAMES.length && MESSAGE_NAMES[code] != null
                    ? MESSAGE_NAMES[code] : "type-" + code;
        }
        if (!fields(l2tp, "l2tp.zero_length_body_message").isEmpty()) {
            return "ZLB";
        }
        List<Element> t = fields(l2tp, "l2tp.type");
        return !t.isEmpty() && t.getFirst().getAttribute("show").equals("0") ? "DATA" : "CONTROL-UNKNOWN";
    }

    /** The sending address and port of a frame, from its ip and udp layers. */
    private static String sender(List<Element> protos) {
        StringBuilder b = new StringBuilder();
        for (Element p : protos) {
            if (p.getAttribute("name").equals("ip")) b.append(value(p, "ip.src"));
            if (p.getAttribute("name").equals("udp")) b.append(':').append(value(p, "udp.srcport"));
        }
        return b.toString();
    }

    private static String value(Element scope, String field) {
        List<Element> f = fields(scope, field);
        return f.isEmpty() ? "" : f.getFirst().getAttribute("show");
    }

    private static List<Element> fields(Element scope, String name) {
        return elements(scope, "field").stream().filter(e -> e.getAttribute("name").equals(name)).toList();
    }

    private static List<Element> elements(Element scope, String tag) {
        NodeList nl = scope.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>(nl.getLength());
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** One line for assertion messages. */
    public String summary() {
        return packets + " packets, L2TP " + l2tpMessages + ", layers " + layerFrames + ", " + malformed
                + " malformed, problems " + problems + ", results " + results;
    }
}
