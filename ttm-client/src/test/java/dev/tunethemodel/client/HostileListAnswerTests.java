package dev.tunethemodel.client;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * List answers that never end or never fit in memory, from a local server that generates
 * them lazily: each call ends with a {@link TuneTheModelException} that says which limit
 * the answer broke, in bounded time and memory, and closes the connection, so that the
 * server stops sending. Part of the hostile suite: 128 MiB of heap, every Netty buffer
 * tracked.
 */
@HostileSuite
@ParameterizedClass
@EnumSource(TransportUnderTest.class)
class HostileListAnswerTests {

	private static final Duration VERIFY = Duration.ofSeconds(60);

	// the codecs' default in-memory limit
	private static final int ENTRY_LIMIT = 256 * 1024;

	private static final int CHUNK = 16 * 1024;

	private static final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();

	private static DisposableServer server;

	private final TransportUnderTest transport;

	private List<MemoryPoolMXBean> heap;

	private ProcessResources before;

	HostileListAnswerTests(TransportUnderTest transport) {
		this.transport = transport;
	}

	@BeforeAll
	static void startServer() {
		scenarios.put("entries", new Scenario(() -> endlessEntries()));
		scenarios.put("content-length", new Scenario(() -> contentLengthOfOneEntry(600_000_000L)));
		scenarios.put("ignored-array",
				new Scenario(() -> endless("{\"files\": [{\"file_id\": \"f-1\", \"junk\": [", "0,".repeat(CHUNK / 2))));
		scenarios.put("top-level", new Scenario(() -> endless("{\"padding\": \"", "p".repeat(CHUNK))));
		scenarios.put("deep",
				new Scenario(() -> endless("{\"models\": [{\"model_params\": ", "{\"a\": ".repeat(CHUNK / 6))));
		server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/{scenario}/v0/**", (request, response) -> {
				Scenario scenario = scenarios.get(request.param("scenario"));
				Answer answer = scenario.answer().get();
				if (answer.contentLength() >= 0) {
					response.header("Content-Length", String.valueOf(answer.contentLength()));
				}
				return response.header("Content-Type", "application/json")
					.send(Flux.from(answer.body())
						.doOnNext((buffer) -> scenario.sent().addAndGet(buffer.readableBytes()))
						.doFinally((signal) -> scenario.cancelled().set(signal == SignalType.CANCEL)));
			}))
			.bindNow();
	}

	@AfterAll
	static void stopServer() {
		server.disposeNow();
	}

	@BeforeEach
	void resetPeakHeap() {
		scenarios.values().forEach((scenario) -> {
			scenario.sent().set(0);
			scenario.cancelled().set(false);
		});
		System.gc();
		this.heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		this.heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		this.before = ProcessResources.now();
	}

	@Test
	void endlessListOfEntriesEndsAtTheEntryBound() {
		long start = System.nanoTime();
		StepVerifier.create(template("entries").listModels())
			.thenConsumeWhile((model) -> model.id().startsWith("m-"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("GET /v0/models returned 200 with more than 100000 entries in \"models\"")
				.hasMessageContaining("tunethemodel.max-list-entries"))
			.verify(VERIFY);
		report("entries", start);
		// 100,000 entries of about 140 bytes, and what the sockets held
		assertThat(sent("entries")).isLessThan(32L * 1024 * 1024);
		assertServerStopped("entries");
	}

	@Test
	void contentLengthOfSixHundredMegabytesInOneEntryEndsAtTheEntryLimit() {
		long start = System.nanoTime();
		StepVerifier.create(template("content-length").listPublicModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("GET /v0/public-models returned 200 with an entry of \"models\" larger than "
						+ ENTRY_LIMIT + " bytes")
				.hasMessageContaining("spring.http.codecs.max-in-memory-size"))
			.verify(VERIFY);
		report("content-length", start);
		assertThat(sent("content-length")).isLessThan(16L * 1024 * 1024);
		assertServerStopped("content-length");
	}

	@Test
	void endlessIgnoredArrayInAnEntryEndsAtTheEntryLimit() {
		long start = System.nanoTime();
		StepVerifier.create(template("ignored-array").listFiles())
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
						.hasMessageStartingWith("GET /v0/files returned 200 with an entry of \"files\" larger than "
								+ ENTRY_LIMIT + " bytes"))
			.verify(VERIFY);
		report("ignored-array", start);
		assertThat(sent("ignored-array")).isLessThan(16L * 1024 * 1024);
		assertServerStopped("ignored-array");
	}

	@Test
	void endlessFieldBeforeTheListEndsAtTheEntryLimit() {
		long start = System.nanoTime();
		StepVerifier.create(template("top-level").listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("GET /v0/models returned 200 with more than " + ENTRY_LIMIT
						+ " bytes in a row outside the entries of \"models\""))
			.verify(VERIFY);
		report("top-level", start);
		assertThat(sent("top-level")).isLessThan(16L * 1024 * 1024);
		assertServerStopped("top-level");
	}

	@Test
	void endlesslyNestedEntryIsUnreadable() {
		StepVerifier.create(template("deep").listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("GET /v0/models returned a body that cannot be read"))
			.verify(VERIFY);
		assertThat(sent("deep")).isLessThan(16L * 1024 * 1024);
		assertServerStopped("deep");
	}

	private void report(String scenario, long start) {
		long peakHeap = this.heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		System.out.printf("%s on %s: ended after %d ms, %,d bytes sent, peak heap %.1f MiB of %.0f MiB%n", scenario,
				this.transport, Duration.ofNanos(System.nanoTime() - start).toMillis(), sent(scenario),
				peakHeap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
	}

	private static long sent(String scenario) {
		return scenarios.get(scenario).sent().get();
	}

	// the connection is closed: the server's answer is cancelled and sends no more
	private void assertServerStopped(String name) {
		Scenario scenario = scenarios.get(name);
		await().atMost(Duration.ofSeconds(10)).untilTrue(scenario.cancelled());
		long sent = scenario.sent().get();
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(scenario.sent().get()).isEqualTo(sent);
		this.before.assertNothingLeftSince();
	}

	private TuneTheModelTemplate template(String scenario) {
		return TuneTheModelTemplate.builder()
			.webClientBuilder(this.transport.webClientBuilder())
			.baseUrl("http://127.0.0.1:" + server.port() + "/" + scenario)
			.apiKey("hostile-list-key")
			.retrySettings(RetrySettings.none())
			.timeout(VERIFY)
			.build();
	}

	private static Answer endlessEntries() {
		AtomicLong count = new AtomicLong();
		Flux<ByteBuf> entries = Flux.generate((sink) -> {
			StringBuilder batch = new StringBuilder();
			for (int i = 0; i < 100; i++) {
				batch.append("{\"model_id\": \"m-")
					.append(count.incrementAndGet())
					.append("\", \"status\": \"Ready\", \"model_type\": \"classifier\", \"name\": \"a listed model\", "
							+ "\"last_updated_time\": \"2022-06-10 17:52:35.81619\"},");
			}
			sink.next(utf8(batch.toString()));
		});
		return new Answer(-1, Flux.concat(Flux.just(utf8("{\"models\": [")), entries));
	}

	private static Answer contentLengthOfOneEntry(long contentLength) {
		byte[] start = "{\"models\": [{\"model_id\": \"m-1\", \"name\": \"".getBytes(StandardCharsets.UTF_8);
		byte[] name = "n".repeat(CHUNK).getBytes(StandardCharsets.UTF_8);
		AtomicLong left = new AtomicLong(contentLength - start.length);
		Flux<ByteBuf> rest = Flux.generate((sink) -> {
			int length = (int) Math.min(name.length, left.get());
			left.addAndGet(-length);
			sink.next(Unpooled.wrappedBuffer(name, 0, length));
			if (left.get() == 0) {
				sink.complete();
			}
		});
		return new Answer(contentLength, Flux.concat(Flux.just(Unpooled.wrappedBuffer(start)), rest));
	}

	private static Answer endless(String start, String repeated) {
		byte[] bytes = repeated.getBytes(StandardCharsets.UTF_8);
		Flux<ByteBuf> rest = Flux.generate((sink) -> sink.next(Unpooled.wrappedBuffer(bytes)));
		return new Answer(-1, Flux.concat(Flux.just(utf8(start)), rest));
	}

	private static ByteBuf utf8(String text) {
		return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
	}

	record Scenario(Supplier<Answer> answer, AtomicLong sent, AtomicBoolean cancelled) {

		Scenario(Supplier<Answer> answer) {
			this(answer, new AtomicLong(), new AtomicBoolean());
		}

	}

	record Answer(long contentLength, Publisher<ByteBuf> body) {

	}

}
