package dev.tunethemodel.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a client which sends the head of a request slowly, or stops, is disconnected
 * (slowloris), while a slow upload of a body is still taken.
 */
@HostileSuite
class SlowClientsTests {

	private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(1);

	// at a byte every 100 ms, the head below takes 15 seconds, far beyond the timeout
	private static final int PAUSE_MILLIS = 100;

	// the most a disconnection may take to be seen, in the tests that wait for it
	private static final int WAIT_MILLIS = 10_000;

	private final TuneTheModelEmulator emulator = TuneTheModelEmulator.builder()
		.apiKey("emulator-key")
		.processingTime(Duration.ZERO)
		.requestHeadTimeout(HEAD_TIMEOUT)
		.start();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void clientSendingItsHeadOneByteAtATimeIsDisconnected() throws IOException {
		byte[] head = ("GET /v0/models HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: emulator-key\r\nX-Slow: "
				+ "s".repeat(80) + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = connect()) {
			socket.setSoTimeout(PAUSE_MILLIS);
			int sent = 0;
			boolean disconnected = false;
			while (sent < head.length && !disconnected) {
				disconnected = !write(socket, Arrays.copyOfRange(head, sent, sent + 1)) || closedByTheServer(socket);
				sent++;
			}
			assertThat(disconnected).isTrue();
			assertThat(sent).isLessThan(head.length);
		}
	}

	@Test
	void clientSendingARequestLineAndThenNothingIsDisconnected() throws IOException {
		try (Socket socket = connect()) {
			socket.setSoTimeout(WAIT_MILLIS);
			assertThat(write(socket, "GET /v0/models HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
			assertThat(closedByTheServer(socket)).isTrue();
		}
	}

	@Test
	void connectionLeftIdleAfterAnAnswerIsClosed() throws IOException {
		try (Socket socket = connect()) {
			socket.setSoTimeout(WAIT_MILLIS);
			write(socket, "GET /v0/models HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: emulator-key\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII));
			assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
			assertThat(closedByTheServer(socket)).isTrue();
		}
	}

	@Test
	void uploadWhoseBodyTakesLongerThanTheHeadTimeoutIsAccepted() throws Exception {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl(this.emulator.baseUrl())
			.defaultHeader("Authorization", "emulator-key")
			.build();
		Map<String, Object> file = NewFiles.classifierFile(client);
		URI url = URI.create((String) file.get("upload_url"));
		byte[] dataset = SentimentDataset.asJson().getBytes(StandardCharsets.UTF_8);
		int parts = 5;
		try (Socket socket = connect()) {
			socket.setSoTimeout(WAIT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + dataset.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			for (int part = 0; part < parts; part++) {
				// the parts together take twice the head timeout
				Thread.sleep(2 * HEAD_TIMEOUT.toMillis() / parts);
				out.write(dataset, part * dataset.length / parts,
						(part + 1) * dataset.length / parts - part * dataset.length / parts);
				out.flush();
			}
			assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
		}
		assertThat(ApiStatus.file(client, (String) file.get("file_id"))).isEqualTo("fileready");
	}

	private Socket connect() throws IOException {
		return new Socket(InetAddress.getLoopbackAddress(), this.emulator.port());
	}

	// false when the server has closed the connection
	private static boolean write(Socket socket, byte[] bytes) {
		try {
			socket.getOutputStream().write(bytes);
			socket.getOutputStream().flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	// waits for the socket's read timeout at most
	private static boolean closedByTheServer(Socket socket) throws IOException {
		try {
			return socket.getInputStream().read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (SocketException ex) {
			// reset by the server
			return true;
		}
	}

}
