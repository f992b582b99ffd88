package dev.tunethemodel.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that ids which traverse paths, hold control or non-ASCII characters, are badly
 * encoded or very long are refused with a 4xx, never a 500, and touch no file: the
 * emulator's ids are keys of its maps, nothing else.
 */
@HostileSuite
class HostileIdsTests {

	private final TuneTheModelEmulator emulator = TuneTheModelEmulator.builder().apiKey("emulator-key").start();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	static Stream<Arguments> targets() {
		String longId = "a".repeat(3000);
		return Stream.of(Arguments.of("GET /v0/models/..%2F..%2Fetc/status", 404, "Model ../../etc not found"),
				Arguments.of("GET /v0/models/%2e%2e/status", 404, "Model .. not found"),
				Arguments.of("GET /v0/models/../../etc/status", 404,
						"No such endpoint: GET /v0/models/../../etc/status"),
				Arguments.of("DELETE /v0/models/..%2F..%2Fetc%2Fpasswd/delete", 404,
						"Model ../../etc/passwd not found"),
				Arguments.of("GET /v0/files/..%2F..%2Fetc%2Fpasswd/status", 404, "File ../../etc/passwd not found"),
				Arguments.of("DELETE /v0/files/%2Fetc%2Fpasswd/delete", 404, "File /etc/passwd not found"),
				Arguments.of("GET /v0/models/a%00b/status", 404, "Model a\0b not found"),
				Arguments.of("GET /v0/models/a%0d%0aSet-Cookie:%20x/status", 404, "Model a\r\nSet-Cookie: x not found"),
				Arguments.of("GET /v0/models/%D0%BC%D0%BE%D0%B4/status", 404, "Model \u043c\u043e\u0434 not found"),
				Arguments.of("GET /v0/models/\u043c\u043e\u0434/status", 404, null),
				Arguments.of("GET /v0/models/%FF%FE/status", 404, null),
				Arguments.of("GET /v0/models/" + longId + "/status", 404, "Model " + longId + " not found"),
				Arguments.of("GET /v0/models/a%ZZ/status", 400, null),
				Arguments.of("GET /v0/models/a%/status", 400, null),
				Arguments.of("GET /v0/models/a b/status", 400, null),
				Arguments.of("GET /v0/models/" + "a".repeat(5000) + "/status", 414, null));
	}

	@ParameterizedTest
	@MethodSource("targets")
	void hostileIdIsRefusedWithAClientError(String target, int status, String reason) throws IOException {
		RawHttp.Response response = send(
				target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: emulator-key\r\n\r\n");
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.headers()).doesNotContainKey("set-cookie");
		if (reason != null) {
			assertThat(response.body()).isEqualTo(reason);
		}
		assertThat(send("GET /v0/models HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: emulator-key\r\n\r\n").status())
			.isEqualTo(200);
	}

	@Test
	void bindToFilesWhoseIdsTraversePathsIsNotFound() throws IOException {
		String model = "{\"model_type\": \"classifier\"}";
		String created = send("POST /v0/models HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: emulator-key\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + model.length() + "\r\n\r\n" + model)
			.body();
		String id = created.replaceAll(".*\"model_id\":\"([0-9a-f]+)\".*", "$1");
		String bind = "{\"train_file\": \"../../etc/passwd\", \"validate_file\": \"/etc/shadow\"}";
		RawHttp.Response response = send("POST /v0/models/" + id + "/bind HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Authorization: emulator-key\r\nContent-Type: application/json\r\nContent-Length: " + bind.length()
				+ "\r\n\r\n" + bind);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("File ../../etc/passwd not found");
	}

	@Test
	void uploadToAnIdThatTraversesPathsIsRefusedBeforeItsBodyIsRead() throws IOException {
		RawHttp.Response response = send("PUT /upload/..%2F..%2Ftmp%2Fttm-emulator-upload-x.json?signature=forged "
				+ "HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1048576\r\n\r\n");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("The request signature does not match");
	}

	// UTF-8, as a client that does not encode its path sends it
	private RawHttp.Response send(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.emulator.port())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			return RawHttp.read(socket.getInputStream());
		}
	}

}
