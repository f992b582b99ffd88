package dev.tunethemodel.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.TrainingEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of trainings through a view of a client made with
 * {@link TuneTheModelTemplate#withOptions}: every API request, the deletions after a
 * failed training included, carries the view's key and header, and no upload carries
 * either.
 */
class WithOptionsTrainingTests extends WireMockTemplateTests {

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static final String MODEL = """
			{"status": "%s", "model_name": "m-1", "model_type": "classifier", "model_params": {"num_classes": 2},
			"last_updated_time": "2022-06-10 17:52:35.81619"}
			""";

	@TempDir
	Path spoolDirectory;

	private TuneTheModelTemplate view;

	@BeforeEach
	void createView() {
		this.view = TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.temporaryDirectory(this.spoolDirectory)
			.pollInterval(Duration.ofMillis(20))
			.datasetPollInterval(Duration.ofMillis(20))
			.build()
			.withOptions(RequestOptions.builder()
				.apiKey(WithOptionsTests.VIEW_KEY)
				.header("X-Request-Id", "training-1")
				.build());
		wireMock.stubFor(post("/v0/models").willReturn(okJson(MODEL.formatted("Created"))));
		wireMock.stubFor(createFile("train").willReturn(okJson(file("f_train", "train"))));
		wireMock.stubFor(createFile("val").willReturn(okJson(file("f_val", "val"))));
		wireMock.stubFor(put("/bucket/train").willReturn(aResponse().withStatus(200)));
		wireMock.stubFor(put("/bucket/val").willReturn(aResponse().withStatus(200)));
		wireMock.stubFor(get("/v0/files/f_train/status").willReturn(okJson(file("f_train", "train"))));
		wireMock.stubFor(get("/v0/files/f_val/status").willReturn(okJson(file("f_val", "val"))));
		wireMock.stubFor(post("/v0/models/m-1/bind").willReturn(okJson(MODEL.formatted("DatasetsLoaded"))));
		wireMock.stubFor(post("/v0/models/m-1/fit").willReturn(okJson(MODEL.formatted("TrainRequested"))));
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL.formatted("Ready"))));
		wireMock.stubFor(post("/v0/models/m-1/classify").willReturn(okJson("{\"answer\": {\"scores\": [0.2, 0.8]}}")));
		wireMock.stubFor(delete("/v0/models/m-1/delete").willReturn(okJson(MODEL.formatted("Created"))));
		wireMock.stubFor(delete("/v0/files/f_train/delete").willReturn(okJson(file("f_train", "train"))));
		wireMock.stubFor(delete("/v0/files/f_val/delete").willReturn(okJson(file("f_val", "val"))));
	}

	@Test
	void trainingWithProgressThroughAViewSendsItsKeyAndHeaderWithEveryApiRequestAndNoUpload() {
		StepVerifier
			.create(this.view.trainWithProgress(CreateModelRequest.classifier("sentiment", 2), examples(40),
					examples(40)))
			.thenConsumeWhile((event) -> !(event instanceof TrainingEvent.Evaluated))
			.expectNextMatches(TrainingEvent.Evaluated.class::isInstance)
			.expectComplete()
			.verify(VERIFY);
		List<LoggedRequest> requests = WithOptionsTests.requestsInOrder();
		assertThat(requests.stream().map(WithOptionsTrainingTests::describe)).contains("POST /v0/models",
				"POST /v0/files", "GET /v0/files/f_train/status", "POST /v0/models/m-1/bind", "POST /v0/models/m-1/fit",
				"GET /v0/models/m-1/status", "POST /v0/models/m-1/classify");
		assertEverythingButTheUploadsCarriesTheViewsKeyAndHeader(requests);
	}

	@Test
	void deletionsAfterAFailedTrainingOfAViewCarryItsKeyAndHeaderAndRetryAsItSays() {
		wireMock.stubFor(post("/v0/models/m-1/fit").atPriority(1).willReturn(aResponse().withStatus(500)));
		wireMock.stubFor(delete("/v0/models/m-1/delete").atPriority(1).willReturn(aResponse().withStatus(503)));
		TuneTheModelOperations patient = this.view.withRetrySettings(
				new RetrySettings(5, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)));
		StepVerifier.create(patient.train(CreateModelRequest.classifier("sentiment", 2), examples(40), examples(40)))
			.expectError(TuneTheModelServerException.class)
			.verify(VERIFY);
		List<LoggedRequest> requests = WithOptionsTests.requestsInOrder();
		assertThat(requests.stream().map(WithOptionsTrainingTests::describe)).contains(
				"DELETE /v0/files/f_train/delete", "DELETE /v0/files/f_val/delete", "DELETE /v0/models/m-1/delete");
		assertEverythingButTheUploadsCarriesTheViewsKeyAndHeader(requests);
		// five retries as the view says, more than the minimum of the deletions
		wireMock.verify(6, deleteRequestedFor(urlEqualTo("/v0/models/m-1/delete")));
	}

	private static void assertEverythingButTheUploadsCarriesTheViewsKeyAndHeader(List<LoggedRequest> requests) {
		List<LoggedRequest> uploads = requests.stream()
			.filter((request) -> request.getUrl().startsWith("/bucket/"))
			.toList();
		assertThat(uploads).hasSize(2).allSatisfy((upload) -> {
			assertThat(upload.containsHeader("Authorization")).isFalse();
			assertThat(upload.containsHeader("X-Request-Id")).isFalse();
		});
		assertThat(requests).filteredOn((request) -> request.getUrl().startsWith("/v0/"))
			.hasSize(requests.size() - 2)
			.allSatisfy((request) -> {
				assertThat(request.getHeaders().getHeader("Authorization").values())
					.containsExactly(WithOptionsTests.VIEW_KEY);
				assertThat(request.getHeader("X-Request-Id")).isEqualTo("training-1");
			});
	}

	private static MappingBuilder createFile(String name) {
		return post("/v0/files").withRequestBody(matchingJsonPath("$.name", equalTo(name)));
	}

	private static String file(String id, String name) {
		return "{\"file_id\": \"%s\", \"name\": \"%s\", \"status\": \"fileready\", \"task_type\": \"classifier\", \"upload_url\": \"%s\"}"
			.formatted(id, name, wireMock.baseUrl() + "/bucket/" + name);
	}

	private static Flux<ClassifierExample> examples(int count) {
		return Flux.range(0, count).map((i) -> new ClassifierExample("text " + i, i % 2));
	}

	private static String describe(LoggedRequest request) {
		return request.getMethod().getName() + " " + request.getUrl();
	}

}
