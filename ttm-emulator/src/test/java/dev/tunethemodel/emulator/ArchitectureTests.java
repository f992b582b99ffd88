package dev.tunethemodel.emulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.ArchitectureRules;

/**
 * The emulator's packages have no cycle, and it shares no code with the client, so that
 * it speaks the wire format on its own and can catch the client's mistakes.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses();

	@Test
	void packagesHaveNoCycles() {
		ArchitectureRules.noPackageCycles().check(CLASSES);
	}

	@Test
	void emulatorSharesNoCodeWithTheClient() {
		ArchitectureRules.noDependency("dev.tunethemodel..", "dev.tunethemodel.client..").check(CLASSES);
	}

}
