package dev.tunethemodel.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.emulator.TuneTheModelEmulator;
import dev.tunethemodel.testsupport.DroppedErrors;
import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trainings and uploads cancelled at random moments against the emulator, seeded: what
 * they created on the API is deleted, no spool file remains, and nothing is logged as an
 * error. The emulator processes datasets slowly enough that no training reaches fit.
 */
@HostileSuite
@ParameterizedClass
@EnumSource(TransportUnderTest.class)
@ExtendWith(OutputCaptureExtension.class)
class RandomCancellationTests {

	private static final long SEED = 13;

	private static final int CANCELLATIONS = 1_000;

	private static final int CONCURRENCY = 16;

	private static final int LATEST_CANCEL_MILLIS = 60;

	private static final Duration SETTLE = Duration.ofSeconds(60);

	private static TuneTheModelEmulator emulator;

	@RegisterExtension
	final DroppedErrors dropped = new DroppedErrors();

	@TempDir
	Path spoolDirectory;

	private final TransportUnderTest transport;

	private TuneTheModelTemplate template;

	RandomCancellationTests(TransportUnderTest transport) {
		this.transport = transport;
	}

	@BeforeAll
	static void startEmulator() {
		emulator = TuneTheModelEmulator.builder()
			.processingTime(Duration.ofSeconds(30))
			.trainingTime(Duration.ofSeconds(30))
			.start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@BeforeEach
	void createTemplate() {
		this.template = TuneTheModelTemplate.builder()
			.webClientBuilder(this.transport.webClientBuilder())
			.baseUrl(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.temporaryDirectory(this.spoolDirectory)
			.datasetPollInterval(Duration.ofMillis(5))
			.build();
	}

	@Test
	void cancellationsAtRandomMomentsLeaveNothingBehind(CapturedOutput output) {
		Random random = new Random(SEED);
		List<DatasetFile> uploadTargets = Flux.range(0, CANCELLATIONS / 3)
			.concatMap((i) -> this.template.createFile("upload-" + i, ModelType.CLASSIFIER))
			.collectList()
			.block(SETTLE);
		Queue<DatasetFile> targets = new ConcurrentLinkedQueue<>(uploadTargets);
		List<Mono<Void>> runs = IntStream.range(0, CANCELLATIONS)
			.mapToObj((i) -> cancelled(operation(i, random, targets), random.nextInt(LATEST_CANCEL_MILLIS + 1)))
			.toList();
		Flux.fromIterable(runs).flatMap((run) -> run, CONCURRENCY).then().block(SETTLE);
		Flux.fromIterable(uploadTargets).concatMap((file) -> this.template.deleteFile(file.id())).then().block(SETTLE);
		await().atMost(SETTLE).untilAsserted(() -> {
			List<Model> models = this.template.listModels().collectList().block(SETTLE);
			assertThat(models).as(() -> leftBehind(models, output)).isEmpty();
			assertThat(this.template.listFiles().collectList().block(SETTLE)).isEmpty();
			assertThat(spoolFiles()).isEmpty();
		});
		assertThat(this.dropped.errors()).isEmpty();
		assertThat(output).doesNotContain("ERROR");
	}

	private Flux<?> operation(int run, Random random, Queue<DatasetFile> uploadTargets) {
		Flux<ClassifierExample> training = examples(random);
		Flux<ClassifierExample> validation = examples(random);
		CreateModelRequest request = CreateModelRequest.classifier("cancelled-" + run, 2);
		return switch (run % 3) {
			case 0 -> this.template.train(request, training, validation).flux();
			case 1 -> this.template.trainWithProgress(request, training, validation);
			default -> this.template.upload(uploadTargets.remove(), training).flux();
		};
	}

	// some datasets arrive slowly, so that cancellations also land while they are spooled
	private static Flux<ClassifierExample> examples(Random random) {
		Flux<ClassifierExample> examples = Flux.range(0, 20)
			.map((i) -> new ClassifierExample("text number " + i, i % 2));
		return random.nextBoolean() ? examples : examples.delayElements(Duration.ofMillis(1));
	}

	private static Mono<Void> cancelled(Flux<?> operation, int afterMillis) {
		return operation.take(Duration.ofMillis(afterMillis)).onErrorResume((ex) -> Mono.empty()).then();
	}

	// the requests the emulator kept for each model left behind, and the warnings
	private static String leftBehind(List<Model> models, CapturedOutput output) {
		StringBuilder report = new StringBuilder("models left behind");
		for (Model model : models) {
			report.append("; ").append(model.name()).append(": ");
			emulator.requests()
				.stream()
				.filter((request) -> request.path().contains(model.id()) || (request.path().equals("/v0/models")
						&& request.body() != null && request.body().contains('"' + model.name() + '"')))
				.forEach((request) -> report.append(request.method()).append(' ').append(request.path()).append(", "));
		}
		output.toString()
			.lines()
			.filter((line) -> line.contains("WARN"))
			.limit(20)
			.forEach((line) -> report.append("\n").append(line));
		return report.toString();
	}

	private List<Path> spoolFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.spoolDirectory)) {
			return files.toList();
		}
	}

}
