package dev.tunethemodel.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.fixture.lower.Lower;
import dev.tunethemodel.testsupport.fixture.upper.Upper;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests of {@link ArchitectureRules} on two packages that depend on each other.
 */
class ArchitectureRulesTests {

	@Test
	void packagesThatDependOnEachOtherBreakTheCycleRule() {
		JavaClasses classes = new ClassFileImporter().importClasses(Lower.class, Upper.class);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ArchitectureRules.noPackageCycles().check(classes))
			.withMessageContaining("Cycle detected")
			.withMessageContaining("fixture.lower")
			.withMessageContaining("fixture.upper");
	}

	@Test
	void dependencyOnAForbiddenPackageBreaksTheRuleAndAnotherDoesNot() {
		JavaClasses classes = new ClassFileImporter().importClasses(Lower.class, Upper.class);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(
					() -> ArchitectureRules
						.noDependency("dev.tunethemodel.testsupport.fixture.lower..",
								"dev.tunethemodel.testsupport.fixture.upper..")
						.check(classes))
			.withMessageContaining(Lower.class.getName());
		assertThatNoException().isThrownBy(
				() -> ArchitectureRules.noDependency("dev.tunethemodel.testsupport.fixture.lower..", "java.sql..")
					.check(classes));
	}

}
