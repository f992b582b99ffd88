package dev.tunethemodel.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.http.JdkHttpConnector;

/**
 * Explains a startup stopped by a {@link TuneTheModelConfigurationException} or by a
 * mistake in the {@code tunethemodel.*} properties: what is wrong and which property to
 * set, never the key itself.
 */
class TuneTheModelConfigurationFailureAnalyzer implements FailureAnalyzer {

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		TuneTheModelPropertiesException properties = findCause(failure, TuneTheModelPropertiesException.class);
		if (properties != null) {
			return new FailureAnalysis(properties.getMessage(), properties.action(), properties);
		}
		TuneTheModelConfigurationException configuration = findCause(failure, TuneTheModelConfigurationException.class);
		if (configuration != null) {
			return new FailureAnalysis(
					"The Tune the Model client cannot be configured: " + configuration.getMessage() + ".",
					action(configuration.problem(), "tunethemodel"), configuration);
		}
		return null;
	}

	private static <E extends Throwable> @Nullable E findCause(Throwable failure, Class<E> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/**
	 * Return what to do about a problem of a client's configuration.
	 * @param problem the problem
	 * @param prefix the prefix of the client's properties: {@code tunethemodel} for the
	 * top-level client, whose key and URL also fall back to the SDK's variables
	 * @return the action
	 */
	static String action(TuneTheModelConfigurationException.Problem problem, String prefix) {
		boolean topLevel = prefix.equals("tunethemodel");
		return switch (problem) {
			case MISSING_API_KEY -> "Set " + prefix + ".api-key in application.yml"
					+ (topLevel ? ", or export TTM_API_KEY." : ", or tunethemodel.api-key, which it inherits.");
			case MALFORMED_API_KEY -> "Check " + prefix + ".api-key" + (topLevel ? " (or TTM_API_KEY)" : "")
					+ ": copy the key again, without spaces, quotes or line breaks.";
			case INVALID_BASE_URL -> "Set " + prefix + ".base-url" + (topLevel ? " (or TTM_API_URL)" : "")
					+ " to an absolute http(s) URL, such as https://api.tunethemodel.com.";
			case INSECURE_BASE_URL -> "Use an https base URL. If the connection is protected otherwise, "
					+ "for example by a sidecar proxy, set " + prefix + ".allow-insecure-http=true.";
			case LOGGED_HEADERS -> "Remove headers and all from the system property " + JdkHttpConnector.LOG_PROPERTY
					+ ", or add io.projectreactor.netty:reactor-netty-http, "
					+ "whose client the starter then uses instead of the JDK's.";
		};
	}

}
