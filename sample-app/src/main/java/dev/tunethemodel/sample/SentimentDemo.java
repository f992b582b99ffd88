package dev.tunethemodel.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import dev.tunethemodel.client.ClassifierExample;
import dev.tunethemodel.client.CreateModelRequest;
import dev.tunethemodel.client.Model;
import dev.tunethemodel.client.TrainingData;
import dev.tunethemodel.client.TrainingEvent;
import dev.tunethemodel.client.TrainingEvent.DatasetsBound;
import dev.tunethemodel.client.TrainingEvent.DatasetsProcessed;
import dev.tunethemodel.client.TrainingEvent.FitRequested;
import dev.tunethemodel.client.TrainingEvent.ModelCreated;
import dev.tunethemodel.client.TrainingEvent.Ready;
import dev.tunethemodel.client.TrainingEvent.StatusChanged;
import dev.tunethemodel.client.TrainingEvent.UploadProgress;
import dev.tunethemodel.client.TuneTheModelOperations;

/**
 * The demo the sample runs on start, in the background while it serves: train a sentiment
 * classifier on the bundled reviews, with a line per step, then classify three sentences.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.demo.enabled", matchIfMissing = true)
class SentimentDemo implements ApplicationRunner {

	static final List<String> SENTENCES = List.of("The staff were friendly and the room was wonderful.",
			"The delivery was late and the box arrived damaged.", "The pasta was fine, but the waiter was rude.");

	private static final Logger logger = LoggerFactory.getLogger(SentimentDemo.class);

	private static final String[] SENTIMENTS = { "negative", "positive" };

	private final TuneTheModelOperations tuneTheModel;

	private final Sinks.One<DemoReport> report = Sinks.one();

	SentimentDemo(TuneTheModelOperations tuneTheModel) {
		this.tuneTheModel = tuneTheModel;
	}

	/**
	 * Return the result of the demo.
	 * @return the report, once the demo is done
	 */
	Mono<DemoReport> report() {
		return this.report.asMono();
	}

	@Override
	public void run(ApplicationArguments args) {
		Mono.fromCallable(SentimentDemo::reviewsFile)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMapMany(this::train)
			.doOnNext(this::log)
			.ofType(Ready.class)
			.next()
			.flatMap((ready) -> classify(ready.model()))
			.subscribe(this.report::tryEmitValue, (ex) -> {
				logger.error("The demo failed: {}", ex.getMessage());
				this.report.tryEmitError(ex);
			});
	}

	private Flux<TrainingEvent> train(Path reviews) {
		TrainingData.Split<ClassifierExample> split = TrainingData
			.split(TrainingData.classifierCsv(reviews, "text", "sentiment"), 0.2, 42);
		logger.info("Demo: training a sentiment classifier on the bundled reviews");
		return this.tuneTheModel.trainWithProgress(CreateModelRequest.classifier("sentiment-demo", 2), split.training(),
				split.validation());
	}

	private Mono<DemoReport> classify(Model model) {
		return Flux.fromIterable(SENTENCES)
			.concatMap((sentence) -> this.tuneTheModel.classify(model.id(), sentence)
				.map((classification) -> new DemoReport.Verdict(sentence, SENTIMENTS[classification.bestClass()],
						classification.scores())))
			.doOnNext((verdict) -> logger.info("Demo: \"{}\" is {} (negative {}, positive {})", verdict.sentence(),
					verdict.sentiment(), percent(verdict.scores().get(0)), percent(verdict.scores().get(1))))
			.collectList()
			.map((verdicts) -> new DemoReport(model.id(), verdicts))
			.doOnNext((report) -> logger.info("Demo: done; try http://localhost:8080/models/{}/events", model.id()));
	}

	private void log(TrainingEvent event) {
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
	}

	private static String percent(double score) {
		return String.format("%.0f%%", score * 100);
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
