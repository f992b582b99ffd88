package dev.tunethemodel.client;

import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.ArchitectureRules;
import dev.tunethemodel.testsupport.ModuleArchitectureTests;

/**
 * The client's packages depend on each other one way: the engine in
 * {@code dev.tunethemodel.client} on all the others, {@code dataset} and
 * {@code observation} on {@code error} and {@code model}, {@code error} on {@code model},
 * and {@code model} on none.
 */
class ArchitectureTests extends ModuleArchitectureTests {

	@Test
	void modelDependsOnNoOtherPackageOfTheClient() {
		ArchitectureRules
			.noDependency("dev.tunethemodel.client.model..", "dev.tunethemodel.client",
					"dev.tunethemodel.client.error..", "dev.tunethemodel.client.dataset..",
					"dev.tunethemodel.client.observation..", "dev.tunethemodel.client.http..")
			.check(CLASSES);
	}

	@Test
	void errorDependsOnModelOnly() {
		ArchitectureRules
			.noDependency("dev.tunethemodel.client.error..", "dev.tunethemodel.client",
					"dev.tunethemodel.client.dataset..", "dev.tunethemodel.client.observation..",
					"dev.tunethemodel.client.http..")
			.check(CLASSES);
	}

	@Test
	void noSubpackageDependsOnTheEngine() {
		ArchitectureRules.noDependency("dev.tunethemodel.client.(*)..", "dev.tunethemodel.client").check(CLASSES);
	}

	@Test
	void clientDependsOnNothingOfSpringBoot() {
		ArchitectureRules.noDependency("dev.tunethemodel..", "org.springframework.boot..").check(CLASSES);
	}

}
