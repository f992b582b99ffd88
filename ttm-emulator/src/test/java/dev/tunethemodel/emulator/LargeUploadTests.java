package dev.tunethemodel.emulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that uploads larger than the heap go to disk and back, token by token, and that
 * their temporary files are deleted however the upload ends.
 */
@HostileSuite
class LargeUploadTests {

	// more than the 128 MiB heap this suite runs in
	private static final int EXAMPLES = 11_000_000;

	private TuneTheModelEmulator emulator;

	private WebTestClient client;

	@BeforeEach
	void start() {
		this.emulator = TuneTheModelEmulator.builder()
			.apiKey("emulator-key")
			.processingTime(Duration.ZERO)
			.trainingTime(Duration.ZERO)
			.start();
		this.client = WebTestClient.bindToServer()
			.baseUrl(this.emulator.baseUrl())
			.defaultHeader("Authorization", "emulator-key")
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void datasetLargerThanTheHeapIsAcceptedAndLearntFrom() throws IOException {
		Map<String, Object> file = NewFiles.classifierFile(this.client);
		GeneratedDataset dataset = new GeneratedDataset(EXAMPLES);
		assertThat(dataset.length()).isGreaterThan(256L * 1024 * 1024);
		RawHttp.Response response = put((String) file.get("upload_url"), dataset);
		assertThat(response.status()).isEqualTo(200);
		String id = (String) file.get("file_id");
		assertThat(ApiStatus.file(this.client, id)).isEqualTo("fileready");
		await().atMost(Duration.ofSeconds(5)).until(() -> uploadFiles().isEmpty());
		String model = (String) post("/v0/models",
				"{\"model_type\": \"classifier\", \"model_params\": " + "{\"num_classes\": 2}}")
			.get("model_name");
		post("/v0/models/" + model + "/bind", "{\"train_file\": \"" + id + "\", \"validate_file\": \"" + id + "\"}");
		post("/v0/models/" + model + "/fit", "{}");
		@SuppressWarnings("unchecked")
		Map<String, List<Double>> answer = (Map<String, List<Double>>) post("/v0/models/" + model + "/classify",
				"{\"input\": \"a fine review\"}")
			.get("answer");
		assertThat(answer.get("scores").get(1)).isGreaterThan(0.9);
	}

	@Test
	void uploadCutShortLeavesNoFile() throws IOException {
		String url = (String) NewFiles.classifierFile(this.client).get("upload_url");
		URI uri = URI.create(url);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.emulator.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + uri.getRawPath() + "?" + uri.getRawQuery()
					+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(new byte[10_000_000]);
			out.flush();
			await().atMost(Duration.ofSeconds(5)).until(() -> !uploadFiles().isEmpty());
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> uploadFiles().isEmpty());
	}

	private RawHttp.Response put(String url, GeneratedDataset dataset) throws IOException {
		URI uri = URI.create(url);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.emulator.port())) {
			socket.setSoTimeout(30_000);
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
			out.write(("PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Length: " + dataset.length() + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			dataset.writeTo(out);
			out.flush();
			return RawHttp.read(socket.getInputStream());
		}
	}

	private static List<Path> uploadFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((path) -> path.getFileName().toString().startsWith("ttm-emulator-upload-")).toList();
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(String path, String body) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * A classifier's dataset of reviews, "fine" ones labelled 1 and "poor" ones 0,
	 * written as it is generated: every example has the same length, so the whole is
	 * known beforehand.
	 */
	private static final class GeneratedDataset {

		private static final byte[] HEAD = "{\"inputs\": [".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] MIDDLE = "], \"classes\": [".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] TAIL = "]}".getBytes(StandardCharsets.US_ASCII);

		private static final int INPUT_LENGTH = "\"review 00000000 fine\"".length();

		private static final int DIGITS_END = "\"review 0000000".length();

		private final int examples;

		GeneratedDataset(int examples) {
			this.examples = examples;
		}

		long length() {
			long separators = 2L * (this.examples - 1);
			return HEAD.length + (long) this.examples * (INPUT_LENGTH + 1) + separators + MIDDLE.length + TAIL.length;
		}

		void writeTo(OutputStream out) throws IOException {
			out.write(HEAD);
			byte[] fine = "\"review 00000000 fine\"".getBytes(StandardCharsets.US_ASCII);
			byte[] poor = "\"review 00000000 poor\"".getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < this.examples; i++) {
				byte[] input = (i % 2 == 1) ? fine : poor;
				for (int digit = 0, rest = i; digit < 8; digit++, rest /= 10) {
					input[DIGITS_END - digit] = (byte) ('0' + rest % 10);
				}
				if (i > 0) {
					out.write(',');
				}
				out.write(input);
			}
			out.write(MIDDLE);
			for (int i = 0; i < this.examples; i++) {
				if (i > 0) {
					out.write(',');
				}
				out.write('0' + (i % 2));
			}
			out.write(TAIL);
		}

	}

}
