package dev.tunethemodel.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingEvent.Dataset;
import dev.tunethemodel.client.model.TrainingEvent.DatasetsBound;
import dev.tunethemodel.client.model.TrainingEvent.DatasetsProcessed;
import dev.tunethemodel.client.model.TrainingEvent.Evaluated;
import dev.tunethemodel.client.model.TrainingEvent.FitRequested;
import dev.tunethemodel.client.model.TrainingEvent.ModelCreated;
import dev.tunethemodel.client.model.TrainingEvent.Ready;
import dev.tunethemodel.client.model.TrainingEvent.StatusChanged;
import dev.tunethemodel.client.model.TrainingEvent.UploadProgress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link TuneTheModelTemplate#train} and
 * {@link TuneTheModelTemplate#trainWithProgress} against WireMock: the whole sequence,
 * and the cleanup when a step fails.
 */
class TrainingTests extends WireMockTemplateTests {

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static final String MODEL = """
			{"status": "%s", "model_name": "m-1", "model_type": "classifier", "model_params": {"num_classes": 3},
			"user_name": "sentiment", "last_updated_time": "2022-06-10 17:52:35.81619"}
			""";

	@TempDir
	Path spoolDirectory;

	@BeforeEach
	void fastPolling() {
		this.template = TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.temporaryDirectory(this.spoolDirectory)
			.pollInterval(Duration.ofMillis(20))
			.datasetPollInterval(Duration.ofMillis(20))
			.build();
	}

	@Test
	void trainCreatesUploadsWaitsBindsAndFitsInOrder() {
		stubTheWholeSequence();
		StepVerifier
			.create(this.template.train(CreateModelRequest.classifier("sentiment", 3), classifier(40), classifier(35)))
			.assertNext((model) -> {
				assertThat(model.id()).isEqualTo("m-1");
				assertThat(model.status()).isEqualTo(ModelStatus.TRAIN_REQUESTED);
			})
			.expectComplete()
			.verify(VERIFY);
		List<LoggedRequest> requests = requestsInOrder();
		List<String> steps = requests.stream().map(TrainingTests::describe).toList();
		assertThat(steps.subList(0, 5)).containsExactly("POST /v0/models", "POST /v0/files", "POST /v0/files",
				"PUT /bucket/train", "PUT /bucket/val");
		assertThat(steps.subList(5, steps.size() - 2)).contains("GET /v0/files/f_train/status",
				"GET /v0/files/f_val/status");
		assertThat(steps.subList(steps.size() - 2, steps.size())).containsExactly("POST /v0/models/m-1/bind",
				"POST /v0/models/m-1/fit");
		assertThat(requests.get(0).getBodyAsString()).isEqualToIgnoringWhitespace(
				"{\"model_type\":\"classifier\",\"name\":\"sentiment\",\"model_params\":{\"num_classes\":3}}");
		assertThat(requests.get(1).getBodyAsString()).isEqualTo("{\"name\":\"train\",\"task_type\":\"classifier\"}");
		assertThat(requests.get(2).getBodyAsString()).isEqualTo("{\"name\":\"val\",\"task_type\":\"classifier\"}");
		assertThat(requests.get(3).getBodyAsString()).isEqualTo(expectedBody(40));
		assertThat(requests.get(4).getBodyAsString()).isEqualTo(expectedBody(35));
		assertThat(requests.get(3).containsHeader("Authorization")).isFalse();
		assertThat(requests.get(steps.size() - 2).getBodyAsString())
			.isEqualTo("{\"train_file\":\"f_train\",\"validate_file\":\"f_val\"}");
		assertThat(requests.get(steps.size() - 1).getBody()).isEmpty();
		wireMock.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void trainWithProgressTellsEveryStepUntilTheModelIsReady() {
		stubTheWholeSequence();
		stubStatuses("TrainRequested", "TrainRequested", "InQueue", "Training", "Training", "Ready");
		wireMock
			.stubFor(post("/v0/models/m-1/classify").willReturn(okJson("{\"answer\": {\"scores\": [0.1, 0.2, 0.7]}}")));
		List<TrainingEvent> events = Collections.synchronizedList(new ArrayList<>());
		StepVerifier
			.create(this.template
				.trainWithProgress(CreateModelRequest.classifier("sentiment", 3), classifier(25_000), classifier(40))
				.doOnNext(events::add))
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(VERIFY);
		assertThat(events).hasSize(12);
		assertThat(events.get(0)).isInstanceOf(ModelCreated.class);
		assertThat(events.subList(1, 5)).containsExactly(new UploadProgress(Dataset.TRAINING, 10_000, false),
				new UploadProgress(Dataset.TRAINING, 20_000, false), new UploadProgress(Dataset.TRAINING, 25_000, true),
				new UploadProgress(Dataset.VALIDATION, 40, true));
		assertThat(events.get(5)).isInstanceOfSatisfying(DatasetsProcessed.class, (processed) -> {
			assertThat(processed.training().id()).isEqualTo("f_train");
			assertThat(processed.validation().status()).isEqualTo(FileStatus.READY);
		});
		assertThat(events.get(6)).isInstanceOf(DatasetsBound.class);
		assertThat(events.get(7)).isInstanceOf(FitRequested.class);
		// the status of fit is not told twice, nor is Training
		assertThat(events.subList(8, 10)).allSatisfy((event) -> assertThat(event).isInstanceOf(StatusChanged.class))
			.extracting((event) -> ((StatusChanged) event).model().status())
			.containsExactly(ModelStatus.IN_QUEUE, ModelStatus.TRAINING);
		assertThat(events.get(10)).isInstanceOfSatisfying(Ready.class,
				(ready) -> assertThat(ready.model().status()).isEqualTo(ModelStatus.READY));
		// the validation examples are read again: labels 0, 1, 2 in turn, all classified
		// as 2
		assertThat(events.get(11)).isInstanceOfSatisfying(Evaluated.class, (evaluated) -> {
			assertThat(evaluated.model().status()).isEqualTo(ModelStatus.READY);
			assertThat(evaluated.evaluation().confusionMatrix())
				.isDeepEqualTo(new long[][] { { 0, 0, 14 }, { 0, 0, 13 }, { 0, 0, 13 } });
		});
		wireMock.verify(40, postRequestedFor(urlEqualTo("/v0/models/m-1/classify")));
	}

	@Test
	void evaluationOfAClassifierGivenLabelsNamesItsClassesWhichAreNotSent() {
		stubTheWholeSequence();
		stubStatuses("Ready");
		wireMock
			.stubFor(post("/v0/models/m-1/classify").willReturn(okJson("{\"answer\": {\"scores\": [0.1, 0.2, 0.7]}}")));
		ClassLabels labels = ClassLabels.of("negative", "neutral", "positive");
		StepVerifier
			.create(this.template
				.trainWithProgress(CreateModelRequest.classifier("sentiment", labels), classifier(40), classifier(40))
				.last())
			.assertNext((event) -> assertThat(event).isInstanceOfSatisfying(Evaluated.class, (evaluated) -> {
				assertThat(evaluated.evaluation().labels()).isEqualTo(labels);
				assertThat(evaluated.evaluation().toString()).contains("negative", "neutral", "positive")
					.doesNotContain("class 0");
				assertThat(evaluated.toString()).contains("negative", "neutral", "positive");
			}))
			.expectComplete()
			.verify(VERIFY);
		// the request of a classifier of 3 classes, with nothing of their names
		wireMock.verify(postRequestedFor(urlEqualTo("/v0/models")).withRequestBody(equalToJson(
				"{\"model_type\": \"classifier\", \"name\": \"sentiment\", \"model_params\": {\"num_classes\": 3}}")));
	}

	@Test
	void evaluationThatFailsAfterTheModelIsReadyKeepsTheModel() {
		stubTheWholeSequence();
		stubStatuses("Ready");
		wireMock.stubFor(post("/v0/models/m-1/classify").willReturn(aResponse().withStatus(400)));
		StepVerifier
			.create(this.template.trainWithProgress(CreateModelRequest.classifier("sentiment", 3), classifier(40),
					classifier(40)))
			.thenConsumeWhile((event) -> !(event instanceof Ready))
			.expectNextMatches(Ready.class::isInstance)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("The model m-1 is trained and kept, but evaluating it on the validation "
						+ "examples failed: The input at position 0 (from 0) failed: POST /v0/models/{model}/classify")
				.hasCauseInstanceOf(TuneTheModelInputFailedException.class))
			.verify(VERIFY);
		wireMock.verify(0, deleteRequestedFor(anyUrl()));
	}

	static Stream<Arguments> failingSteps() {
		return Stream.of(
				Arguments.of("creating the model", failing(post("/v0/models")), List.of(),
						TuneTheModelServerException.class),
				Arguments.of("creating the training file", failing(createFile("train")),
						List.of("/v0/models/m-1/delete"), TuneTheModelServerException.class),
				Arguments.of("creating the validation file", failing(createFile("val")),
						List.of("/v0/files/f_train/delete", "/v0/models/m-1/delete"),
						TuneTheModelServerException.class),
				Arguments.of("uploading the training dataset", failing(put("/bucket/train")), allDeleted(),
						TuneTheModelServerException.class),
				Arguments.of("uploading the validation dataset", failing(put("/bucket/val")), allDeleted(),
						TuneTheModelServerException.class),
				Arguments.of("processing a dataset", (Consumer<Void>) (nothing) -> wireMock
					.stubFor(get("/v0/files/f_val/status").willReturn(okJson(file("f_val", "val", "filefailed"))))
					.setPriority(1), allDeleted(), TuneTheModelException.class),
				Arguments.of("binding", failing(post("/v0/models/m-1/bind")), allDeleted(),
						TuneTheModelServerException.class),
				Arguments.of("requesting fit", failing(post("/v0/models/m-1/fit")), allDeleted(),
						TuneTheModelServerException.class));
	}

	@ParameterizedTest(name = "{0} fails: what was created is deleted")
	@MethodSource("failingSteps")
	void failedStepDeletesWhatWasCreatedAndEndsWithTheOriginalError(String step, Consumer<Void> failure,
			List<String> deleted, Class<? extends Throwable> error) {
		stubTheWholeSequence();
		stubDeletions();
		failure.accept(null);
		StepVerifier
			.create(this.template.train(CreateModelRequest.classifier("sentiment", 3), classifier(40), classifier(40)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(error).hasNoSuppressedExceptions())
			.verify(VERIFY);
		assertThat(deletions()).containsExactlyElementsOf(deleted);
	}

	@Test
	void failedProcessingSaysWhichDataset() {
		stubTheWholeSequence();
		stubDeletions();
		wireMock.stubFor(
				get("/v0/files/f_val/status").atPriority(1).willReturn(okJson(file("f_val", "val", "filefailed"))));
		StepVerifier
			.create(this.template.train(CreateModelRequest.classifier("sentiment", 3), classifier(40), classifier(40)))
			.expectErrorMessage(
					"The API could not process the validation dataset (file f_val): its status is filefailed")
			.verify(VERIFY);
	}

	@Test
	void invalidExampleEndsTheTrainingWithItsPositionAndDeletesWhatWasCreated() {
		stubTheWholeSequence();
		stubDeletions();
		Flux<ClassifierExample> validation = classifier(40)
			.map((example) -> example.input().equals("text 33") ? new ClassifierExample("text 33", 3) : example);
		StepVerifier
			.create(this.template.train(CreateModelRequest.classifier("sentiment", 3), classifier(40), validation))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
						assertThat(invalid).hasMessage("Example 34 of the validation dataset has the label 3: "
								+ "the labels of this classifier are 0 to 2");
						assertThat(invalid.exampleNumber()).isEqualTo(34);
					}))
			.verify(VERIFY);
		assertThat(deletions()).containsExactlyElementsOf(allDeleted());
		wireMock.verify(0, com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlEqualTo("/bucket/val")));
	}

	@Test
	void failedCleanUpIsAddedToTheOriginalError() {
		stubTheWholeSequence();
		wireMock.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(500)));
		wireMock.stubFor(post("/v0/models/m-1/bind").willReturn(aResponse().withStatus(400).withBody("bad files")));
		StepVerifier
			.create(this.template.train(CreateModelRequest.classifier("sentiment", 3), classifier(40), classifier(40)))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(TuneTheModelApiException.class).hasMessageContaining("bad files");
				// repeated though the client's settings repeat nothing: a leftover costs
				// quota
				assertThat(ex.getSuppressed()).hasSize(3)
					.allSatisfy((suppressed) -> assertThat(suppressed).isInstanceOf(TuneTheModelServerException.class)
						.hasMessageContaining("after " + (Deletions.MIN_RETRIES + 1) + " attempts"));
			})
			.verify(VERIFY);
	}

	@Test
	void cancellingBeforeFitDeletesWhatWasCreated() {
		stubTheWholeSequence();
		stubDeletions();
		wireMock.stubFor(get("/v0/files/f_train/status").atPriority(1)
			.willReturn(okJson(file("f_train", "train", "fileloading"))));
		Disposable training = this.template
			.train(CreateModelRequest.classifier("sentiment", 3), classifier(40), classifier(40))
			.subscribe(null, (ex) -> {
			});
		await().atMost(VERIFY)
			.until(() -> !wireMock
				.findAll(com.github.tomakehurst.wiremock.client.WireMock
					.getRequestedFor(urlEqualTo("/v0/files/f_train/status")))
				.isEmpty());
		training.dispose();
		await().atMost(VERIFY).untilAsserted(() -> assertThat(deletions()).containsExactlyElementsOf(allDeleted()));
		wireMock.verify(0,
				com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/v0/models/m-1/bind")));
	}

	static Stream<Arguments> creationsInFlight() {
		return Stream.of(
				Arguments.of("the model", post("/v0/models"), MODEL.formatted("Created"),
						List.of("/v0/models/m-1/delete")),
				Arguments.of("the training file", createFile("train"), file("f_train", "train", "filecreated"),
						List.of("/v0/files/f_train/delete", "/v0/models/m-1/delete")),
				Arguments.of("the validation file", createFile("val"), file("f_val", "val", "filecreated"),
						allDeleted()));
	}

	@ParameterizedTest(name = "cancelled while creating {0}: it is deleted once created")
	@MethodSource("creationsInFlight")
	void cancellingWhileCreatingAwaitsTheAnswerThenDeletes(String what, MappingBuilder creation, String answer,
			List<String> deleted) {
		stubTheWholeSequence();
		stubDeletions();
		wireMock.stubFor(creation.atPriority(1).willReturn(okJson(answer).withFixedDelay(400)));
		Disposable training = this.template
			.train(CreateModelRequest.classifier("sentiment", 3), classifier(40), classifier(40))
			.subscribe(null, (ex) -> {
			});
		await().atMost(VERIFY)
			.until(() -> wireMock.findAll(RequestPatternBuilder.like(creation.build().getRequest())).size() == 1);
		training.dispose();
		await().atMost(VERIFY).untilAsserted(() -> assertThat(deletions()).containsExactlyElementsOf(deleted));
	}

	@Test
	void invalidRequestSendsNothing() {
		StepVerifier.create(this.template.train(CreateModelRequest.classifier("x", 1), classifier(40), classifier(40)))
			.expectError(IllegalArgumentException.class)
			.verify(VERIFY);
		StepVerifier.create(this.template.trainWithProgress(CreateModelRequest.generator("x"), null, Flux.empty()))
			.expectErrorMessage("The training examples must not be null")
			.verify(VERIFY);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	private void stubTheWholeSequence() {
		wireMock.stubFor(post("/v0/models").willReturn(okJson(MODEL.formatted("Created"))));
		wireMock.stubFor(createFile("train").willReturn(okJson(file("f_train", "train", "filecreated"))));
		wireMock.stubFor(createFile("val").willReturn(okJson(file("f_val", "val", "filecreated"))));
		wireMock.stubFor(put("/bucket/train").willReturn(aResponse().withStatus(200)));
		wireMock.stubFor(put("/bucket/val").willReturn(aResponse().withStatus(200)));
		stubFileProcessing("f_train", "train");
		stubFileProcessing("f_val", "val");
		wireMock.stubFor(post("/v0/models/m-1/bind").willReturn(okJson(MODEL.formatted("DatasetsLoaded"))));
		wireMock.stubFor(post("/v0/models/m-1/fit").willReturn(okJson(MODEL.formatted("TrainRequested"))));
	}

	private void stubFileProcessing(String id, String name) {
		String scenario = "processing " + id;
		String[] statuses = { "fileinqueue", "fileloading", "fileloaded", "fileready" };
		for (int i = 0; i < statuses.length; i++) {
			wireMock.stubFor(get("/v0/files/" + id + "/status").inScenario(scenario)
				.whenScenarioStateIs((i == 0) ? STARTED : statuses[i - 1])
				.willReturn(okJson(file(id, name, statuses[i])))
				.willSetStateTo(statuses[i]));
		}
	}

	private void stubStatuses(String... statuses) {
		for (int i = 0; i < statuses.length; i++) {
			String state = (i == 0) ? STARTED : "poll " + i;
			// the last status is answered from then on
			wireMock.stubFor(get("/v0/models/m-1/status").inScenario("training")
				.whenScenarioStateIs(state)
				.willReturn(okJson(MODEL.formatted(statuses[i])))
				.willSetStateTo((i < statuses.length - 1) ? "poll " + (i + 1) : state));
		}
	}

	private void stubDeletions() {
		wireMock.stubFor(delete("/v0/models/m-1/delete").willReturn(okJson(MODEL.formatted("Created"))));
		wireMock.stubFor(delete("/v0/files/f_train/delete").willReturn(okJson(file("f_train", "train", "fileready"))));
		wireMock.stubFor(delete("/v0/files/f_val/delete").willReturn(okJson(file("f_val", "val", "fileready"))));
	}

	private static MappingBuilder createFile(String name) {
		return post("/v0/files")
			.withRequestBody(matchingJsonPath("$.name", com.github.tomakehurst.wiremock.client.WireMock.equalTo(name)));
	}

	private static Consumer<Void> failing(MappingBuilder request) {
		return (nothing) -> wireMock.stubFor(request.atPriority(1).willReturn(serverError()));
	}

	private static ResponseDefinitionBuilder serverError() {
		return aResponse().withStatus(500).withBody("step failed");
	}

	private static List<String> allDeleted() {
		return List.of("/v0/files/f_train/delete", "/v0/files/f_val/delete", "/v0/models/m-1/delete");
	}

	private static String file(String id, String name, String status) {
		return "{\"file_id\": \"%s\", \"name\": \"%s\", \"status\": \"%s\", \"task_type\": \"classifier\", \"upload_url\": \"%s\"}"
			.formatted(id, name, status, wireMock.baseUrl() + "/bucket/" + name);
	}

	private static Flux<ClassifierExample> classifier(int count) {
		return Flux.range(0, count).map((i) -> new ClassifierExample("text " + i, i % 3));
	}

	private static String expectedBody(int count) {
		StringBuilder inputs = new StringBuilder();
		StringBuilder classes = new StringBuilder();
		for (int i = 0; i < count; i++) {
			inputs.append((i > 0) ? "," : "").append("\"text ").append(i).append('"');
			classes.append((i > 0) ? "," : "").append(i % 3);
		}
		return "{\"inputs\":[" + inputs + "],\"classes\":[" + classes + "]}";
	}

	private static List<LoggedRequest> requestsInOrder() {
		List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
		Collections.reverse(events);
		return events.stream().map(ServeEvent::getRequest).toList();
	}

	// a deletion whose answer was lost to a reset connection is repeated: once each
	// counts
	private static List<String> deletions() {
		return requestsInOrder().stream()
			.filter((request) -> request.getMethod().getName().equals("DELETE"))
			.map(LoggedRequest::getUrl)
			.distinct()
			.toList();
	}

	private static String describe(LoggedRequest request) {
		return request.getMethod().getName() + " " + request.getUrl();
	}

}
