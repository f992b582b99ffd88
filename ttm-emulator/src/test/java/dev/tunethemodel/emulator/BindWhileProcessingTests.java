package dev.tunethemodel.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of binding files that are still being processed, as the official SDK does, and of
 * fit waiting for them.
 */
class BindWhileProcessingTests {

	private final MutableClock clock = new MutableClock();

	private TuneTheModelEmulator emulator;

	private WebTestClient client;

	@BeforeEach
	void start() {
		this.emulator = TuneTheModelEmulator.builder()
			.trainingTime(Duration.ofSeconds(3))
			.processingTime(Duration.ofSeconds(1))
			.clock(this.clock)
			.start();
		this.client = WebTestClient.bindToServer()
			.baseUrl(this.emulator.baseUrl())
			.defaultHeader("Authorization", this.emulator.apiKey())
			.build();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void filesInQueueAreBoundAtOnceAndTrainingStartsWhenTheyAreReady() {
		String id = createModel("classifier");
		String train = uploadedFile("classifier", SentimentDataset.asJson());
		this.clock.advance(Duration.ofMillis(500));
		String validate = uploadedFile("classifier", SentimentDataset.asJson());
		assertThat(ApiStatus.file(this.client, train)).isEqualTo("fileloading");
		assertThat(ApiStatus.file(this.client, validate)).isEqualTo("fileinqueue");
		assertThat(
				bind(id, train, validate).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
			.containsEntry("status", "DatasetsLoaded");
		assertThat(post("/v0/models/" + id + "/fit", "").expectBody(Map.class).returnResult().getResponseBody())
			.containsEntry("status", "TrainRequested");
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			statuses.add(ApiStatus.model(this.client, id));
			this.clock.advance(Duration.ofMillis(500));
		}
		// the validation file is ready 1s after fit; training takes 3s from there
		assertThat(statuses).containsExactly("TrainRequested", "TrainRequested", "TrainRequested", "TrainRequested",
				"InQueue");
		this.clock.advance(Duration.ofMillis(1500));
		assertThat(ApiStatus.model(this.client, id)).isEqualTo("Ready");
		post("/v0/models/" + id + "/classify", "{\"input\": \"friendly and helpful\"}").expectStatus().isOk();
	}

	@Test
	void aBoundFileThatFailsFailsTheModelWhenItFails() {
		String id = createModel("classifier");
		String train = uploadedFile("classifier", SentimentDataset.asJson());
		String broken = uploadedFile("classifier", "{\"inputs\": [\"too few\"], \"classes\": [0]}");
		bind(id, train, broken).expectStatus().isOk();
		post("/v0/models/" + id + "/fit", "").expectStatus().isOk();
		this.clock.advance(Duration.ofMillis(999));
		assertThat(ApiStatus.model(this.client, id)).isEqualTo("TrainRequested");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(ApiStatus.file(this.client, broken)).isEqualTo("filefailed");
		assertThat(ApiStatus.model(this.client, id)).isEqualTo("FitFailed");
	}

	@Test
	void aBoundFileDeletedBeforeFitFailsTheModelAtOnce() {
		String id = createModel("classifier");
		String file = uploadedFile("classifier", SentimentDataset.asJson());
		bind(id, file, file).expectStatus().isOk();
		this.client.delete().uri("/v0/files/{id}/delete", file).exchange().expectStatus().isOk();
		post("/v0/models/" + id + "/fit", "").expectStatus().isOk();
		assertThat(ApiStatus.model(this.client, id)).isEqualTo("FitFailed");
	}

	@Test
	void filesNotUploadedFailedOrUnknownAreNotBound() {
		String id = createModel("classifier");
		String ready = uploadedFile("classifier", SentimentDataset.asJson());
		String notUploaded = (String) post("/v0/files", "{\"name\": \"train\", \"task_type\": \"classifier\"}")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("file_id");
		String failed = uploadedFile("classifier", "not json");
		this.clock.advance(Duration.ofSeconds(1));
		bind(id, notUploaded, ready).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("File " + notUploaded + " cannot be bound: its status is filecreated");
		bind(id, ready, failed).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("File " + failed + " cannot be bound: its status is filefailed");
		bind(id, ready, "unknown").expectStatus().isNotFound();
		assertThat(ApiStatus.model(this.client, id)).isEqualTo("Created");
	}

	@Test
	void answersCarryTheFieldNamesOfBothTheApiReferenceAndTheSdk() {
		Map<String, Object> model = json(post("/v0/models", "{\"model_type\": \"generator\", \"name\": \"both\"}"));
		assertThat(model.get("model_id")).isNotNull().isEqualTo(model.get("model_name"));
		assertThat(model).containsEntry("name", "both").containsEntry("user_name", "both");
		Map<String, Object> file = json(post("/v0/files", "{\"name\": \"val\", \"task_type\": \"generator\"}"));
		assertThat(file.get("file_id")).isNotNull();
		assertThat(file).containsEntry("file_name", "val").containsEntry("name", "val");
	}

	private String createModel(String type) {
		return (String) post("/v0/models", "{\"model_type\": \"" + type + "\"}").expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("model_id");
	}

	private String uploadedFile(String taskType, String dataset) {
		Map<?, ?> file = post("/v0/files", "{\"name\": \"data\", \"task_type\": \"" + taskType + "\"}")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		WebTestClient.bindToServer()
			.build()
			.put()
			.uri(URI.create((String) file.get("upload_url")))
			.bodyValue(dataset)
			.exchange()
			.expectStatus()
			.isOk();
		return (String) file.get("file_id");
	}

	private WebTestClient.ResponseSpec bind(String id, String train, String validate) {
		return post("/v0/models/" + id + "/bind",
				"{\"train_file\": \"" + train + "\", \"validate_file\": \"" + validate + "\"}");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private WebTestClient.ResponseSpec post(String path, String body) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
