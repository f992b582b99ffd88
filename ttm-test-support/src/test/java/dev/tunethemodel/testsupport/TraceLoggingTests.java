package dev.tunethemodel.testsupport;

import java.io.IOException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link TraceLogging} logs its loggers at {@code TRACE} during a test only,
 * and prints stack traces with their causes.
 */
class TraceLoggingTests {

	private static final String LOGGER = "dev.tunethemodel.testsupport.traced";

	private final TraceLogging logging = new TraceLogging(LOGGER);

	@Test
	void loggerIsAtTraceDuringATestAndInheritsItsLevelAfterIt() {
		Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
		this.logging.beforeEach(null);
		assertThat(logger.getLevel()).isEqualTo(Level.TRACE);
		assertThat(logger.isTraceEnabled()).isTrue();
		this.logging.afterEach(null);
		assertThat(logger.getLevel()).isNull();
	}

	@Test
	void stackTraceTellsTheCauses() {
		IllegalStateException error = new IllegalStateException("outer", new IOException("inner"));
		assertThat(TraceLogging.stackTrace(error)).contains("java.lang.IllegalStateException: outer")
			.contains("Caused by: java.io.IOException: inner")
			.contains(TraceLoggingTests.class.getName());
	}

}
