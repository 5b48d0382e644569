package net.vpdn.admin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import net.vpdn.admin.SessionRef;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code vpdn ctl}: shows and clears tunnels and sessions and reloads the configuration of a running
 * LAC or LNS through its admin API. Exit status: 0 done, 1 the process refused or could not be reached
 * (one line on stderr says why), 2 bad command line.
 */
@Command(name = "ctl", mixinStandardHelpOptions = true, version = "vpdn ctl",
        description = "Talk to a running vpdn LAC or LNS through its admin API.",
        subcommands = {Ctl.Show.class, Ctl.Clear.class, Ctl.Reload.class})
public final class Ctl implements Callable<Integer> {

    /** Default admin URL when neither {@code --url} nor {@code VPDN_ADMIN_URL} is given. */
    public static final String DEFAULT_URL = "http://127.0.0.1:9170";
    static final String ENV_URL = "VPDN_ADMIN_URL";
    static final String ENV_TOKEN = "VPDN_ADMIN_TOKEN";

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Admin API URL (default: $" + ENV_URL + ", else " + DEFAULT_URL + ").")
    String url;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "Admin token (prefer $" + ENV_TOKEN + " or --token-file: a command line is visible to other users).")
    String token;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "File whose first line is the admin token.")
    Path tokenFile;

    private final Map<String, String> env;
    private final PrintWriter out;

    private Ctl(Map<String, String> env, PrintWriter out) {
        this.env = env;
        this.out = out;
    }

    /** Runs ctl with the process environment and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out, err));
    }

    /** Runs ctl against the given environment and streams; returns the exit status. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Ctl(env, out));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("vpdn ctl: " + (e instanceof CtlException ? e.getMessage() : "failed: " + e.getClass().getSimpleName()));
            err.flush();
            return 1;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return 2;
    }

    AdminClient client() throws CtlException {
        String u = url != null ? url : env.getOrDefault(ENV_URL, DEFAULT_URL);
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new CtlException("bad admin URL '" + TextTable.fit(u, 80) + "'");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new CtlException("bad admin URL '" + TextTable.fit(u, 80) + "': expected http://HOST:PORT");
        }
        return new AdminClient(uri, resolveToken());
    }

    private String resolveToken() throws CtlException {
        if (token != null) {
            return token;
        }
        if (tokenFile != null) {
            try {
                String text = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                int eol = text.indexOf('\n');
                return eol < 0 ? text : text.substring(0, eol).strip();
            } catch (IOException e) {
                throw new CtlException("cannot read token file " + tokenFile + ": " + e.getClass().getSimpleName());
            }
        }
        return env.get(ENV_TOKEN);
    }

    /** What {@code show} lists; the singular forms are there for fingers trained on IOS {@code show vpdn tunnel}. */
    enum Listing {
        tunnels, sessions, summary, tunnel, session;

        /** The plural form the API paths use. */
        Listing canonical() {
            return this == tunnel ? tunnels : this == session ? sessions : this;
        }
    }

    /** What {@code clear} tears down. */
    enum Kind { tunnel, session }

    /** {@code show tunnels|sessions [--json]} and {@code show summary}. */
    @Command(name = "show", description = "Show tunnels or sessions as a table (or JSON), or the totals by state.",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @ParentCommand Ctl ctl;
        @Parameters(index = "0", paramLabel = "tunnels|sessions|summary", description = "What to list.") Listing what;
        @Option(names = "--json", description = "Print the API's JSON document instead of a table (tunnels, sessions).")
        boolean json;

        @Override
        public Integer call() throws CtlException {
            AdminClient c = ctl.client();
            Listing what = this.what.canonical();
            if (json && what == Listing.summary) {
                throw new CtlException("--json: use show tunnels --json and show sessions --json");
            }
            if (json) {
                ctl.out.print(c.getJson("/api/" + what));
            } else if (what == Listing.tunnels) {
                ctl.out.print(Tables.tunnels(c.tunnels().tunnels()));
            } else if (what == Listing.sessions) {
                var list = c.sessions();
                ctl.out.print(Tables.sessions(list.role(), list.sessions()));
            } else {
                var tunnels = c.tunnels();
                ctl.out.print(Tables.summary(tunnels.role(), tunnels.tunnels(), c.sessions().sessions()));
            }
            return 0;
        }
    }

    /** {@code clear tunnel ID} or {@code clear session TUNNEL/SESSION|ID|Virtual-AccessN|ViN}. */
    @Command(name = "clear", description = "Tear down a tunnel (with its sessions) or a session.", mixinStandardHelpOptions = true)
    static final class Clear implements Callable<Integer> {
        @ParentCommand Ctl ctl;
        @Parameters(index = "0", paramLabel = "tunnel|session", description = "What to clear.") Kind kind;
        @Parameters(index = "1", paramLabel = "ID", description = "Tunnel: its local id (LocTunID). Session: "
                + "LocTunID/LocID (e.g. 12/345), Virtual-AccessN or ViN; a bare LocID only when no other tunnel has it.")
        String id;

        @Override
        public Integer call() throws CtlException {
            return kind == Kind.tunnel ? clearTunnel() : clearSession();
        }

        private int clearTunnel() throws CtlException {
            int tunnelId;
            try {
                tunnelId = Integer.parseInt(id.strip());
            } catch (NumberFormatException e) {
                throw new CtlException("tunnel id must be a number 1..65535, got '" + TextTable.fit(id, 24) + "'");
            }
            if (tunnelId < 1 || tunnelId > 0xFFFF) {
                throw new CtlException("tunnel id must be 1..65535, got " + tunnelId);
            }
            if (!ctl.client().clear(kind.name(), tunnelId)) {
                throw new CtlException("no tunnel with local id " + tunnelId);
            }
            ctl.out.println("Tunnel " + tunnelId + " cleared");
            return 0;
        }

        private int clearSession() throws CtlException {
            SessionRef ref = switch (SessionRef.parse(id)) {
                case SessionRef.Parsed.Ok ok -> ok.ref();
                case SessionRef.Parsed.Bad bad -> throw new CtlException(bad.problem());
            };
            switch (ctl.client().clearSession(ref)) {
                case NOT_FOUND -> throw new CtlException("no session " + ref.text());
                case AMBIGUOUS -> throw new CtlException("session id " + ref.text() + " exists in several tunnels;"
                        + " give LocTunID/LocID or the interface (see ctl show sessions)");
                case CLEARED -> ctl.out.println("Session " + ref.text() + " cleared");
            }
            return 0;
        }
    }

    /** {@code reload}. */
    @Command(name = "reload", description = "Re-read the configuration and apply what can change while running.", mixinStandardHelpOptions = true)
    static final class Reload implements Callable<Integer> {
        @ParentCommand Ctl ctl;

        @Override
        public Integer call() throws CtlException {
            var report = ctl.client().reload();
            ctl.out.print(Tables.reload(report));
            return report.failed() ? 1 : 0;
        }
    }
}
