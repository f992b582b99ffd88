package dev.tunethemodel.client;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.Evaluation;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.GeneratorExample;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingEvent.Evaluated;
import dev.tunethemodel.emulator.Fault;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow against the emulator, not WireMock: train, watch, classify, generate,
 * over real HTTP with real (tiny) models.
 */
class EmulatorFlowTests {

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static TuneTheModelEmulator emulator;

	@TempDir
	Path spoolDirectory;

	@BeforeAll
	static void startEmulator() {
		emulator = TuneTheModelEmulator.builder()
			.trainingTime(Duration.ofMillis(600))
			.processingTime(Duration.ofMillis(150))
			.start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void classifierIsTrainedOnTheReviewsThenWatchedAndClassifies() throws URISyntaxException, IOException {
		TuneTheModelTemplate template = template();
		Path named = Path.of(getClass().getResource("/datasets/reviews.csv").toURI());
		String numbered = Files.readString(named)
			.replaceAll("(?m),negative\\r?$", ",0")
			.replaceAll("(?m),positive\\r?$", ",1");
		Path reviews = Files.writeString(this.spoolDirectory.resolve("numbered-reviews.csv"), numbered);
		TrainingData.Split<ClassifierExample> split = TrainingData
			.split(TrainingData.csv(reviews).text("text").label("sentiment").classifier(), 0.2, 42);
		List<TrainingEvent> events = new ArrayList<>();
		StepVerifier
			.create(template.trainWithProgress(CreateModelRequest.classifier("sentiment", 2), split.training(),
					split.validation()))
			.recordWith(() -> events)
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(VERIFY);
		assertThat(events).extracting((event) -> event.getClass().getSimpleName())
			.containsSubsequence("ModelCreated", "UploadProgress", "UploadProgress", "DatasetsProcessed",
					"DatasetsBound", "FitRequested", "StatusChanged", "Ready", "Evaluated");
		Evaluated evaluated = (Evaluated) events.get(events.size() - 1);
		assertThat(evaluated.evaluation().count()).isEqualTo(split.validation().count().block(VERIFY));
		assertThat(evaluated.evaluation().accuracy()).isGreaterThan(0.8);
		Model model = evaluated.model();
		StepVerifier.create(template.watch(model.id()).map(Model::status))
			.expectNext(ModelStatus.READY)
			.expectComplete()
			.verify(VERIFY);
		StepVerifier.create(template.classify(model.id(), "The staff were friendly and the food was wonderful."))
			.assertNext((classification) -> {
				assertThat(classification.bestClass()).isEqualTo(1);
				assertThat(classification.scores().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
						org.assertj.core.data.Offset.offset(1e-9));
			})
			.expectComplete()
			.verify(VERIFY);
		StepVerifier.create(template.classify(model.id(), "Rude staff, awful food, a waste of money."))
			.assertNext((classification) -> assertThat(classification.bestClass()).isZero())
			.expectComplete()
			.verify(VERIFY);
		StepVerifier.create(template.listFiles().map(DatasetFile::status).distinct())
			.expectNext(FileStatus.READY)
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void classifierIsTrainedOnNamedLabelsAndAnswersWithTheirNames() throws URISyntaxException {
		TuneTheModelTemplate template = template();
		Path reviews = Path.of(getClass().getResource("/datasets/reviews.csv").toURI());
		ClassLabels labels = ClassLabels.of("negative", "positive");
		TrainingData.Split<ClassifierExample> split = TrainingData
			.split(TrainingData.csv(reviews).text("text").label("sentiment", labels).classifier(), 0.2, 42);
		Model model = template
			.train(CreateModelRequest.classifier("sentiment", labels), split.training(), split.validation())
			.flatMap((created) -> template.awaitReady(created.id(), Duration.ofSeconds(10)))
			.block(VERIFY);
		StepVerifier
			.create(template
				.classifyAll(model.id(),
						Flux.just("The staff were friendly and the food was wonderful.",
								"Rude staff, awful food, a waste of money."))
				.map((classification) -> classification.bestLabel(labels)))
			.expectNext("positive", "negative")
			.expectComplete()
			.verify(VERIFY);
		Evaluation evaluation = template.evaluate(model.id(), split.validation()).block(VERIFY).withLabels(labels);
		assertThat(evaluation.figures("positive").support() + evaluation.figures("negative").support())
			.isEqualTo(evaluation.count())
			.isEqualTo(split.validation().count().block(VERIFY));
		assertThat(evaluation.figures("positive").recall()).isGreaterThan(0.8);
		assertThat(evaluation.toString()).contains("negative", "positive", "accuracy");
	}

	@Test
	void generatorIsTrainedThenAwaitedAndGenerates() {
		TuneTheModelTemplate template = template();
		Flux<GeneratorExample> capitals = Flux.range(0, 40)
			.map((i) -> new GeneratorExample("What is the capital of country " + i + "?", "Capital " + i));
		StepVerifier
			.create(template.train(CreateModelRequest.generator("capitals"), capitals, capitals.take(35))
				.flatMap((model) -> template.awaitReady(model.id(), Duration.ofSeconds(10)))
				.flatMap((model) -> template.generate(model.id(),
						GenerateRequest.builder("What is the capital of country 27?").numHypos(2).build())))
			.assertNext((generation) -> assertThat(generation.texts()).hasSize(2).first().isEqualTo("Capital 27"))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void defaultGeneratorNeedsNoTraining() {
		StepVerifier
			.create(template().generate("default-generator",
					GenerateRequest.of("cat -> chat\ndog -> chien\nmy cat ->")))
			.assertNext((generation) -> assertThat(generation.texts()).containsExactly("chat"))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void injectedFaultsAreRetriedByTheClient() {
		emulator.inject(Fault.status(503).times(2));
		StepVerifier.create(template().listPublicModels().map(Model::id))
			.expectNext("default-generator", "massive_intent_classification")
			.expectNextCount(6)
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void wrongKeyIsAnAuthenticationError() {
		TuneTheModelTemplate wrongKey = TuneTheModelTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiKey("wrong")
			.build();
		StepVerifier.create(wrongKey.listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelAuthenticationException.class)
				.hasMessage("GET /v0/models failed with 401 Unauthorized: Invalid API key"))
			.verify(VERIFY);
	}

	private TuneTheModelTemplate template() {
		return TuneTheModelTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.temporaryDirectory(this.spoolDirectory)
			.retrySettings(new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(5)))
			.pollInterval(Duration.ofMillis(100))
			.datasetPollInterval(Duration.ofMillis(50))
			.build();
	}

}
