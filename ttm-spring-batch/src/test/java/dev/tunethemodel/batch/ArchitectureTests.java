package dev.tunethemodel.batch;

import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.ArchitectureRules;
import dev.tunethemodel.testsupport.ModuleArchitectureTests;

/**
 * The writers use the client's public API only and nothing of Spring Boot.
 */
class ArchitectureTests extends ModuleArchitectureTests {

	@Test
	void writersDependOnNothingOfSpringBoot() {
		ArchitectureRules.noDependency("dev.tunethemodel.batch..", "org.springframework.boot..").check(CLASSES);
	}

}
