package dev.tunethemodel.testsupport;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The architecture rules of the published modules, in the spirit of Spring Boot's
 * {@code ArchitectureRules}: each module's {@code ArchitectureTests} checks them against
 * its own main classes, so that {@code ./mvnw verify} fails on a break.
 *
 * @since 0.1.0
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	/**
	 * Return the main classes of the module under test, those Maven compiled into
	 * {@code target/classes}: neither its tests nor its dependencies.
	 * @return the classes
	 */
	public static JavaClasses mainClasses() {
		return new ClassFileImporter().importPath(Path.of("target", "classes"));
	}

	/**
	 * Return the rule that no package of the project depends on itself through others.
	 * @return the rule
	 */
	public static ArchRule noPackageCycles() {
		return SlicesRuleDefinition.slices()
			.matching("dev.tunethemodel.(**)")
			.should()
			.beFreeOfCycles()
			.because("dependencies between packages go one way");
	}

	/**
	 * Return the rule that the classes of a package, subpackages included, depend on none
	 * of the given packages.
	 * @param packageIdentifier the package, as ArchUnit names packages, such as
	 * {@code dev.tunethemodel.client.model..}
	 * @param otherPackageIdentifiers the packages it must not depend on
	 * @return the rule
	 */
	public static ArchRule noDependency(String packageIdentifier, String... otherPackageIdentifiers) {
		return ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage(packageIdentifier)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(otherPackageIdentifiers);
	}

}
