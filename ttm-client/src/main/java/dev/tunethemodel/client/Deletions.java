package dev.tunethemodel.client;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Deletes what a failed or cancelled training created, retrying a failed deletion at
 * least {@value #MIN_RETRIES} times whatever the client's retry settings: a model or a
 * file left behind costs the user quota.
 */
final class Deletions {

	static final int MIN_RETRIES = 3;

	private final ModelResource models;

	private final FileResource files;

	/**
	 * Create the deletions of a client.
	 * @param transport the client's transport
	 * @param retrySettings the client's retry settings
	 */
	Deletions(Transport transport, RetrySettings retrySettings) {
		Transport retrying = transport.withRetrySettings(atLeastMinRetries(retrySettings));
		this.models = new ModelResource(retrying);
		this.files = new FileResource(retrying);
	}

	/**
	 * Delete a model.
	 * @param modelId the id of the model
	 * @return the deletion
	 */
	Mono<Void> model(String modelId) {
		return this.models.delete(modelId).then();
	}

	/**
	 * Delete a dataset file.
	 * @param fileId the id of the file
	 * @return the deletion
	 */
	Mono<Void> file(String fileId) {
		return this.files.delete(fileId).then();
	}

	private static RetrySettings atLeastMinRetries(RetrySettings settings) {
		return (settings.maxRetries() >= MIN_RETRIES) ? settings : new RetrySettings(MIN_RETRIES, Duration.ofMillis(50),
				Duration.ofMillis(500), settings.maxRetryAfter());
	}

}
