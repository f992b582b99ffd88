package dev.tunethemodel.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests of every endpoint of the emulator, over HTTP, with a clock the tests move.
 */
class TuneTheModelEmulatorTests {

	private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?";

	private final MutableClock clock = new MutableClock();

	private TuneTheModelEmulator emulator;

	private WebTestClient client;

	@BeforeEach
	void start() {
		this.emulator = TuneTheModelEmulator.builder()
			.apiKey("emulator-key")
			.trainingTime(Duration.ofSeconds(3))
			.processingTime(Duration.ofMillis(300))
			.clock(this.clock)
			.start();
		this.client = WebTestClient.bindToServer()
			.baseUrl(this.emulator.baseUrl())
			.defaultHeader("Authorization", "emulator-key")
			.build();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/v0/models", "/v0/public-models", "/v0/files", "/v0/models/x/status" })
	void wrongOrMissingKeyIsUnauthorized(String path) {
		WebTestClient anonymous = WebTestClient.bindToServer().baseUrl(this.emulator.baseUrl()).build();
		anonymous.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.isEqualTo("Invalid API key");
		anonymous.get().uri(path).header("Authorization", "wrong").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void createsListsReadsAndDeletesModelsAsTheApiReferenceShowsThem() {
		String id = createModel(
				"{\"model_type\": \"classifier\", \"name\": \"sentiment\", \"model_params\": {\"num_classes\": 3}}");
		this.client.get()
			.uri("/v0/models/{id}/status", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("Created")
			.jsonPath("$.model_name")
			.isEqualTo(id)
			.jsonPath("$.model_type")
			.isEqualTo("classifier")
			.jsonPath("$.model_params.num_classes")
			.isEqualTo(3)
			.jsonPath("$.user_name")
			.isEqualTo("sentiment")
			.jsonPath("$.last_updated_time")
			.value((String time) -> assertThat(time).matches(TIMESTAMP));
		assertThat(id).matches("[0-9a-f]{32}");
		this.client.get().uri("/v0/models").exchange().expectBody().jsonPath("$.models[0].model_name").isEqualTo(id);
		this.client.delete()
			.uri("/v0/models/{id}/delete", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.model_name")
			.isEqualTo(id);
		this.client.get()
			.uri("/v0/models/{id}/status", id)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.isEqualTo("Model " + id + " not found");
		this.client.get().uri("/v0/models").exchange().expectBody().jsonPath("$.models").isEmpty();
	}

	@Test
	void timestampsDropTrailingZerosAsTheApiDoes() {
		String id = createModel("{\"model_type\": \"generator\"}");
		this.client.get()
			.uri("/v0/models/{id}/status", id)
			.exchange()
			.expectBody()
			.jsonPath("$.last_updated_time")
			.isEqualTo("2022-06-10 17:52:35.81619");
	}

	@Test
	void badRequestsAreRefusedWithAPlainReason() {
		expectBadRequest(HttpMethod.POST, "/v0/models", "{\"model_type\": \"regressor\"}",
				"model_type must be classifier or generator");
		expectBadRequest(HttpMethod.POST, "/v0/models",
				"{\"model_type\": \"classifier\", \"model_params\": {\"num_classes\": 1}}",
				"num_classes must be between 2 and 10000, but is 1");
		expectBadRequest(HttpMethod.POST, "/v0/models", "{\"model_type\":", "The body is not valid JSON");
		expectBadRequest(HttpMethod.POST, "/v0/models", "[1, 2]", "The body must be a JSON object");
		expectBadRequest(HttpMethod.POST, "/v0/files", "{\"name\": \"train\", \"task_type\": \"image\"}",
				"task_type must be classifier or generator");
		expectBadRequest(HttpMethod.POST, "/v0/files", "{\"task_type\": \"classifier\"}", "name must not be empty");
	}

	@Test
	void publicModelsHaveTheDefaultGenerator() {
		this.client.get()
			.uri("/v0/public-models")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.models[0].model_name")
			.isEqualTo("default-generator")
			.jsonPath("$.models[0].status")
			.isEqualTo("Ready")
			.jsonPath("$.models[0].model_type")
			.isEqualTo("generator");
	}

	@Test
	void defaultGeneratorAnswersFromTheExamplesInItsPrompt() {
		generate("default-generator", "{\"input\": \"cat -> chat\\ndog -> chien\\nblack cat ->\"}")
			.jsonPath("$.answer.responses[0].response")
			.isEqualTo("chat");
	}

	@Test
	void filesGetAPreSignedUploadUrlOnTheEmulatorAndWalkToReady() {
		Map<String, Object> file = createFile("train", "classifier");
		String id = (String) file.get("file_id");
		assertThat(file).containsEntry("status", "filecreated")
			.containsEntry("name", "train")
			.containsEntry("task_type", "classifier");
		assertThat((String) file.get("upload_url"))
			.startsWith(this.emulator.baseUrl() + "/upload/" + id + "?signature=");
		upload((String) file.get("upload_url"), classifierDataset(40, 2)).expectStatus().isOk();
		assertThat(fileStatuses(id, 4)).containsExactly("fileinqueue", "fileloading", "fileloaded", "fileready");
		this.client.get().uri("/v0/files").exchange().expectBody().jsonPath("$.files[0].file_id").isEqualTo(id);
		this.client.delete().uri("/v0/files/{id}/delete", id).exchange().expectStatus().isOk();
		this.client.get().uri("/v0/files/{id}/status", id).exchange().expectStatus().isNotFound();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"inputs\": [\"a\", \"b\"], \"classes\": [0, 1]}",
			"{\"inputs\": [\"a\"], \"classes\": [0, 1]}", "{\"inputs\": \"a\", \"classes\": [0]}", "not json",
			"{\"inputs\": [], \"outputs\": []}" })
	void unusableDatasetFails(String body) {
		Map<String, Object> file = createFile("train", "classifier");
		upload((String) file.get("upload_url"), body).expectStatus().isOk();
		assertThat(fileStatuses((String) file.get("file_id"), 4)).last().isEqualTo("filefailed");
	}

	@Test
	void datasetWithNegativeLabelOrEmptyTextFails() {
		StringBuilder inputs = new StringBuilder();
		StringBuilder classes = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			inputs.append((i > 0) ? "," : "").append((i == 5) ? "\"\"" : "\"text\"");
			classes.append((i > 0) ? "," : "").append(0);
		}
		Map<String, Object> empty = createFile("train", "classifier");
		upload((String) empty.get("upload_url"), "{\"inputs\": [" + inputs + "], \"classes\": [" + classes + "]}");
		Map<String, Object> negative = createFile("train", "classifier");
		upload((String) negative.get("upload_url"), classifierDataset(40, 2).replace("[0,", "[-1,"));
		assertThat(fileStatuses((String) empty.get("file_id"), 4)).last().isEqualTo("filefailed");
		assertThat(ApiStatus.file(this.client, (String) negative.get("file_id"))).isEqualTo("filefailed");
	}

	@Test
	void uploadNeedsItsSignatureAndAContentLength() {
		Map<String, Object> file = createFile("train", "classifier");
		String url = (String) file.get("upload_url");
		upload(url.replaceAll("signature=.*", "signature=forged"), classifierDataset(40, 2)).expectStatus()
			.isForbidden();
		WebTestClient.bindToServer()
			.build()
			.put()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Flux.just(buffer("{\"inputs\": "), buffer("[]}")), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(501);
		assertThat(ApiStatus.file(this.client, (String) file.get("file_id"))).isEqualTo("filecreated");
	}

	@Test
	void classifierWalksEveryStatusToReadyAndClassifies() {
		String id = createModel("{\"model_type\": \"classifier\", \"model_params\": {\"num_classes\": 2}}");
		String train = readyFile("classifier", sentiment());
		String validate = readyFile("classifier", sentiment());
		post("/v0/models/" + id + "/fit", "").expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("Model " + id + " has no datasets: bind them before fit");
		post("/v0/models/" + id + "/bind",
				"{\"train_file\": \"" + train + "\", \"validate_file\": \"" + validate + "\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DatasetsLoaded");
		post("/v0/models/" + id + "/classify", "{\"input\": \"great\"}").expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("Model " + id + " is not ready: its status is DatasetsLoaded");
		post("/v0/models/" + id + "/fit", "").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("TrainRequested");
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			statuses.add(ApiStatus.model(this.client, id));
			this.clock.advance(Duration.ofSeconds(1));
		}
		assertThat(statuses).containsExactly("TrainRequested", "InQueue", "Training", "Ready");
		post("/v0/models/" + id + "/bind",
				"{\"train_file\": \"" + train + "\", \"validate_file\": \"" + validate + "\"}")
			.expectStatus()
			.isBadRequest();
		post("/v0/models/" + id + "/classify", "{\"input\": \"a wonderful, friendly and helpful team\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.answer.scores.length()")
			.isEqualTo(2)
			.jsonPath("$.answer.scores")
			.value((List<Number> scores) -> {
				double negative = scores.get(0).doubleValue();
				double positive = scores.get(1).doubleValue();
				assertThat(negative + positive).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
				assertThat(positive).isGreaterThan(negative);
			});
		post("/v0/models/" + id + "/classify", "{\"input\": \"\"}").expectStatus().isBadRequest();
		post("/v0/models/" + id + "/generate", "{\"input\": \"x\"}").expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("Model " + id + " is not a generator");
	}

	@Test
	void classifierWhoseLabelsExceedItsClassesFailsToFit() {
		String id = createModel("{\"model_type\": \"classifier\", \"model_params\": {\"num_classes\": 2}}");
		String train = readyFile("classifier", classifierDataset(40, 3));
		post("/v0/models/" + id + "/bind", "{\"train_file\": \"" + train + "\", \"validate_file\": \"" + train + "\"}");
		post("/v0/models/" + id + "/fit", "");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(ApiStatus.model(this.client, id)).isEqualTo("FitFailed");
	}

	@Test
	void bindChecksTheFiles() {
		String id = createModel("{\"model_type\": \"generator\"}");
		String classifierFile = readyFile("classifier", classifierDataset(40, 2));
		Map<String, Object> notUploaded = createFile("val", "generator");
		post("/v0/models/" + id + "/bind", "{\"train_file\": \"missing\", \"validate_file\": \"missing\"}")
			.expectStatus()
			.isNotFound();
		post("/v0/models/" + id + "/bind",
				"{\"train_file\": \"" + notUploaded.get("file_id") + "\", \"validate_file\": \"" + classifierFile
						+ "\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("File " + notUploaded.get("file_id") + " cannot be bound: its status is filecreated");
		post("/v0/models/" + id + "/bind",
				"{\"train_file\": \"" + classifierFile + "\", \"validate_file\": \"" + classifierFile + "\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("File " + classifierFile + " is for a classifier, but model " + id + " is a generator");
	}

	@Test
	void generatorAnswersWithTheNearestExamplesDistinctAsAskedFor() {
		String id = createModel("{\"model_type\": \"generator\"}");
		StringBuilder inputs = new StringBuilder();
		StringBuilder outputs = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			inputs.append((i > 0) ? "," : "")
				.append("\"question number ")
				.append(i)
				.append(" about topic ")
				.append(i % 4)
				.append('"');
			outputs.append((i > 0) ? "," : "").append("\"answer ").append(i).append('"');
		}
		String file = readyFile("generator", "{\"inputs\": [" + inputs + "], \"outputs\": [" + outputs + "]}");
		post("/v0/models/" + id + "/bind", "{\"train_file\": \"" + file + "\", \"validate_file\": \"" + file + "\"}");
		post("/v0/models/" + id + "/fit", "");
		this.clock.advance(Duration.ofSeconds(3));
		generate(id, "{\"input\": \"question number 17\", \"num_hypos\": 3}").jsonPath("$.answer.responses.length()")
			.isEqualTo(3)
			.jsonPath("$.answer.responses[0].response")
			.isEqualTo("answer 17")
			.jsonPath("$.answer.responses")
			.value((List<Map<String, String>> responses) -> assertThat(
					responses.stream().map((response) -> response.get("response")).distinct())
				.hasSize(3));
		generate(id, "{\"input\": \"question number 17\", \"max_tokens\": 1}")
			.jsonPath("$.answer.responses[0].response")
			.isEqualTo("answer");
	}

	@Test
	void startOnAPortInUseFailsNamingThePortAndSuggestingAFreeOne() {
		TuneTheModelEmulator.Builder builder = TuneTheModelEmulator.builder().port(this.emulator.port());
		assertThatIllegalStateException().isThrownBy(builder::start)
			.withMessageStartingWith("Port " + this.emulator.port() + " of 127.0.0.1 is in use")
			.withMessageContaining("port(0)");
	}

	@Test
	void injectedFaultsAnswerTheNextRequests() {
		this.emulator.inject(Fault.status(503).times(2).withRetryAfter(Duration.ofSeconds(7)));
		this.emulator.inject(Fault.delay(Duration.ofMillis(300)));
		for (int i = 0; i < 2; i++) {
			this.client.get()
				.uri("/v0/models")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "7");
		}
		long start = System.nanoTime();
		this.client.get().uri("/v0/models").exchange().expectStatus().isOk();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		this.client.get().uri("/v0/models").exchange().expectStatus().isOk();
	}

	@Test
	void faultsCanBeInjectedOverHttpAndCleared() {
		post("/__emulator/faults", "{\"count\": 3, \"status\": 429, \"retry_after\": 2}").expectStatus().isOk();
		this.client.get()
			.uri("/v0/files")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("Retry-After", "2");
		this.client.delete().uri("/__emulator/faults").exchange().expectStatus().isOk();
		this.client.get().uri("/v0/files").exchange().expectStatus().isOk();
	}

	private String createModel(String body) {
		return (String) post("/v0/models", body).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("model_name");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> createFile(String name, String taskType) {
		return post("/v0/files", "{\"name\": \"" + name + "\", \"task_type\": \"" + taskType + "\"}").expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private String readyFile(String taskType, String dataset) {
		Map<String, Object> file = createFile("data", taskType);
		upload((String) file.get("upload_url"), dataset).expectStatus().isOk();
		this.clock.advance(Duration.ofMillis(300));
		assertThat(ApiStatus.file(this.client, (String) file.get("file_id"))).isEqualTo("fileready");
		return (String) file.get("file_id");
	}

	private List<String> fileStatuses(String id, int count) {
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			statuses.add(ApiStatus.file(this.client, id));
			this.clock.advance(Duration.ofMillis(100));
		}
		return statuses;
	}

	private WebTestClient.BodyContentSpec generate(String id, String body) {
		return post("/v0/models/" + id + "/generate", body).expectStatus().isOk().expectBody();
	}

	private WebTestClient.ResponseSpec upload(String url, String body) {
		// no Authorization: the URL is pre-signed
		return WebTestClient.bindToServer()
			.build()
			.put()
			.uri(java.net.URI.create(url))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec post(String path, String body) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private void expectBadRequest(HttpMethod method, String path, String body, String reason) {
		this.client.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo(reason);
	}

	private static String classifierDataset(int count, int classes) {
		StringBuilder inputs = new StringBuilder();
		StringBuilder labels = new StringBuilder();
		for (int i = 0; i < count; i++) {
			inputs.append((i > 0) ? "," : "").append("\"text ").append(i).append('"');
			labels.append((i > 0) ? "," : "").append(i % classes);
		}
		return "{\"inputs\": [" + inputs + "], \"classes\": [" + labels + "]}";
	}

	private static String sentiment() {
		return SentimentDataset.asJson();
	}

	private static DataBuffer buffer(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
