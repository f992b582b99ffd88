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
 * For example: <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureTuneTheModelEmulator
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
	long trainingTimeMillis() default 3000;

	/**
	 * How long an uploaded dataset takes to be processed, in milliseconds.
	 * @return the processing time
	 */
	long processingTimeMillis() default 300;

}
