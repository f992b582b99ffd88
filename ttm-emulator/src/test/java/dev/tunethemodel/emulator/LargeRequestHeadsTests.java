package dev.tunethemodel.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a request head beyond the bounds of {@link EmulatorLimits} is refused before
 * it is read whole, and that the emulator keeps serving.
 */
@HostileSuite
class LargeRequestHeadsTests {

	private static final String HEAD = "GET /v0/models HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: emulator-key\r\n";

	private final TuneTheModelEmulator emulator = TuneTheModelEmulator.builder().apiKey("emulator-key").start();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void headerOfOneMebibyteIsRefused() throws Exception {
		assertThat(status(HEAD + "X-Large: " + "a".repeat(1024 * 1024) + "\r\n\r\n")).isEqualTo(431);
		assertThat(status(HEAD + "\r\n")).isEqualTo(200);
	}

	@Test
	void tenThousandHeadersAreRefused() throws Exception {
		StringBuilder headers = new StringBuilder(HEAD);
		for (int i = 0; i < 10_000; i++) {
			headers.append("X-Header-").append(i).append(": value\r\n");
		}
		assertThat(status(headers + "\r\n")).isEqualTo(431);
		assertThat(status(HEAD + "\r\n")).isEqualTo(200);
	}

	@Test
	void headerOverTheMaximumIsRefusedAndOneWithinItAccepted() throws Exception {
		assertThat(status(HEAD + "X-Pad: " + "a".repeat(EmulatorLimits.MAX_HEADER_SIZE + 1) + "\r\n\r\n"))
			.isEqualTo(431);
		assertThat(status(HEAD + "X-Pad: " + "a".repeat(EmulatorLimits.MAX_HEADER_SIZE / 2) + "\r\n\r\n"))
			.isEqualTo(200);
	}

	@Test
	void requestLineLongerThanTheMaximumIsRefused() throws Exception {
		String path = "/v0/models/" + "a".repeat(EmulatorLimits.MAX_REQUEST_LINE_LENGTH) + "/status";
		assertThat(status("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: emulator-key\r\n\r\n"))
			.isEqualTo(414);
		assertThat(status(HEAD + "\r\n")).isEqualTo(200);
	}

	// written while the answer is read: the server answers before reading it all
	private int status(String request) throws Exception {
		CompletableFuture<Void> written;
		int status;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.emulator.port())) {
			socket.setSoTimeout(10_000);
			written = CompletableFuture.runAsync(() -> {
				try {
					socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			status = RawHttp.read(socket.getInputStream()).status();
		}
		// the rest of a refused head fails to be written once the socket is closed
		written.handle((result, ex) -> null).get(10, TimeUnit.SECONDS);
		return status;
	}

}
