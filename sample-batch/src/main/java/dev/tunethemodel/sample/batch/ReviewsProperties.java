package dev.tunethemodel.sample.batch;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reviews the job scores: the bundled ones, a file, or a generated file.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("reviews")
public class ReviewsProperties {

	/**
	 * CSV file of reviews, its first column the text, after a header line; the bundled
	 * reviews when not set. With 'generate', where the generated file is written.
	 */
	private @Nullable Path file;

	/**
	 * Number of synthetic reviews to generate and score, instead of reading a file.
	 */
	private @Nullable Integer generate;

	public @Nullable Path getFile() {
		return this.file;
	}

	public void setFile(@Nullable Path file) {
		this.file = file;
	}

	public @Nullable Integer getGenerate() {
		return this.generate;
	}

	public void setGenerate(@Nullable Integer generate) {
		this.generate = generate;
	}

}
