package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.config.VpdnConfig;

/** An LNS configuration on loopback free ports, overridable with {@code --set} pairs, and an accounting tap. */
final class ProcessFixture {
    static final String SECRET = "tunnel-secret-1";

    static final String YAML = """
            role: lns
            hostname: lns1
            l2tp:
              listen-address: 127.0.0.1
              listen-port: 0
              hello-interval: 60s
            vpdn-groups:
              - name: from-lac1
                accept-dialin:
                  virtual-template: "1"
                terminate-from: [lac1]
                tunnel-secret: "%s"
                session-limit: 10
            virtual-templates:
              - name: "1"
                local-address: 10.99.0.1
                peer-pool: lns-pool
                auth-protocols: [chap, pap]
                keepalive-interval: 10s
                keepalive-retries: 5
                dns: [10.99.0.1]
            ip-pools:
              - name: lns-pool
                first: 10.99.0.10
                last: 10.99.0.20
            local-users:
              - name: alice@example.com
                password: "alice-password"
              - name: bob@example.com
                password: "bob-password"
                static-address: 10.99.0.15
            aaa:
              authentication: [local]
              accounting: []
            admin:
              enabled: false
            metrics:
              enabled: false
            """.formatted(SECRET);

    final LinkedBlockingQueue<AccountingRecord> accounting = new LinkedBlockingQueue<>();

    static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("lns.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    static VpdnConfig load(Path dir, String... sets) throws IOException {
        List<String> s = java.util.Arrays.stream(sets).toList();
        ConfigResult r = ConfigLoader.load(write(dir, YAML), Map.of(), s);
        assertThat(r).as("fixture config is valid").isInstanceOf(ConfigResult.Loaded.class);
        return ((ConfigResult.Loaded) r).config();
    }

    LnsProcess start(Path dir, String... sets) throws Exception {
        return LnsProcess.start(load(dir, sets), LnsOptions.DEFAULTS.withAccountingTap(accounting::add));
    }

    /** The next accounting record, waiting at most 10 s. */
    AccountingRecord next() throws InterruptedException {
        AccountingRecord r = accounting.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("an accounting record within 10 s").isNotNull();
        return r;
    }
}
