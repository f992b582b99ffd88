package dev.tunethemodel.ai;

import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.ArchitectureRules;
import dev.tunethemodel.testsupport.ModuleArchitectureTests;

/**
 * The chat model uses the client's public API only and nothing of Spring Boot.
 */
class ArchitectureTests extends ModuleArchitectureTests {

	@Test
	void chatModelDependsOnNothingOfSpringBoot() {
		ArchitectureRules.noDependency("dev.tunethemodel.ai..", "org.springframework.boot..").check(CLASSES);
	}

}
