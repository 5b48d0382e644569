package net.vpdn.tests.peers;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Implements {@link RealPeers}: skip when real peers are missing, or fail when they are required. */
public final class RealPeersExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {
    /** The environment variable that turns a skip into a failure. */
    public static final String REQUIRE_ENV = "VPDN_REQUIRE_REAL_PEERS";

    /** What to do about one test, given what is missing. */
    public sealed interface Decision {
        /** Everything is there. */
        record Run() implements Decision { }

        /** Something is missing and real peers are optional here. */
        record Skip(String reason) implements Decision { }

        /** Something is missing and real peers are required here. */
        record Fail(String reason) implements Decision { }
    }

    /** Pure decision: {@code missing} lists what is absent (empty when all is present). */
    public static Decision decide(List<String> missing, boolean required) {
        if (missing.isEmpty()) {
            return new Decision.Run();
        }
        String what = "real peers unavailable: " + String.join(", ", missing);
        return required
                ? new Decision.Fail(what + " (" + REQUIRE_ENV + "=1 is set, so this is a failure, not a skip)")
                : new Decision.Skip(what + " (set " + REQUIRE_ENV + "=1 to fail instead of skipping)");
    }

    /** What this host lacks for the given requirements. */
    public static List<String> missing(RealPeers spec) {
        List<String> missing = new ArrayList<>();
        Arrays.stream(spec.value()).filter(t -> t.find().isEmpty())
                .forEach(t -> missing.add(t.name().toLowerCase() + " (apt-get install " + t.debianPackage() + ")"));
        if (spec.root() && !"root".equals(System.getProperty("user.name"))) {
            missing.add("root (captures on lo and pppd need it)");
        }
        // Lets a developer check the skip/fail behaviour on a fully equipped machine:
        // mvn ... -Dvpdn.realPeers.pretendMissing=xl2tpd
        String pretend = System.getProperty("vpdn.realPeers.pretendMissing", "");
        if (!pretend.isBlank()) {
            missing.add(pretend + " (pretended by -Dvpdn.realPeers.pretendMissing)");
        }
        return missing;
    }

    static boolean requiredByEnvironment() {
        String v = System.getenv(REQUIRE_ENV);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return switch (decision(context)) {
            case Decision.Skip s -> ConditionEvaluationResult.disabled(s.reason());
            case Decision.Run r -> ConditionEvaluationResult.enabled("real peers present");
            case Decision.Fail f -> ConditionEvaluationResult.enabled("real peers required; failing in before-callback");
        };
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        failIfRequiredAndMissing(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        failIfRequiredAndMissing(context);
    }

    private static void failIfRequiredAndMissing(ExtensionContext context) {
        if (decision(context) instanceof Decision.Fail f) {
            throw new AssertionError(f.reason());
        }
    }

    private static Decision decision(ExtensionContext context) {
        Optional<RealPeers> spec = context.getElement().flatMap(RealPeersExtension::find)
                .or(() -> context.getTestClass().flatMap(RealPeersExtension::findEnclosing));
        return spec.map(s -> decide(missing(s), requiredByEnvironment())).orElse(new Decision.Run());
    }

    private static Optional<RealPeers> findEnclosing(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            Optional<RealPeers> spec = find(k);
            if (spec.isPresent()) {
                return spec;
            }
        }
        return Optional.empty();
    }

    private static Optional<RealPeers> find(AnnotatedElement e) {
        return AnnotationSupport.findAnnotation(e, RealPeers.class);
    }
}
