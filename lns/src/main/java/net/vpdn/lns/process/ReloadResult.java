package net.vpdn.lns.process;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.config.ReloadPlan;

/**
 * What a reload did: the plan, the changes now in force, and the changes that wait for a restart
 * (those the plan marks RESTART, and those this process cannot apply live: the L2TP engine's
 * timers and window, RADIUS servers, pools, the admin token, and a group's {@code local-name}, since the LNS
 * answers every tunnel with the process host name).
 *
 * @param plan the full plan
 * @param applied changes in force now (or for new tunnels/sessions)
 * @param needsRestart changes kept at their running value until a restart
 */
public record ReloadResult(ReloadPlan plan, List<ReloadPlan.Change> applied, List<ReloadPlan.Change> needsRestart) {
    public ReloadResult {
        applied = List.copyOf(applied);
        needsRestart = List.copyOf(needsRestart);
    }

    static ReloadResult of(ReloadPlan plan) {
        List<ReloadPlan.Change> applied = new ArrayList<>();
        List<ReloadPlan.Change> restart = new ArrayList<>();
        for (ReloadPlan.Change c : plan.changes()) {
            (c.effect() == ReloadPlan.Effect.RESTART || notLiveHere(c.key()) ? restart : applied).add(c);
        }
        return new ReloadResult(plan, applied, restart);
    }

    private static boolean notLiveHere(String key) {
        return key.startsWith("l2tp.") || key.startsWith("radius-servers") || key.startsWith("ip-pools")
                || key.endsWith(".local-name") || key.equals("admin.token");
    }
}
