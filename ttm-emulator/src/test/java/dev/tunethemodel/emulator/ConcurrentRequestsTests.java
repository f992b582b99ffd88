package dev.tunethemodel.emulator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.sun.management.UnixOperatingSystemMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Tests that 10,000 requests sent at once, with and without the key, good and bad, are
 * each answered, none with a server error, and that every connection is closed in the
 * end, in the small heap of the hostile suite.
 */
@HostileSuite
class ConcurrentRequestsTests {

	private static final int REQUESTS = 10_000;

	// each one is two file descriptors of this JVM, the client's and the emulator's
	private static final int CONNECTIONS = 1_000;

	private static final List<String> KINDS = List.of(request("GET", "/v0/models", "emulator-key", null),
			request("POST", "/v0/models", null, "{\"model_type\": \"classifier\"}"),
			request("GET", "/v0/models/no-such-model/status", "emulator-key", null),
			request("POST", "/v0/files", "emulator-key", "{\"name\": "));

	private final TuneTheModelEmulator emulator = TuneTheModelEmulator.builder().apiKey("emulator-key").start();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void tenThousandRequestsAtOnceAreEachAnsweredWithoutAServerError() throws IOException {
		UnixOperatingSystemMXBean system = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long openBefore = system.getOpenFileDescriptorCount();
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<SocketChannel> channels = new ArrayList<>();
		try (Selector selector = Selector.open()) {
			InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), this.emulator.port());
			for (int i = 0; i < CONNECTIONS; i++) {
				SocketChannel channel = SocketChannel.open(address);
				channels.add(channel);
				channel.configureBlocking(false);
				channel.register(selector, SelectionKey.OP_WRITE, new Exchange(requests(i)));
			}
			long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
			int answers = 0;
			while (answers < REQUESTS && System.nanoTime() < deadline) {
				selector.select(1000);
				for (SelectionKey key : selector.selectedKeys()) {
					answers += ((Exchange) key.attachment()).proceed(key, statuses);
				}
				selector.selectedKeys().clear();
			}
		}
		finally {
			for (SocketChannel channel : channels) {
				channel.close();
			}
		}
		int each = REQUESTS / KINDS.size();
		assertThat(statuses).containsOnly(entry(200, each), entry(401, each), entry(404, each), entry(400, each));
		// the emulator closes its side of each connection the client closed
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(system.getOpenFileDescriptorCount()).isLessThanOrEqualTo(openBefore));
	}

	// sent at once on the connection, within the emulator's most pipelined requests
	private static ByteBuffer requests(int connection) {
		StringBuilder requests = new StringBuilder();
		int first = connection * REQUESTS / CONNECTIONS;
		for (int i = first; i < first + REQUESTS / CONNECTIONS; i++) {
			requests.append(KINDS.get(i % KINDS.size()));
		}
		return ByteBuffer.wrap(requests.toString().getBytes(StandardCharsets.US_ASCII));
	}

	private static String request(String method, String path, String key, String body) {
		return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ ((key != null) ? "Authorization: " + key + "\r\n" : "")
				+ ((body != null)
						? "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
						: "\r\n");
	}

	/**
	 * The requests of a connection, written, then their answers, read as they come.
	 */
	private static final class Exchange {

		private final ByteBuffer requests;

		private final ByteBuffer buffer = ByteBuffer.allocate(8192);

		private final StringBuilder received = new StringBuilder();

		Exchange(ByteBuffer requests) {
			this.requests = requests;
		}

		// the number of answers read whole
		int proceed(SelectionKey key, Map<Integer, Integer> statuses) throws IOException {
			SocketChannel channel = (SocketChannel) key.channel();
			if (key.isWritable()) {
				channel.write(this.requests);
				if (!this.requests.hasRemaining()) {
					key.interestOps(SelectionKey.OP_READ);
				}
				return 0;
			}
			this.buffer.clear();
			if (channel.read(this.buffer) < 0) {
				key.cancel();
				return 0;
			}
			this.received
				.append(new String(this.buffer.array(), 0, this.buffer.position(), StandardCharsets.ISO_8859_1));
			int answers = 0;
			for (int length = answerLength(); length > 0; length = answerLength()) {
				statuses.merge(Integer.parseInt(this.received.substring(9, 12)), 1, Integer::sum);
				this.received.delete(0, length);
				answers++;
			}
			return answers;
		}

		// the length of the first answer when it was read whole, else 0
		private int answerLength() {
			int headEnd = this.received.indexOf("\r\n\r\n");
			if (headEnd < 0) {
				return 0;
			}
			int bodyLength = 0;
			for (String line : this.received.substring(0, headEnd).split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
					bodyLength = Integer.parseInt(line.substring("content-length:".length()).strip());
				}
			}
			int length = headEnd + 4 + bodyLength;
			return (this.received.length() >= length) ? length : 0;
		}

	}

}
