package dev.tunethemodel.client;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.TrainingEvent.Ready;
import dev.tunethemodel.client.observation.DefaultTuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.DefaultTuneTheModelTrainingObservationConvention;
import dev.tunethemodel.client.observation.UploadMeterObservationHandler;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the observations of trainings and uploads, against the emulator.
 */
class TrainingObservationTests {

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static final String TRAINING = DefaultTuneTheModelTrainingObservationConvention.NAME;

	private static final String OPERATION = DefaultTuneTheModelObservationConvention.NAME;

	private static TuneTheModelEmulator emulator;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeAll
	static void startEmulator() {
		emulator = TuneTheModelEmulator.builder()
			.trainingTime(Duration.ofMillis(300))
			.processingTime(Duration.ofMillis(50))
			.start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void trainingIsObservedUntilTheModelIsReadyWithItsUploadsWithin() {
		this.registry.observationConfig().observationHandler(new UploadMeterObservationHandler(this.meters));
		TuneTheModelTemplate template = TuneTheModelTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.pollInterval(Duration.ofMillis(50))
			.datasetPollInterval(Duration.ofMillis(20))
			.observationRegistry(this.registry)
			.build();
		Model model = template
			.trainWithProgress(CreateModelRequest.classifier("observed", 2), examples(100), examples(40))
			.ofType(Ready.class)
			.blockFirst(VERIFY)
			.model();
		assertThat(this.registry).hasObservationWithNameEqualTo(TRAINING)
			.that()
			.hasLowCardinalityKeyValue("tunethemodel.model.type", "classifier")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("error", "none")
			.hasHighCardinalityKeyValue("tunethemodel.model.id", model.id())
			.doesNotHaveParentObservation();
		assertThat(this.registry).hasHandledContextsThatSatisfy(
				(contexts) -> assertThat(contexts).filteredOn((context) -> OPERATION.equals(context.getName()))
					.hasSizeGreaterThan(5)
					.allSatisfy((context) -> assertThat(context.getParentObservation().getContextView().getName())
						.isEqualTo(TRAINING)));
		assertThat(this.registry).hasAnObservation((upload) -> upload.hasNameEqualTo(OPERATION)
			.hasLowCardinalityKeyValue("tunethemodel.operation", "upload")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValueWithKey("tunethemodel.file.id"));
		assertThat(this.meters.get(UploadMeterObservationHandler.EXAMPLES).counter().count()).isEqualTo(140);
		assertThat(this.meters.get(UploadMeterObservationHandler.BYTES).summary().count()).isEqualTo(2);
		assertThat(this.meters.get(UploadMeterObservationHandler.BYTES).summary().totalAmount()).isPositive();
	}

	@Test
	void trainingThatFailsIsObservedWithItsError() {
		TuneTheModelTemplate template = TuneTheModelTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.observationRegistry(this.registry)
			.build();
		StepVerifier.create(template.train(CreateModelRequest.generator("too-few"), Flux.empty(), Flux.empty()))
			.expectError(InvalidDatasetException.class)
			.verify(VERIFY);
		assertThat(this.registry).hasObservationWithNameEqualTo(TRAINING)
			.that()
			.hasLowCardinalityKeyValue("tunethemodel.model.type", "generator")
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("error", "InvalidDatasetException");
	}

	private static Flux<ClassifierExample> examples(int count) {
		return Flux.range(0, count).map((i) -> new ClassifierExample("text number " + i, i % 2));
	}

}
