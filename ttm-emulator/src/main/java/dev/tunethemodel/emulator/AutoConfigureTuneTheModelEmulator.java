package dev.tunethemodel.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link TuneTheModelEmulator} for the application context of a Spring test and
 * points the starter at it: the context gets the starter's
 * {@code TuneTheModelConnectionDetails} of the emulator, which win over
 * {@code tunethemodel.base-url} and {@code tunethemodel.api-key}, and the emulator as a
 * bean, to inject faults. It stops with the context; contexts with the same settings
 * share one.
 * <p>
 * Made for tests: models train in 200 milliseconds and datasets are processed in 50, and
 * the starter polls every 100 milliseconds ({@code tunethemodel.poll-interval} and
 * {@code tunethemodel.dataset-poll-interval}) unless the test sets these properties
 * itself. The faults injected during a test method are cleared after it, so that they do
 * not reach the next test that shares the context; {@link #reset()} also forgets the
 * models and files.
 * <p>
 * For example: <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureTuneTheModelEmulator(reset = ResetMode.AFTER_EACH_TEST)
 * class SentimentServiceTests { ... }
 * </pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureTuneTheModelEmulator {

	/**
	 * How long a model takes from fit to ready, in milliseconds.
	 * @return the training time
	 */
	long trainingTimeMillis() default 200;

	/**
	 * How long an uploaded dataset takes to be processed, in milliseconds.
	 * @return the processing time
	 */
	long processingTimeMillis() default 50;

	/**
	 * When to {@link TuneTheModelEmulator#reset() reset} the emulator, forgetting its
	 * models and files. Its faults are cleared after each test method whatever this says.
	 * @return when to reset
	 */
	ResetMode reset() default ResetMode.NONE;

	/**
	 * When the emulator forgets its models and files during the tests that share it.
	 */
	enum ResetMode {

		/**
		 * Keep the models and files for the next tests that share the emulator.
		 */
		NONE,

		/**
		 * Reset the emulator after each test method.
		 */
		AFTER_EACH_TEST

	}

}
