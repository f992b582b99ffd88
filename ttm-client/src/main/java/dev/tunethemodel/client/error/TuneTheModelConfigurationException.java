package dev.tunethemodel.client.error;

import dev.tunethemodel.client.TuneTheModelTemplate;

/**
 * Thrown when a {@link TuneTheModelTemplate} cannot be built from its configuration. The
 * message says what is wrong and never contains the API key.
 *
 * @since 0.1.0
 */
public class TuneTheModelConfigurationException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final Problem problem;

	/**
	 * Create an exception for a configuration problem.
	 * @param problem what kind of problem it is
	 * @param message what is wrong
	 */
	public TuneTheModelConfigurationException(Problem problem, String message) {
		super(message);
		this.problem = problem;
	}

	/**
	 * Return what kind of problem it is.
	 * @return the problem
	 */
	public Problem problem() {
		return this.problem;
	}

	/**
	 * The kinds of configuration problem.
	 */
	public enum Problem {

		/**
		 * No API key, or an empty one.
		 */
		MISSING_API_KEY,

		/**
		 * An API key with whitespace or control characters, which cannot be a header
		 * value.
		 */
		MALFORMED_API_KEY,

		/**
		 * A base URL that is not an absolute http or https URL.
		 */
		INVALID_BASE_URL,

		/**
		 * A plain http base URL to a host that is not loopback: the key would cross the
		 * network in clear.
		 */
		INSECURE_BASE_URL,

		/**
		 * The JDK's {@code HttpClient} logs request headers, which would write the API
		 * key to the log.
		 */
		LOGGED_HEADERS

	}

}
