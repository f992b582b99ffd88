package dev.tunethemodel.emulator;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import dev.tunethemodel.emulator.AutoConfigureTuneTheModelEmulator.ResetMode;

/**
 * After each test method of a test with {@link AutoConfigureTuneTheModelEmulator}, clears
 * the faults of its emulator, so that none reaches the next test that shares the context,
 * and resets the emulator when the annotation asks for it.
 */
class TuneTheModelEmulatorTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// after-methods run in reverse order: this one before the context may close
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		AutoConfigureTuneTheModelEmulator annotation = TestContextAnnotationUtils
			.findMergedAnnotation(testContext.getTestClass(), AutoConfigureTuneTheModelEmulator.class);
		if (annotation == null || !testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (!context.containsBean(TuneTheModelEmulatorContextCustomizerFactory.BEAN_NAME)) {
			return;
		}
		TuneTheModelEmulator emulator = context.getBean(TuneTheModelEmulatorContextCustomizerFactory.BEAN_NAME,
				TuneTheModelEmulator.class);
		if (annotation.reset() == ResetMode.AFTER_EACH_TEST) {
			emulator.reset();
		}
		else {
			emulator.clearFaults();
		}
	}

}
