package net.vpdn.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The JSON contract: field names are stable and every field is documented in README.md")
class AdminApiContractTest {

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("TunnelView", FakeModel.TUNNEL, List.of("localId", "remoteId", "localAddress", "localPort",
                        "peerAddress", "peerPort", "peerHostName", "state", "sessions", "uptimeSeconds", "groupName")),
                Arguments.of("SessionView", FakeModel.SESSION, List.of("localId", "remoteId", "tunnelLocalId", "tunnelRemoteId",
                        "state", "user", "interfaceName", "address", "calling", "called", "uptimeSeconds",
                        "packetsIn", "packetsOut", "octetsIn", "octetsOut")),
                Arguments.of("ReloadReport", new ReloadReport(List.of(), List.of(), List.of()),
                        List.of("applied", "restartRequired", "errors")),
                Arguments.of("TunnelList", new Api.TunnelList("lns", List.of()), List.of("role", "tunnels")),
                Arguments.of("SessionList", new Api.SessionList("lac", List.of()), List.of("role", "sessions")),
                Arguments.of("Health", new Api.Health("alive", "lns"), List.of("status", "role")),
                Arguments.of("Ready", new Api.Ready(true, "lns"), List.of("ready", "role")),
                Arguments.of("Error", new Api.Error("x"), List.of("error")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    @DisplayName("serialises exactly the documented fields, in order, nulls included")
    void fieldNames(String name, Object document, List<String> fields) {
        JsonNode tree = Api.mapper().valueToTree(document);
        List<String> actual = new ArrayList<>();
        tree.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).containsExactlyElementsOf(fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    @DisplayName("README.md has a table for the document listing exactly its fields")
    void documented(String name, Object document, List<String> fields) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n### " + name + "\n");
        assertThat(start).as("section ### %s in README.md", name).isNotNegative();
        int end = readme.indexOf("\n#", start + 5);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|").matcher(section);
        List<String> documentedFields = new ArrayList<>();
        while (m.find()) {
            documentedFields.add(m.group(1));
        }
        assertThat(documentedFields).containsExactlyElementsOf(fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    @DisplayName("reads back what it writes (the ctl client parses the server's documents)")
    void roundTrip(String name, Object document, List<String> fields) throws Exception {
        byte[] json = Api.mapper().writeValueAsBytes(document);
        assertThat(Api.mapper().readValue(json, document.getClass())).isEqualTo(document);
    }
}
