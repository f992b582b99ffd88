package dev.tunethemodel.sample.batch;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the job scores the reviews.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("scoring")
public class ScoringProperties {

	/**
	 * Id of the ready classifier to score with; required with an API key. On the
	 * emulator, when not set, the sample trains a sentiment classifier on the bundled
	 * reviews.
	 */
	private @Nullable String modelId;

	/**
	 * Names of the classifier's classes, in class order, as the table's label column
	 * writes them.
	 */
	private List<String> labels = List.of("negative", "positive");

	/**
	 * Number of reviews scored and written in one transaction.
	 */
	private int chunkSize = 100;

	/**
	 * Maximum number of reviews the API refuses that the job skips before it fails.
	 */
	private int skipLimit = 10;

	/**
	 * Shortest time between two progress lines in the log.
	 */
	private Duration progressInterval = Duration.ofSeconds(5);

	public @Nullable String getModelId() {
		return this.modelId;
	}

	public void setModelId(@Nullable String modelId) {
		this.modelId = modelId;
	}

	public List<String> getLabels() {
		return this.labels;
	}

	public void setLabels(List<String> labels) {
		this.labels = labels;
	}

	public int getChunkSize() {
		return this.chunkSize;
	}

	public void setChunkSize(int chunkSize) {
		this.chunkSize = chunkSize;
	}

	public int getSkipLimit() {
		return this.skipLimit;
	}

	public void setSkipLimit(int skipLimit) {
		this.skipLimit = skipLimit;
	}

	public Duration getProgressInterval() {
		return this.progressInterval;
	}

	public void setProgressInterval(Duration progressInterval) {
		this.progressInterval = progressInterval;
	}

}
