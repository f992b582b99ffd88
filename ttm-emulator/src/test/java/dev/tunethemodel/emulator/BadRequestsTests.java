package dev.tunethemodel.emulator;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every bad request the emulator gets is answered with a 4xx and a reason,
 * never a 500, an empty body or a closed connection, in a heap too small for anything
 * unbounded.
 */
@HostileSuite
class BadRequestsTests {

	private TuneTheModelEmulator emulator;

	private WebTestClient client;

	@BeforeEach
	void start() {
		this.emulator = TuneTheModelEmulator.builder().apiKey("emulator-key").processingTime(Duration.ZERO).start();
		this.client = WebTestClient.bindToServer()
			.baseUrl(this.emulator.baseUrl())
			.defaultHeader("Authorization", "emulator-key")
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void generateRefusesABillionHypotheses() {
		expect(HttpMethod.POST, "/v0/models/default-generator/generate",
				"{\"input\": \"cat -> chat\\ndog -> chien\\nmy cat ->\", \"num_hypos\": 1000000000}", 400,
				"num_hypos must be between 1 and 16, but is 1000000000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "30000000", "2147483647", "4294967298", "1", "-5" })
	void createModelRefusesNumClassesOutOfBounds(String numClasses) {
		expect(HttpMethod.POST, "/v0/models",
				"{\"model_type\": \"classifier\", \"model_params\": {\"num_classes\": " + numClasses + "}}", 400,
				"num_classes must be between 2 and 10000, but is " + numClasses);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"abc\"", "2.9", "true", "\"3\"", "[3]" })
	void createModelRefusesNumClassesThatAreNotWholeNumbers(String numClasses) {
		expect(HttpMethod.POST, "/v0/models",
				"{\"model_type\": \"classifier\", \"model_params\": {\"num_classes\": " + numClasses + "}}", 400,
				"num_classes must be a whole number, but is " + numClasses);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "0", "1000001" })
	void createModelRefusesTrainItersOutOfBounds(String trainIters) {
		expect(HttpMethod.POST, "/v0/models",
				"{\"model_type\": \"generator\", \"model_params\": {\"train_iters\": " + trainIters + "}}", 400,
				"train_iters must be between 1 and 1000000, but is " + trainIters);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"status": 99999}                      | status must be 0 or between 400 and 599, but is 99999
			{"status": 200}                        | status must be 0 or between 400 and 599, but is 200
			{"status": "x"}                        | status must be a whole number, but is "x"
			{"count": -1, "status": 503}           | count must be between 1 and 2147483647, but is -1
			{"count": 1.5, "status": 503}          | count must be a whole number, but is 1.5
			{"delay_ms": 1000000000000}            | delay_ms must be between 0 and 300000, but is 1000000000000
			{"delay_ms": -1}                       | delay_ms must be between 0 and 300000, but is -1
			{"status": 503, "retry_after": -3}     | retry_after must be between 0 and 86400, but is -3
			""")
	void faultsWithFieldsOutOfBoundsAreRefused(String body, String reason) {
		expect(HttpMethod.POST, "/__emulator/faults", body, 400, reason);
		this.client.get().uri("/v0/models").exchange().expectStatus().isOk().expectBody().returnResult();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"num_hypos": 0                     | num_hypos must be between 1 and 16, but is 0
			"num_hypos": 17                    | num_hypos must be between 1 and 16, but is 17
			"num_hypos": 2.5                   | num_hypos must be a whole number, but is 2.5
			"max_tokens": 0                    | max_tokens must be between 1 and 4096, but is 0
			"max_tokens": 1000000              | max_tokens must be between 1 and 4096, but is 1000000
			"min_tokens": 5, "max_tokens": 3   | min_tokens must be at most max_tokens (3), but is 5
			"min_tokens": -1                   | min_tokens must be between 0 and 4096, but is -1
			"temperature": -1                  | temperature must be a finite number of 0 or more, but is -1
			"temperature": "hot"               | temperature must be a finite number of 0 or more, but is "hot"
			"top_k": -1                        | top_k must be between 0 and 2147483647, but is -1
			"top_p": 0                         | top_p must be a number greater than 0 and at most 1, but is 0
			"top_p": 1.5                       | top_p must be a number greater than 0 and at most 1, but is 1.5
			"seed": 1.5                        | seed must be a whole number, but is 1.5
			"prefix_tokens_only": "yes"        | prefix_tokens_only must be true or false, but is "yes"
			"span_delimiters": 5               | span_delimiters must be a text, but is 5
			""")
	void generateRefusesParametersOutOfBounds(String parameters, String reason) {
		expect(HttpMethod.POST, "/v0/models/default-generator/generate",
				"{\"input\": \"cat -> chat\\nmy cat ->\", " + parameters + "}", 400, reason);
	}

	@Test
	void wrongMethodIsNotAllowedAndSaysWhichAre() {
		this.client.delete()
			.uri("/v0/models")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals("Allow", "GET, POST")
			.expectBody(String.class)
			.isEqualTo("DELETE is not allowed on /v0/models: use GET or POST");
		this.client.get()
			.uri("/v0/models/some-model/generate")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals("Allow", "POST")
			.expectBody(String.class)
			.isEqualTo("GET is not allowed on /v0/models/some-model/generate: use POST");
		this.client.post()
			.uri("/upload/some-file")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"inputs\": [\"unread\"]}")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals("Allow", "PUT")
			.expectBody(String.class)
			.isEqualTo("POST is not allowed on /upload/some-file: use PUT");
	}

	@Test
	void unknownPathIsNotFoundWithAReason() {
		this.client.get()
			.uri("/v1/models")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("No such endpoint: GET /v1/models");
	}

	@Test
	void jsonBodyAboveTheLimitIsTooLarge() {
		String input = "word ".repeat(60_000);
		expect(HttpMethod.POST, "/v0/models/default-generator/generate", "{\"input\": \"" + input + "\"}", 413,
				"The body is larger than 256 KiB");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/upload/no-such-file?signature=forged", "/upload/no-such-file" })
	void uploadWithAWrongOrNoSignatureIsRefusedBeforeTheBodyIsRead(String path) throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.emulator.port(),
				"PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 268435456\r\n\r\n");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("The request signature does not match");
	}

	@Test
	void uploadAboveTheLimitIsRefusedBeforeTheBodyIsRead() throws IOException {
		String path = uploadPath();
		RawHttp.Response response = RawHttp.exchange(this.emulator.port(),
				"PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2147483648\r\n\r\n");
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.body()).isEqualTo("The dataset is 2147483648 bytes, more than the 1073741824 allowed");
	}

	@Test
	void uploadAboveAChosenMaximumIsRefusedAndOneWithinAccepted() {
		try (TuneTheModelEmulator small = TuneTheModelEmulator.builder()
			.apiKey("emulator-key")
			.maxUploadSize(1024)
			.processingTime(Duration.ZERO)
			.start()) {
			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl(small.baseUrl())
				.defaultHeader("Authorization", "emulator-key")
				.build();
			upload(client, dataset(200)).expectStatus()
				.isEqualTo(413)
				.expectBody(String.class)
				.value((reason) -> assertThat(reason).endsWith("bytes, more than the 1024 allowed"));
			upload(client, dataset(32)).expectStatus().isOk().expectBody().isEmpty();
		}
	}

	@Test
	void uploadWithoutAContentLengthIsRefused() throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.emulator.port(),
				"PUT " + uploadPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
		assertThat(response.status()).isEqualTo(411);
		assertThat(response.body()).isEqualTo("You must provide the Content-Length HTTP header");
	}

	@Test
	void datasetWithALabelBeyondTheMostClassesFails() {
		Map<String, Object> file = NewFiles.classifierFile(this.client);
		StringBuilder inputs = new StringBuilder();
		StringBuilder classes = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			inputs.append((i > 0) ? "," : "").append("\"text ").append(i).append('"');
			classes.append((i > 0) ? "," : "").append((i == 7) ? 30_000_000 : i % 2);
		}
		WebTestClient.bindToServer()
			.build()
			.put()
			.uri(java.net.URI.create((String) file.get("upload_url")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"inputs\": [" + inputs + "], \"classes\": [" + classes + "]}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(ApiStatus.file(this.client, (String) file.get("file_id"))).isEqualTo("filefailed");
	}

	private static WebTestClient.ResponseSpec upload(WebTestClient client, String dataset) {
		String url = (String) client.post()
			.uri("/v0/files")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"train\", \"task_type\": \"classifier\"}")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("upload_url");
		return client.put()
			.uri(java.net.URI.create(url))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(dataset)
			.exchange();
	}

	private static String dataset(int examples) {
		StringBuilder inputs = new StringBuilder();
		StringBuilder classes = new StringBuilder();
		for (int i = 0; i < examples; i++) {
			inputs.append((i > 0) ? "," : "").append("\"text ").append(i).append('"');
			classes.append((i > 0) ? "," : "").append(i % 2);
		}
		return "{\"inputs\": [" + inputs + "], \"classes\": [" + classes + "]}";
	}

	private String uploadPath() {
		String url = (String) NewFiles.classifierFile(this.client).get("upload_url");
		return url.substring(this.emulator.baseUrl().length());
	}

	private void expect(HttpMethod method, String path, String body, int status, String reason) {
		this.client.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.isEqualTo(reason);
	}

}
