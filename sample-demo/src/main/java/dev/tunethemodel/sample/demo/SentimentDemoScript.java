package dev.tunethemodel.sample.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;

/**
 * What the sentiment demo of both samples does, whichever API it calls: the model it
 * trains, the bundled reviews it trains it on, and the sentences it classifies.
 *
 * @since 0.1.0
 */
public final class SentimentDemoScript {

	/**
	 * The sentences the demo classifies: a positive, a negative and a mixed one.
	 */
	public static final List<String> SENTENCES = List.of("The staff were friendly and the room was wonderful.",
			"The delivery was late and the box arrived damaged.", "The pasta was fine, but the waiter was rude.");

	/**
	 * The name of the model the demo trains.
	 */
	public static final String MODEL_NAME = "sentiment-demo";

	/**
	 * The property that turns the demo on: on by default on the local emulator, off with
	 * an API key, where a training costs money.
	 */
	public static final String ENABLED_PROPERTY = "sample.demo.enabled";

	/**
	 * The labels of the reviews, as their CSV names them: {@code negative} is class 0,
	 * {@code positive} class 1.
	 */
	public static final ClassLabels LABELS = ClassLabels.of("negative", "positive");

	private SentimentDemoScript() {
	}

	/**
	 * Return the model the demo trains.
	 * @return a classifier of the two sentiments, as {@link #LABELS} names them
	 */
	public static CreateModelRequest model() {
		return CreateModelRequest.classifier(MODEL_NAME, LABELS);
	}

	/**
	 * Return the bundled reviews, split into the training and the validation part; reads
	 * and writes a file, so not for an event-loop thread.
	 * @return the two parts, read lazily from a copy of the bundled reviews, whose label
	 * column names the sentiment as {@link #LABELS} does
	 */
	public static TrainingData.Split<ClassifierExample> reviews() {
		return TrainingData.split(TrainingData.csv(reviewsFile()).text("text").label("sentiment", LABELS).classifier(),
				0.2, 42);
	}

	// the readers take files: the bundled reviews are copied out of the jar
	private static Path reviewsFile() {
		try (InputStream in = new ClassPathResource("datasets/reviews.csv").getInputStream()) {
			Path file = Files.createTempFile("ttm-sample-reviews-", ".csv");
			file.toFile().deleteOnExit();
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
