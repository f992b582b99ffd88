package dev.tunethemodel.sample.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The file of reviews the job scores, as the properties choose it: the bundled reviews, a
 * file, or a file of generated reviews, written once and reused by a rerun.
 */
@Component
class ReviewsFile {

	private static final Log logger = LogFactory.getLog(ReviewsFile.class);

	private static final String BUNDLED_REVIEWS = "datasets/reviews.csv";

	private final ReviewsProperties properties;

	ReviewsFile(ReviewsProperties properties) {
		this.properties = properties;
	}

	/**
	 * Return the location of the reviews to score, generating them first when asked to.
	 * @return a {@code file:} or {@code classpath:} location
	 */
	String prepare() {
		Integer generate = this.properties.getGenerate();
		if (generate != null) {
			return generated(generate).toUri().toString();
		}
		Path file = this.properties.getFile();
		if (file != null) {
			if (!Files.isReadable(file)) {
				throw new IllegalStateException("Cannot read the reviews file " + file.toAbsolutePath()
						+ " (reviews.file): a CSV file, its first column the text, after a header line");
			}
			return file.toAbsolutePath().normalize().toUri().toString();
		}
		return "classpath:" + BUNDLED_REVIEWS;
	}

	// a rerun, to continue a failed run, finds the file the failed run scored
	private Path generated(int reviews) {
		Path file = this.properties.getFile();
		Path target = ((file != null) ? file : Path.of("target", "generated-reviews-" + reviews + ".csv"))
			.toAbsolutePath()
			.normalize();
		if (Files.exists(target)) {
			logger.info("Scoring the " + reviews + " generated reviews of " + target + ", written before");
			return target;
		}
		ReviewGenerator.write(reviews, target);
		logger.info("Generated " + reviews + " reviews into " + target);
		return target;
	}

	/**
	 * Count the reviews of a file, reading it line by line.
	 * @param reviews the file
	 * @return its lines but the header
	 */
	static long count(Resource reviews) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(reviews.getInputStream(), StandardCharsets.UTF_8))) {
			return Math.max(0, reader.lines().count() - 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot count the reviews of " + reviews.getDescription(), ex);
		}
	}

}
