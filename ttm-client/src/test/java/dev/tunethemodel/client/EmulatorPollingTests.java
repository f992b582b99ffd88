package dev.tunethemodel.client;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that, with the client's default poll intervals, a short training on the emulator
 * is seen ready within seconds of its end, and its datasets processed within seconds.
 */
class EmulatorPollingTests {

	private static final Duration TRAINING_TIME = Duration.ofSeconds(3);

	private static final Duration PROCESSING_TIME = Duration.ofSeconds(2);

	private static final Duration SEEN_WITHIN = Duration.ofSeconds(5);

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static TuneTheModelEmulator emulator;

	@TempDir
	Path spoolDirectory;

	@BeforeAll
	static void startEmulator() {
		emulator = TuneTheModelEmulator.builder().trainingTime(TRAINING_TIME).processingTime(PROCESSING_TIME).start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void awaitReadyWithTheDefaultPollIntervalSeesAShortTrainingReadySoonAfterItsEnd() {
		TuneTheModelTemplate template = template();
		Model fitted = template.train(CreateModelRequest.classifier("short", 2), examples(), examples()).block(VERIFY);
		assertThat(fitted).isNotNull();
		Model ready = template.awaitReady(fitted.id(), Duration.ofSeconds(30)).block(VERIFY);
		Instant seen = Instant.now();
		assertThat(ready).isNotNull();
		assertThat(ready.status()).isEqualTo(ModelStatus.READY);
		assertThat(Duration.between(turnedReady(ready), seen)).isLessThan(SEEN_WITHIN);
	}

	@Test
	void trainWithProgressWithTheDefaultPollIntervalSeesAShortTrainingReadySoonAfterItsEnd() {
		Map<Class<?>, Instant> seen = new ConcurrentHashMap<>();
		List<TrainingEvent> events = new ArrayList<>();
		StepVerifier
			.create(template().trainWithProgress(CreateModelRequest.classifier("short", 2), examples(), examples())
				.doOnNext((event) -> seen.putIfAbsent(event.getClass(), Instant.now())))
			.recordWith(() -> events)
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(VERIFY);
		TrainingEvent.Ready ready = events.stream()
			.filter(TrainingEvent.Ready.class::isInstance)
			.map(TrainingEvent.Ready.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(Duration.between(turnedReady(ready.model()), seen.get(TrainingEvent.Ready.class)))
			.isLessThan(SEEN_WITHIN);
	}

	@Test
	void datasetsWithTheDefaultPollIntervalAreSeenProcessedSoonAfterTheirProcessing() {
		List<Instant> uploadsDone = new ArrayList<>();
		Instant[] processed = new Instant[1];
		StepVerifier
			.create(template().trainWithProgress(CreateModelRequest.classifier("short", 2), examples(), examples())
				.doOnNext((event) -> {
					if (event instanceof TrainingEvent.UploadProgress progress && progress.uploaded()) {
						uploadsDone.add(Instant.now());
					}
					else if (event instanceof TrainingEvent.DatasetsProcessed) {
						processed[0] = Instant.now();
					}
				})
				// no need to train: cancelling deletes the model and its datasets
				.takeUntil(TrainingEvent.DatasetsProcessed.class::isInstance))
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(VERIFY);
		assertThat(uploadsDone).hasSize(2);
		// the emulator processes each dataset in PROCESSING_TIME from the end of its
		// upload
		assertThat(Duration.between(uploadsDone.get(1), processed[0]))
			.isLessThan(PROCESSING_TIME.plus(Duration.ofSeconds(2)));
	}

	private TuneTheModelTemplate template() {
		// the default poll settings, as a user gets them
		return TuneTheModelTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.temporaryDirectory(this.spoolDirectory)
			.build();
	}

	// the emulator dates a status from when it began, in UTC
	private static Instant turnedReady(Model model) {
		assertThat(model.lastUpdated()).isNotNull();
		return model.lastUpdated().toInstant(ZoneOffset.UTC);
	}

	private static Flux<ClassifierExample> examples() {
		return Flux.range(0, 40)
			.map((i) -> new ClassifierExample(((i % 2 == 0) ? "good food " : "bad food ") + i, i % 2));
	}

}
