package dev.tunethemodel.sample.demo;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingEvent.DatasetsBound;
import dev.tunethemodel.client.model.TrainingEvent.DatasetsProcessed;
import dev.tunethemodel.client.model.TrainingEvent.Evaluated;
import dev.tunethemodel.client.model.TrainingEvent.FitRequested;
import dev.tunethemodel.client.model.TrainingEvent.ModelCreated;
import dev.tunethemodel.client.model.TrainingEvent.Ready;
import dev.tunethemodel.client.model.TrainingEvent.StatusChanged;
import dev.tunethemodel.client.model.TrainingEvent.UploadProgress;

/**
 * The log lines of the sentiment demo: a line per step, and the table of the trained
 * model's figures on the validation reviews.
 *
 * @since 0.1.0
 */
public final class DemoLog {

	private static final Logger logger = LoggerFactory.getLogger(DemoLog.class);

	private DemoLog() {
	}

	/**
	 * Say that the training starts.
	 */
	public static void training() {
		logger.info("Demo: training a sentiment classifier on the bundled reviews");
	}

	/**
	 * Say that the demo does not train, and how to turn it on.
	 */
	public static void off() {
		logger.info("Demo: off, no model trained at start ({}=true turns it on; it is off by default with an "
				+ "API key, as a training on the API costs money)", SentimentDemoScript.ENABLED_PROPERTY);
	}

	/**
	 * Say what a step of the training did.
	 * @param event the step
	 */
	public static void step(TrainingEvent event) {
		if (event instanceof ModelCreated created) {
			logger.info("Demo: created model {}", created.model().id());
		}
		else if (event instanceof UploadProgress progress) {
			logger.info("Demo: {} {} {} examples", progress.uploaded() ? "uploaded" : "read", progress.examples(),
					progress.dataset().name().toLowerCase());
		}
		else if (event instanceof DatasetsProcessed) {
			logger.info("Demo: the API has processed both datasets");
		}
		else if (event instanceof DatasetsBound) {
			logger.info("Demo: datasets bound to the model");
		}
		else if (event instanceof FitRequested fit) {
			logger.info("Demo: training requested, status {}", fit.model().rawStatus());
		}
		else if (event instanceof StatusChanged changed) {
			logger.info("Demo: status {}", changed.model().rawStatus());
		}
		else if (event instanceof Ready ready) {
			logger.info("Demo: model {} is ready", ready.model().id());
		}
		else if (event instanceof Evaluated evaluated) {
			logger.info("Demo: evaluated on the validation reviews\n{}",
					evaluated.evaluation().withLabels(SentimentDemoScript.LABELS));
		}
	}

	/**
	 * Say what the classifier found in a sentence.
	 * @param verdict the verdict on the sentence
	 */
	public static void verdict(DemoReport.Verdict verdict) {
		List<String> scores = new ArrayList<>(verdict.scores().size());
		for (int i = 0; i < verdict.scores().size(); i++) {
			scores.add(SentimentDemoScript.LABELS.name(i) + " " + percent(verdict.scores().get(i)));
		}
		logger.info("Demo: \"{}\" is {} ({})", verdict.sentence(), verdict.sentiment(), String.join(", ", scores));
	}

	/**
	 * Say that the demo is done, and where to look next.
	 * @param report what the demo found
	 */
	public static void done(DemoReport report) {
		logger.info("Demo: done; try http://localhost:8080/models/{}/events", report.modelId());
	}

	/**
	 * Say that the demo failed.
	 * @param ex why
	 */
	public static void failed(Throwable ex) {
		logger.error("The demo failed: {}", ex.getMessage());
	}

	private static String percent(double score) {
		return String.format("%.0f%%", score * 100);
	}

}
