package dev.tunethemodel.autoconfigure;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.ArchitectureRules;

/**
 * The auto-configuration's packages have no cycle, and the connector is a library that
 * the auto-configuration configures, not the other way round.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses();

	@Test
	void packagesHaveNoCycles() {
		ArchitectureRules.noPackageCycles().check(CLASSES);
	}

	@Test
	void connectorDependsOnNothingOfTheAutoConfiguration() {
		ArchitectureRules
			.noDependency("dev.tunethemodel.connector..", "dev.tunethemodel.autoconfigure..",
					"dev.tunethemodel.health..")
			.check(CLASSES);
	}

}
