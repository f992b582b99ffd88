package dev.tunethemodel.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogFormatUtils;
import org.springframework.web.reactive.function.client.WebClient;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;
import dev.tunethemodel.client.observation.TuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.TuneTheModelTrainingObservationConvention;

/**
 * The settings of a {@link TuneTheModelTemplate}, checked as they are created: a key that
 * can be a header value, a base URL that is an absolute http(s) URL and never sends the
 * key in clear over the network unless allowed, and positive durations and bounds.
 *
 * @param baseUrl the base URL, without a trailing slash
 * @param apiKey the API key
 * @param allowInsecureHttp whether a plain http base URL to a remote host is allowed
 * @param temporaryDirectory where uploads spool their datasets
 * @param retrySettings when and how failed requests are retried
 * @param timeout the longest time a call may take, its retries included
 * @param pollInterval the longest wait between two reads of a watched model's status
 * @param datasetPollInterval the longest wait between two reads of the status of a
 * training's datasets
 * @param datasetProcessingTimeout how long a training waits for its datasets to be
 * processed
 * @param maxListEntries the maximum number of entries a list response may have
 * @param bulkMaxConcurrency the maximum number of calls a bulk call makes at once
 * @param bulkMaxBufferedResults the maximum number of inputs of a bulk call started and
 * not yet passed on: results that wait behind an earlier input
 */
record ClientSettings(String baseUrl, String apiKey, boolean allowInsecureHttp, Path temporaryDirectory,
		RetrySettings retrySettings, Duration timeout, Duration pollInterval, Duration datasetPollInterval,
		Duration datasetProcessingTimeout, int maxListEntries, int bulkMaxConcurrency, int bulkMaxBufferedResults) {

	/** The longest time a call may take by default, its retries included. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

	/** How often {@code watch} reads a model's status by default. */
	static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

	/** How often a training reads the status of its datasets by default. */
	static final Duration DEFAULT_DATASET_POLL_INTERVAL = Duration.ofSeconds(1);

	/** How long a training waits for the API to process its datasets by default. */
	static final Duration DEFAULT_DATASET_PROCESSING_TIMEOUT = Duration.ofMinutes(10);

	/**
	 * The maximum entries of a list response by default, far more than any account has.
	 */
	static final int DEFAULT_MAX_LIST_ENTRIES = 100_000;

	/** The maximum calls at once of a bulk call by default. */
	static final int DEFAULT_BULK_MAX_CONCURRENCY = 32;

	/**
	 * The maximum results of a bulk call that wait behind an earlier input by default:
	 * enough for 1,600 calls/s during a {@code Retry-After} of 10 s, a few MiB of heap.
	 */
	static final int DEFAULT_BULK_MAX_BUFFERED_RESULTS = 16_384;

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

	/**
	 * Check the settings; the API key is checked by the {@link Draft} it comes from.
	 * @throws TuneTheModelConfigurationException if the base URL is not an absolute
	 * http(s) URL or is plain http to a remote host that is not allowed
	 * @throws IllegalArgumentException if another setting is missing or out of range
	 */
	ClientSettings {
		baseUrl = requireBaseUrl(baseUrl, allowInsecureHttp);
		ArgumentChecks.requireNonNull("temporary directory", temporaryDirectory);
		ArgumentChecks.requireNonNull("retry settings", retrySettings);
		ArgumentChecks.requirePositive("timeout", timeout);
		ArgumentChecks.requirePositive("poll interval", pollInterval);
		ArgumentChecks.requirePositive("dataset poll interval", datasetPollInterval);
		ArgumentChecks.requirePositive("dataset processing timeout", datasetProcessingTimeout);
		if (maxListEntries <= 0) {
			throw new IllegalArgumentException(
					"The maximum number of entries of a list must be more than zero, but is " + maxListEntries);
		}
		if (bulkMaxConcurrency <= 0) {
			throw new IllegalArgumentException(
					"The maximum number of calls of a bulk call at once must be more than zero, but is "
							+ bulkMaxConcurrency);
		}
		if (bulkMaxBufferedResults <= 0) {
			throw new IllegalArgumentException(
					"The maximum number of buffered results of a bulk call must be more than zero, but is "
							+ bulkMaxBufferedResults);
		}
	}

	/**
	 * Return these settings with the key, timeout and retry settings the options set.
	 * @param options the options, already checked
	 * @return the settings of the calls made with the options
	 */
	ClientSettings withOptions(RequestOptions options) {
		return new ClientSettings(this.baseUrl, (options.apiKey() != null) ? options.apiKey() : this.apiKey,
				this.allowInsecureHttp, this.temporaryDirectory,
				(options.retrySettings() != null) ? options.retrySettings() : this.retrySettings,
				(options.timeout() != null) ? options.timeout() : this.timeout, this.pollInterval,
				this.datasetPollInterval, this.datasetProcessingTimeout, this.maxListEntries, this.bulkMaxConcurrency,
				this.bulkMaxBufferedResults);
	}

	// not the record's default: the key must never be printed
	@Override
	public String toString() {
		return "ClientSettings[baseUrl=" + this.baseUrl + "]";
	}

	/**
	 * Check an API key.
	 * @param apiKey the key
	 * @return the key
	 * @throws TuneTheModelConfigurationException if the key is missing, empty, or has
	 * whitespace or control characters; the message does not contain it
	 */
	static String requireApiKey(@Nullable String apiKey) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new TuneTheModelConfigurationException(Problem.MISSING_API_KEY, "The API key must not be empty");
		}
		for (int i = 0; i < apiKey.length(); i++) {
			char c = apiKey.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				// the key itself is never part of a message
				throw new TuneTheModelConfigurationException(Problem.MALFORMED_API_KEY,
						"The API key must not contain whitespace or control characters (found one at index " + i + ")");
			}
		}
		return apiKey;
	}

	private static String requireBaseUrl(@Nullable String baseUrl, boolean allowInsecureHttp) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new TuneTheModelConfigurationException(Problem.INVALID_BASE_URL, "The base URL must not be empty");
		}
		URI uri;
		try {
			uri = new URI(baseUrl.trim());
		}
		catch (URISyntaxException ex) {
			throw new TuneTheModelConfigurationException(Problem.INVALID_BASE_URL,
					"The base URL " + LogFormatUtils.formatValue(baseUrl, true) + " is not a valid URL");
		}
		String scheme = uri.getScheme();
		boolean http = "http".equalsIgnoreCase(scheme);
		if (!uri.isAbsolute() || uri.getHost() == null || !(http || "https".equalsIgnoreCase(scheme))) {
			throw new TuneTheModelConfigurationException(Problem.INVALID_BASE_URL, "The base URL "
					+ LogFormatUtils.formatValue(baseUrl, true) + " is not an absolute http or https URL");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			// not quoted: user information may hold a password
			throw new TuneTheModelConfigurationException(Problem.INVALID_BASE_URL,
					"The base URL must not have a query, a fragment or user information");
		}
		if (http && !allowInsecureHttp && !isLoopback(uri.getHost())) {
			throw new TuneTheModelConfigurationException(Problem.INSECURE_BASE_URL,
					"The base URL " + LogFormatUtils.formatValue(baseUrl, true) + " is plain http to " + uri.getHost()
							+ ", which is not a loopback address: the API key would cross the network in clear");
		}
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	// literal loopback addresses only: no name but localhost is resolved
	private static boolean isLoopback(String host) {
		String lowerCase = host.toLowerCase(Locale.ROOT);
		if (lowerCase.equals("localhost") || IPV4_LOOPBACK.matcher(lowerCase).matches()) {
			return true;
		}
		if (lowerCase.startsWith("[") && lowerCase.endsWith("]")) {
			try {
				return InetAddress.getByName(lowerCase.substring(1, lowerCase.length() - 1)).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

	/**
	 * The settings of a {@link TuneTheModelTemplate.Builder} as they are set, with their
	 * defaults, and what it observes the calls with.
	 */
	static final class Draft {

		@Nullable Supplier<WebClient.Builder> webClientBuilder;

		String baseUrl = TuneTheModelTemplate.DEFAULT_BASE_URL;

		@Nullable String apiKey;

		@Nullable Path temporaryDirectory;

		boolean allowInsecureHttp;

		RetrySettings retrySettings = RetrySettings.defaults();

		Duration timeout = DEFAULT_TIMEOUT;

		Duration pollInterval = DEFAULT_POLL_INTERVAL;

		Duration datasetPollInterval = DEFAULT_DATASET_POLL_INTERVAL;

		Duration datasetProcessingTimeout = DEFAULT_DATASET_PROCESSING_TIMEOUT;

		int maxListEntries = DEFAULT_MAX_LIST_ENTRIES;

		int bulkMaxConcurrency = DEFAULT_BULK_MAX_CONCURRENCY;

		int bulkMaxBufferedResults = DEFAULT_BULK_MAX_BUFFERED_RESULTS;

		ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		@Nullable TuneTheModelObservationConvention observationConvention;

		@Nullable TuneTheModelTrainingObservationConvention trainingObservationConvention;

		/**
		 * Check the settings.
		 * @return the settings
		 * @throws TuneTheModelConfigurationException if the API key is missing or
		 * malformed, or the base URL is not an absolute http(s) URL or is plain http to a
		 * remote host that is not allowed
		 * @throws IllegalArgumentException if another setting is missing or out of range
		 */
		ClientSettings settings() {
			Path directory = (this.temporaryDirectory != null) ? this.temporaryDirectory
					: Path.of(System.getProperty("java.io.tmpdir"));
			ArgumentChecks.requireNonNull("observation registry", this.observationRegistry);
			return new ClientSettings(this.baseUrl, requireApiKey(this.apiKey), this.allowInsecureHttp, directory,
					this.retrySettings, this.timeout, this.pollInterval, this.datasetPollInterval,
					this.datasetProcessingTimeout, this.maxListEntries, this.bulkMaxConcurrency,
					this.bulkMaxBufferedResults);
		}

		/**
		 * Return what supplies the builder of the web clients.
		 * @return the builder's supplier, or the default one
		 */
		Supplier<WebClient.Builder> webClientBuilder() {
			return (this.webClientBuilder != null) ? this.webClientBuilder : DefaultConnector.webClientBuilder();
		}

	}

}
