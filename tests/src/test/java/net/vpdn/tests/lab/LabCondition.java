package net.vpdn.tests.lab;

import net.vpdn.tests.peers.RealPeersExtension;
import net.vpdn.tests.peers.RealPeersExtension.Decision;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Implements {@link LabTest}: the same skip-or-fail decision as the real-peer tests
 * ({@link RealPeersExtension#decide}), over what {@link Lab#missing()} reports; builds the VM image once.
 */
public final class LabCondition implements ExecutionCondition, BeforeAllCallback {

    static Decision decision() {
        String v = System.getenv(RealPeersExtension.REQUIRE_ENV);
        boolean required = v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
        return RealPeersExtension.decide(Lab.missing(), required);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return switch (decision()) {
            case Decision.Run r -> ConditionEvaluationResult.enabled("interop lab present");
            case Decision.Skip s -> ConditionEvaluationResult.disabled("interop lab: " + s.reason());
            case Decision.Fail f -> ConditionEvaluationResult.enabled("interop lab required; failing in beforeAll");
        };
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (decision() instanceof Decision.Fail f) {
            throw new AssertionError("interop lab: " + f.reason());
        }
        Lab.ensureBuilt();
    }
}
