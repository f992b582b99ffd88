package dev.tunethemodel.emulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that requests pipelined on a connection are answered in order up to
 * {@link EmulatorLimits#MAX_PIPELINED_REQUESTS}, and that a client sending more ahead of
 * answers it does not read is disconnected instead of filling the heap with them.
 */
@HostileSuite
class PipelinedRequestsTests {

	private final TuneTheModelEmulator emulator = TuneTheModelEmulator.builder().apiKey("emulator-key").start();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void pipelinedRequestsUpToTheMostAreEachAnsweredInOrder() throws IOException {
		StringBuilder requests = new StringBuilder();
		for (int i = 0; i < EmulatorLimits.MAX_PIPELINED_REQUESTS; i++) {
			requests.append(request("/v0/models/m" + i + "/status"));
		}
		try (Socket socket = connect()) {
			socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			for (int i = 0; i < EmulatorLimits.MAX_PIPELINED_REQUESTS; i++) {
				RawHttp.Response response = RawHttp.read(in);
				assertThat(response.status()).isEqualTo(404);
				assertThat(response.body()).isEqualTo("Model m" + i + " not found");
			}
		}
	}

	@Test
	void clientPipeliningRequestsWithoutReadingTheAnswersIsDisconnected() throws Exception {
		// 64 MiB, more than the sockets' buffers: requests are read while answers wait
		int chunks = 1000;
		int requestsAChunk = 800;
		byte[] chunk = request("/v0/public-models").repeat(requestsAChunk).getBytes(StandardCharsets.US_ASCII);
		int answers = 0;
		boolean closed = false;
		try (Socket socket = connect()) {
			CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
				try {
					for (int i = 0; i < chunks; i++) {
						socket.getOutputStream().write(chunk);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			written.handle((result, ex) -> null).get(30, TimeUnit.SECONDS);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			while (!closed && answers < chunks * requestsAChunk) {
				try {
					RawHttp.read(in);
					answers++;
				}
				catch (SocketTimeoutException ex) {
					throw ex;
				}
				catch (IOException ex) {
					closed = true;
				}
			}
		}
		assertThat(closed).isTrue();
		assertThat(answers).isLessThan(chunks * requestsAChunk);
		assertThat(RawHttp.exchange(this.emulator.port(), request("/v0/models")).status()).isEqualTo(200);
	}

	@Test
	void bodyPipelinedBehindAnUnansweredRequestIsRefused() throws Exception {
		// the next answer waits 20 seconds, while the next request's body arrives
		assertThat(RawHttp.exchange(this.emulator.port(),
				"POST /__emulator/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: emulator-key\r\n"
						+ "Content-Type: application/json\r\nContent-Length: 32\r\n\r\n{\"status\": 0, \"delay_ms\": 20000}")
			.status()).isEqualTo(200);
		String requests = request("/v0/models") + "POST /v0/models HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Authorization: emulator-key\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n";
		byte[] chunk = new byte[64 * 1024];
		int chunks = 4096;
		AtomicInteger written = new AtomicInteger();
		boolean closed = false;
		try (Socket socket = connect()) {
			CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
				try {
					socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
					for (int i = 0; i < chunks; i++) {
						socket.getOutputStream().write(chunk);
						written.incrementAndGet();
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			try {
				RawHttp.read(socket.getInputStream());
			}
			catch (SocketTimeoutException ex) {
				throw ex;
			}
			catch (IOException ex) {
				closed = true;
			}
			writing.handle((result, ex) -> null).get(30, TimeUnit.SECONDS);
		}
		assertThat(closed).isTrue();
		// only what the sockets' buffers took before the close
		assertThat(written.get()).isLessThan(chunks / 4);
		assertThat(RawHttp.exchange(this.emulator.port(), request("/v0/models")).status()).isEqualTo(200);
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.emulator.port());
		socket.setSoTimeout(10_000);
		return socket;
	}

	private static String request(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: emulator-key\r\n\r\n";
	}

}
