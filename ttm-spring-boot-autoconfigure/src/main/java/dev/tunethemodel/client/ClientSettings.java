package dev.tunethemodel.client;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings of a {@link TuneTheModelTemplate}, checked by its builder.
 */
record ClientSettings(String baseUrl, String apiKey, Path temporaryDirectory, RetrySettings retrySettings,
		Duration timeout, Duration pollInterval, Duration datasetPollInterval, Duration datasetProcessingTimeout) {

	ClientSettings withRetrySettings(RetrySettings retrySettings) {
		return new ClientSettings(this.baseUrl, this.apiKey, this.temporaryDirectory, retrySettings, this.timeout,
				this.pollInterval, this.datasetPollInterval, this.datasetProcessingTimeout);
	}

	// not the record's default: the key must never be printed
	@Override
	public String toString() {
		return "ClientSettings[baseUrl=" + this.baseUrl + "]";
	}

}
