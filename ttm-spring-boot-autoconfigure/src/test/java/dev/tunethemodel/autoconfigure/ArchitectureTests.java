package dev.tunethemodel.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.ArchitectureRules;
import dev.tunethemodel.testsupport.ModuleArchitectureTests;

/**
 * The connector is a library that the auto-configuration configures, not the other way
 * round.
 */
class ArchitectureTests extends ModuleArchitectureTests {

	@Test
	void connectorDependsOnNothingOfTheAutoConfiguration() {
		ArchitectureRules
			.noDependency("dev.tunethemodel.connector..", "dev.tunethemodel.autoconfigure..",
					"dev.tunethemodel.health..")
			.check(CLASSES);
	}

}
