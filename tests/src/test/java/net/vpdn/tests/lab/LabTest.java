package net.vpdn.tests.lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that boot the interop lab's guest ({@link LabVm}). Skipped, with what is missing, where qemu,
 * tshark, the lab or root is missing; failed instead when {@code VPDN_REQUIRE_REAL_PEERS=1} (CI sets it).
 * Before the first such class runs, {@code build-vm.sh} runs once for the JVM. Tagged {@code lab}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("lab")
@ExtendWith(LabCondition.class)
public @interface LabTest {
}
