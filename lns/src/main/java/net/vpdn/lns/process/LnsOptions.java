package net.vpdn.lns.process;

import java.time.Duration;
import net.vpdn.aaa.Accounting;

/**
 * Knobs of an {@link LnsProcess} the configuration file does not (yet) have.
 *
 * @param maxSessionsInSetup calls between ICRQ and IPCP up at once (admission control)
 * @param maxVirtualAccess Virtual-Access interfaces at once
 * @param accountingTap also receives every accounting record (tests, metrics); may be {@code null}
 * @param shutdownGrace how long close waits for StopCCN acknowledgements and accounting
 */
public record LnsOptions(int maxSessionsInSetup, int maxVirtualAccess, Accounting accountingTap, Duration shutdownGrace,
                         LnsProcess.ConfigSource reloadSource) {
    /**
     * Defaults (vpdn-config's of l2tp.max-calls-in-setup and l2tp.max-sessions); reloads read the started
     * file again with the environment and no {@code --set}.
     */
    public static final LnsOptions DEFAULTS = new LnsOptions(1000, 200_000, null, Duration.ofSeconds(3), null);

    public LnsOptions withAccountingTap(Accounting tap) {
        return new LnsOptions(maxSessionsInSetup, maxVirtualAccess, tap, shutdownGrace, reloadSource);
    }

    public LnsOptions withMaxSessionsInSetup(int n) {
        return new LnsOptions(n, maxVirtualAccess, accountingTap, shutdownGrace, reloadSource);
    }

    public LnsOptions withMaxVirtualAccess(int n) {
        return new LnsOptions(maxSessionsInSetup, n, accountingTap, shutdownGrace, reloadSource);
    }

    /** Where reloads (SIGHUP, POST /api/reload) read the configuration. */
    public LnsOptions withReloadSource(LnsProcess.ConfigSource source) {
        return new LnsOptions(maxSessionsInSetup, maxVirtualAccess, accountingTap, shutdownGrace, source);
    }
}
