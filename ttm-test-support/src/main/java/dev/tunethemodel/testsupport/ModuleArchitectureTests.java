package dev.tunethemodel.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture tests every published module runs on its main classes; a module's
 * {@code ArchitectureTests} extends it with the rules of its own packages.
 *
 * @since 0.1.0
 */
public abstract class ModuleArchitectureTests {

	/** The main classes of the module under test. */
	protected static final JavaClasses CLASSES = ArchitectureRules.mainClasses();

	@Test
	void packagesHaveNoCycles() {
		ArchitectureRules.noPackageCycles().check(CLASSES);
	}

}
