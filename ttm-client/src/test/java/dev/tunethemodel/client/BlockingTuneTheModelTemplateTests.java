package dev.tunethemodel.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelNotFoundException;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.Evaluation;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.emulator.Fault;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link BlockingTuneTheModelTemplate}, against the emulator.
 */
class BlockingTuneTheModelTemplateTests {

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static TuneTheModelEmulator emulator;

	@TempDir
	Path directory;

	private TuneTheModelTemplate reactive;

	private BlockingTuneTheModelTemplate blocking;

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

	@BeforeEach
	void createTemplates() {
		emulator.clearFaults();
		this.reactive = template(Duration.ofSeconds(10));
		this.blocking = new BlockingTuneTheModelTemplate(this.reactive);
	}

	@Test
	void classifierIsTrainedFromFilesFollowedAndUsedWithoutReactor() throws IOException {
		Path csv = reviews();
		TrainingData.Split<ClassifierExample> split = TrainingData
			.split(TrainingData.csv(csv).text("text").label("label").classifier(), 0.25, 7);
		List<TrainingEvent> events = new ArrayList<>();
		Thread caller = Thread.currentThread();
		List<Thread> listenerThreads = new ArrayList<>();
		Model model = this.blocking.trainWithProgress(CreateModelRequest.classifier("blocking-reviews", 2),
				TrainingData.iterable(split.training()), TrainingData.iterable(split.validation()), (event) -> {
					events.add(event);
					listenerThreads.add(Thread.currentThread());
				});
		assertThat(model.status()).isEqualTo(ModelStatus.READY);
		assertThat(events).extracting((event) -> event.getClass().getSimpleName())
			.containsSubsequence("ModelCreated", "UploadProgress", "DatasetsProcessed", "DatasetsBound", "FitRequested",
					"Ready", "Evaluated");
		assertThat(listenerThreads).containsOnly(caller);
		assertThat(this.blocking.getModel(model.id()).status()).isEqualTo(ModelStatus.READY);
		assertThat(this.blocking.awaitReady(model.id(), Duration.ofSeconds(5)).id()).isEqualTo(model.id());
		List<Model> changes = new ArrayList<>();
		assertThat(this.blocking.watch(model.id(), changes::add).status()).isEqualTo(ModelStatus.READY);
		assertThat(changes).extracting(Model::status).containsExactly(ModelStatus.READY);
		assertThat(this.blocking.listModels()).extracting(Model::id).contains(model.id());
		assertThat(this.blocking.classify(model.id(), "wonderful friendly staff, great food").bestClass()).isOne();
		assertThat(this.blocking.classify(model.id(), "rude staff, awful food").bestClass()).isZero();
		List<Integer> classes = new ArrayList<>();
		List<Thread> resultThreads = new ArrayList<>();
		this.blocking.classifyAll(model.id(), List.of("rude staff, awful food", "wonderful friendly staff, great food"),
				(classification) -> {
					classes.add(classification.bestClass());
					resultThreads.add(Thread.currentThread());
				});
		assertThat(classes).containsExactly(0, 1);
		assertThat(resultThreads).containsOnly(caller);
		Evaluation evaluation = this.blocking.evaluate(model.id(), TrainingData.iterable(split.validation()));
		assertThat(evaluation.count()).isEqualTo(split.validation().count().block(VERIFY));
		assertThat(evaluation.accuracy()).isGreaterThan(0.8);
		assertThat(this.blocking.deleteModel(model.id()).id()).isEqualTo(model.id());
		assertThatExceptionOfType(TuneTheModelNotFoundException.class)
			.isThrownBy(() -> this.blocking.getModel(model.id()));
	}

	@Test
	void resultActionThatThrowsStopsTheCallsAndIsThrown() throws InterruptedException {
		IllegalStateException stop = new IllegalStateException("enough");
		AtomicInteger read = new AtomicInteger();
		Iterable<GenerateRequest> requests = () -> IntStream.range(0, 100_000)
			.peek((i) -> read.incrementAndGet())
			.mapToObj((i) -> GenerateRequest.of("text " + i))
			.iterator();
		List<Generation> seen = new ArrayList<>();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.blocking.generateAll("default-generator", requests, (generation) -> {
				seen.add(generation);
				if (seen.size() == 3) {
					throw stop;
				}
			}))
			.isSameAs(stop);
		Thread.sleep(300);
		int readAfterStop = read.get();
		Thread.sleep(300);
		assertThat(seen).hasSize(3);
		// the results waiting for the caller, the calls at once and a batch of inputs
		assertThat(read.get()).isEqualTo(readAfterStop).isLessThanOrEqualTo(3 + 256 + 32 + 32);
	}

	@Test
	void stepsOfATrainingAreCalledOneByOne() {
		Model created = this.blocking.createModel(CreateModelRequest.classifier("blocking-steps", 2));
		DatasetFile training = this.blocking.createFile("blocking-steps-train", ModelType.CLASSIFIER);
		DatasetFile validation = this.blocking.createFile("blocking-steps-valid", ModelType.CLASSIFIER);
		this.blocking.upload(training, examples(40));
		this.blocking.upload(validation, lazily(examples(32)));
		assertThat(this.blocking.listFiles()).extracting(DatasetFile::id).contains(training.id(), validation.id());
		awaitProcessed(training);
		awaitProcessed(validation);
		assertThat(this.blocking.bind(created.id(), training.id(), validation.id()).id()).isEqualTo(created.id());
		this.blocking.fit(created.id());
		Model ready = this.blocking.awaitReady(created.id(), Duration.ofSeconds(10));
		assertThat(ready.status()).isEqualTo(ModelStatus.READY);
		assertThat(this.blocking.deleteFile(training.id()).id()).isEqualTo(training.id());
		assertThatExceptionOfType(TuneTheModelNotFoundException.class)
			.isThrownBy(() -> this.blocking.getFile(training.id()));
	}

	@Test
	void publicGeneratorAnswers() {
		assertThat(this.blocking.listPublicModels()).extracting(Model::id).contains("default-generator");
		Generation generation = this.blocking.generate("default-generator", GenerateRequest.of("Hello"));
		assertThat(generation.texts()).isNotEmpty();
	}

	@Test
	void typedExceptionIsThrownAsItIsWithoutAReactorWrapper() {
		emulator.inject(Fault.status(503).times(10));
		TuneTheModelServerException thrown = catchThrowable(TuneTheModelServerException.class,
				() -> this.blocking.withRetrySettings(RetrySettings.none()).listModels());
		assertThat(thrown.statusCode()).isEqualTo(503);
		assertThat(thrown.getCause()).isNull();
		assertThat(thrown.getSuppressed()).isEmpty();
	}

	@Test
	void withRetrySettingsRepeatsAsTheyAsk() {
		emulator.inject(Fault.status(503).times(2));
		BlockingTuneTheModelOperations patient = this.blocking.withRetrySettings(
				new RetrySettings(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)));
		assertThat(patient.listPublicModels()).isNotEmpty();
		emulator.inject(Fault.status(503).times(2));
		assertThatExceptionOfType(TuneTheModelServerException.class)
			.isThrownBy(() -> this.blocking.withRetrySettings(RetrySettings.none()).listPublicModels());
	}

	@Test
	void callIsBoundedByTheClientsTimeout() {
		emulator.inject(Fault.delay(Duration.ofSeconds(5)));
		BlockingTuneTheModelTemplate impatient = new BlockingTuneTheModelTemplate(template(Duration.ofMillis(300)));
		long started = System.nanoTime();
		assertThatExceptionOfType(TuneTheModelTimeoutException.class).isThrownBy(impatient::listModels)
			.withMessageContaining("did not complete within");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void callOnAnEventLoopFailsAtOnce() {
		StepVerifier.create(this.reactive.listPublicModels().take(1).map((model) -> this.blocking.getModel(model.id())))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("non-blocking thread 'reactor-http-")
				.hasMessageEndingWith("use TuneTheModelOperations there"))
			.verify(VERIFY);
	}

	@Test
	void callOnAParallelSchedulerFailsAtOnce() {
		StepVerifier.create(Mono.fromCallable(this.blocking::listModels).subscribeOn(Schedulers.parallel()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("non-blocking thread 'parallel-"))
			.verify(VERIFY);
		StepVerifier.create(Mono.fromCallable(() -> this.blocking.watch("model-1", (model) -> {
		})).subscribeOn(Schedulers.parallel())).expectError(IllegalStateException.class).verify(VERIFY);
	}

	@Test
	void interruptedCallEndsWithTheInterruptKept() throws Exception {
		emulator.inject(Fault.delay(Duration.ofSeconds(5)));
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		AtomicReference<Boolean> interrupted = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				this.blocking.listModels();
			}
			catch (RuntimeException ex) {
				thrown.set(ex);
				interrupted.set(Thread.currentThread().isInterrupted());
			}
		});
		caller.start();
		Thread.sleep(200);
		caller.interrupt();
		caller.join(VERIFY.toMillis());
		assertThat(thrown.get()).isInstanceOf(TuneTheModelException.class)
			.hasMessage("Interrupted while waiting for the Tune the Model API")
			.hasCauseInstanceOf(InterruptedException.class);
		assertThat(interrupted.get()).isTrue();
	}

	@Test
	void listenerThatThrowsStopsTheTrainingAndItsModelIsDeleted() {
		IllegalStateException stop = new IllegalStateException("stop");
		AtomicReference<Model> created = new AtomicReference<>();
		assertThat(catchThrowable(IllegalStateException.class,
				() -> this.blocking.trainWithProgress(CreateModelRequest.classifier("blocking-stopped", 2),
						examples(40), examples(32), (event) -> {
							if (event instanceof TrainingEvent.ModelCreated modelCreated) {
								created.set(modelCreated.model());
							}
							if (event instanceof TrainingEvent.DatasetsProcessed) {
								throw stop;
							}
						})))
			.isSameAs(stop);
		String modelId = created.get().id();
		long deadline = System.nanoTime() + VERIFY.toNanos();
		while (this.blocking.listModels().stream().anyMatch((model) -> model.id().equals(modelId))) {
			assertThat(System.nanoTime()).as("model deleted in time").isLessThan(deadline);
			sleep(20);
		}
	}

	@Test
	void callsFromVirtualThreadsAnswer() throws Exception {
		assumeThat(Runtime.version().feature()).as("virtual threads need Java 21").isGreaterThanOrEqualTo(21);
		generateConcurrentlyOn(
				(ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null));
	}

	@Test
	void callsFromPlatformThreadsAnswer() throws Exception {
		generateConcurrentlyOn(Executors.newFixedThreadPool(64));
	}

	@Test
	void missingArgumentsAreRefusedBeforeAnyCall() {
		DatasetFile file = this.blocking.createFile("blocking-missing", ModelType.CLASSIFIER);
		assertThatIllegalArgumentException().isThrownBy(() -> this.blocking.upload(file, null))
			.withMessage("The examples must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.blocking.train(CreateModelRequest.classifier("x", 2), examples(32), null))
			.withMessage("The validation examples must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.blocking.watch("model-1", null))
			.withMessage("The change listener must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.blocking.getModel("../x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new BlockingTuneTheModelTemplate(null))
			.withMessage("The reactive operations must not be null");
	}

	@Test
	void toStringNamesTheReactiveOperationsWithoutTheKey() {
		assertThat(this.blocking.toString()).startsWith("BlockingTuneTheModelTemplate[")
			.doesNotContain(emulator.apiKey());
	}

	private TuneTheModelTemplate template(Duration timeout) {
		return TuneTheModelTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.temporaryDirectory(this.directory)
			.retrySettings(RetrySettings.none())
			.timeout(timeout)
			.pollInterval(Duration.ofMillis(50))
			.datasetPollInterval(Duration.ofMillis(20))
			.build();
	}

	private void generateConcurrentlyOn(ExecutorService threads) throws Exception {
		try (AutoCloseable closing = threads::shutdownNow) {
			List<Callable<Generation>> calls = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String prompt = "prompt " + i;
				calls.add(() -> this.blocking.generate("default-generator", GenerateRequest.of(prompt)));
			}
			for (Future<Generation> answer : threads.invokeAll(calls, 30, TimeUnit.SECONDS)) {
				assertThat(answer.get().texts()).isNotEmpty();
			}
		}
	}

	private void awaitProcessed(DatasetFile file) {
		long deadline = System.nanoTime() + VERIFY.toNanos();
		while (this.blocking.getFile(file.id()).status() != FileStatus.READY) {
			assertThat(System.nanoTime()).as("file processed in time").isLessThan(deadline);
			sleep(20);
		}
	}

	private Path reviews() throws IOException {
		List<String> lines = new ArrayList<>(List.of("text,label"));
		for (int i = 0; i < 64; i++) {
			lines.add("\"wonderful friendly staff, great food " + i + "\",1");
			lines.add("\"rude staff, awful food " + i + "\",0");
		}
		return Files.write(this.directory.resolve("reviews.csv"), lines);
	}

	private static List<ClassifierExample> examples(int count) {
		List<ClassifierExample> examples = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			examples.add(new ClassifierExample("example " + i, i % 2));
		}
		return examples;
	}

	// not a collection, and waits for its source as a database cursor does
	private static <T> Iterable<T> lazily(List<T> examples) {
		return () -> {
			Iterator<T> source = examples.iterator();
			return new Iterator<>() {

				@Override
				public boolean hasNext() {
					sleep(1);
					return source.hasNext();
				}

				@Override
				public T next() {
					return source.next();
				}

			};
		};
	}

	private static <T extends Throwable> T catchThrowable(Class<T> type, Runnable call) {
		try {
			call.run();
		}
		catch (Throwable ex) {
			assertThat(ex).isInstanceOf(type);
			return type.cast(ex);
		}
		throw new AssertionError("Expected " + type.getSimpleName() + ", but nothing was thrown");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
