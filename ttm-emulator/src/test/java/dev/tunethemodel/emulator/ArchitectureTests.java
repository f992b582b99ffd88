package dev.tunethemodel.emulator;

import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.ArchitectureRules;
import dev.tunethemodel.testsupport.ModuleArchitectureTests;

/**
 * The emulator shares no code with the client, so that it speaks the wire format on its
 * own and can catch the client's mistakes.
 */
class ArchitectureTests extends ModuleArchitectureTests {

	@Test
	void emulatorSharesNoCodeWithTheClient() {
		ArchitectureRules.noDependency("dev.tunethemodel..", "dev.tunethemodel.client..").check(CLASSES);
	}

}
