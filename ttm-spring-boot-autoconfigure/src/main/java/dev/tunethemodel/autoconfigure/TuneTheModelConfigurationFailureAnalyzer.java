package dev.tunethemodel.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.http.JdkHttpConnector;

/**
 * Explains a startup stopped by a {@link TuneTheModelConfigurationException}: what is
 * wrong and which property to set, never the key itself.
 */
class TuneTheModelConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<TuneTheModelConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TuneTheModelConfigurationException cause) {
		return new FailureAnalysis("The Tune the Model client cannot be configured: " + cause.getMessage() + ".",
				action(cause.problem()), cause);
	}

	private static String action(TuneTheModelConfigurationException.Problem problem) {
		return switch (problem) {
			case MISSING_API_KEY -> "Set tunethemodel.api-key in application.yml, or export TTM_API_KEY.";
			case MALFORMED_API_KEY -> "Check tunethemodel.api-key (or TTM_API_KEY): copy the key again, "
					+ "without spaces, quotes or line breaks.";
			case INVALID_BASE_URL -> "Set tunethemodel.base-url (or TTM_API_URL) to an absolute http(s) URL, "
					+ "such as https://api.tunethemodel.com.";
			case INSECURE_BASE_URL -> "Use an https base URL. If the connection is protected otherwise, "
					+ "for example by a sidecar proxy, set tunethemodel.allow-insecure-http=true.";
			case LOGGED_HEADERS -> "Remove headers and all from the system property " + JdkHttpConnector.LOG_PROPERTY
					+ ", or add io.projectreactor.netty:reactor-netty-http, "
					+ "whose client the starter then uses instead of the JDK's.";
		};
	}

}
