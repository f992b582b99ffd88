package dev.tunethemodel.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Logs everything of the given loggers at {@code TRACE} during each test, so that a test
 * of leaked secrets sees every line they could write, and tells an exception's stack
 * trace, causes included, as it would be printed.
 *
 * @since 0.1.0
 */
public final class TraceLogging implements BeforeEachCallback, AfterEachCallback {

	private final List<String> loggers;

	/**
	 * Log the given loggers at {@code TRACE}.
	 * @param loggers the names of the loggers
	 */
	public TraceLogging(String... loggers) {
		this.loggers = List.of(loggers);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		setLevel(Level.TRACE);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		setLevel(null);
	}

	/**
	 * Return the stack trace of an exception as it would be printed.
	 * @param error the exception
	 * @return its stack trace
	 */
	public static String stackTrace(Throwable error) {
		StringWriter trace = new StringWriter();
		error.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

	private void setLevel(@Nullable Level level) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.loggers.forEach((name) -> context.getLogger(name).setLevel(level));
	}

}
