package dev.tunethemodel.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

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
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Answers that never end or never fit in memory, on each transport: each call ends with
 * the error of the limit the answer broke, in bounded time, and closes its connection, so
 * that the server stops sending and no socket, buffer or thread outlives the call. Each
 * case runs many times in the hostile suite's 128 MiB of heap, where a connection kept
 * open with what its client queued of the answer would soon exhaust it.
 */
@HostileSuite
@ParameterizedClass
@EnumSource(TransportUnderTest.class)
class OversizedAnswerTests {

	private static final int ROUNDS = 30;

	private static final int CHUNK = 16 * 1024;

	// the codecs' default in-memory limit
	private static final int BODY_LIMIT = 256 * 1024;

	private static final int ERROR_BODY_LIMIT = 64 * 1024;

	// more than a limit and what the sockets' buffers hold, far less than the answer
	private static final long MAX_SENT_PER_CALL = 16L * 1024 * 1024;

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static final Duration SETTLED = Duration.ofSeconds(10);

	private static final String MODEL_START = "{\"model_id\": \"m-1\", \"name\": \"";

	private static final Map<String, Function<HttpServerResponse, Publisher<Void>>> scenarios = new ConcurrentHashMap<>();

	private static final AtomicInteger openConnections = new AtomicInteger();

	private static final AtomicLong sent = new AtomicLong();

	private static DisposableServer server;

	private final TransportUnderTest transport;

	private ProcessResources before;

	OversizedAnswerTests(TransportUnderTest transport) {
		this.transport = transport;
	}

	@BeforeAll
	static void startServer() {
		scenarios.put("endless", (response) -> response.status(200).send(endless(MODEL_START)));
		scenarios.put("content-length",
				(response) -> response.status(200).header("Content-Length", "600000000").send(endless(MODEL_START)));
		scenarios.put("endless-error",
				(response) -> response.status(500).header("Content-Type", "text/plain").send(endless("failed: ")));
		scenarios.put("silent",
				(response) -> response.status(200).send(Flux.concat(Flux.just(utf8(MODEL_START)), Flux.never())));
		server = HttpServer.create().host("127.0.0.1").port(0).doOnConnection((connection) -> {
			openConnections.incrementAndGet();
			connection.onDispose(openConnections::decrementAndGet);
		})
			.route((routes) -> routes.get("/{scenario}/v0/**",
					(request, response) -> scenarios.get(request.param("scenario"))
						.apply(response.header("Content-Type", "application/json"))))
			.bindNow();
	}

	@AfterAll
	static void stopServer() {
		server.disposeNow();
	}

	@BeforeEach
	void countResources() {
		sent.set(0);
		await().atMost(SETTLED).until(() -> openConnections.get() == 0);
		this.before = ProcessResources.now();
	}

	@Test
	void endlessObjectEndsAtTheCodecsLimit() {
		TuneTheModelTemplate template = template("endless", VERIFY);
		for (int i = 0; i < ROUNDS; i++) {
			StepVerifier.create(template.getModel("m-1"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
					.hasMessageStartingWith("GET /v0/models/{model}/status [m-1] returned 200 with a body larger than "
							+ "the codecs' in-memory limit")
					.hasMessageContaining(String.valueOf(BODY_LIMIT)))
				.verify(VERIFY);
		}
		assertReleased("endless");
	}

	@Test
	void contentLengthOfSixHundredMegabytesEndsAtTheCodecsLimit() {
		TuneTheModelTemplate template = template("content-length", VERIFY);
		for (int i = 0; i < ROUNDS; i++) {
			StepVerifier.create(template.getModel("m-1"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
					.hasMessageContaining("with a body larger than the codecs' in-memory limit"))
				.verify(VERIFY);
		}
		assertReleased("content-length");
	}

	@Test
	void endlessErrorBodyIsReadUpToItsLimit() {
		TuneTheModelTemplate template = template("endless-error", VERIFY);
		for (int i = 0; i < ROUNDS; i++) {
			StepVerifier.create(template.getModel("m-1"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(TuneTheModelServerException.class,
						(error) -> assertThat(error.responseBody()).startsWith("failed: ").hasSize(ERROR_BODY_LIMIT)))
				.verify(VERIFY);
		}
		assertReleased("endless-error");
	}

	@Test
	void bodyThatStopsComingEndsAtTheTimeout() {
		TuneTheModelTemplate template = template("silent", Duration.ofMillis(200));
		for (int i = 0; i < ROUNDS; i++) {
			StepVerifier.create(template.getModel("m-1"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelTimeoutException.class)
					.hasMessage("GET /v0/models/{model}/status [m-1] did not complete within 200ms (1 attempt)"))
				.verify(VERIFY);
		}
		assertReleased("silent");
	}

	private TuneTheModelTemplate template(String scenario, Duration timeout) {
		return TuneTheModelTemplate.builder()
			.webClientBuilder(this.transport.webClientBuilder())
			.baseUrl("http://127.0.0.1:" + server.port() + "/" + scenario)
			.apiKey("oversized-answer-key")
			.retrySettings(RetrySettings.none())
			.timeout(timeout)
			.build();
	}

	// every connection closed, the server stopped sending, no socket or thread left over
	private void assertReleased(String name) {
		await().atMost(SETTLED).until(() -> openConnections.get() == 0);
		assertThat(sent.get()).isLessThan(ROUNDS * MAX_SENT_PER_CALL);
		ProcessResources after = this.before.assertNothingLeftSince();
		System.out.printf("%s on %s: %d calls, %,d bytes sent, %s before, %s after%n", name, this.transport, ROUNDS,
				sent.get(), this.before, after);
	}

	private static Flux<ByteBuf> endless(String start) {
		byte[] filler = "n".repeat(CHUNK).getBytes(StandardCharsets.UTF_8);
		return Flux.concat(Flux.just(utf8(start)), Flux.generate((sink) -> sink.next(Unpooled.wrappedBuffer(filler))))
			.doOnNext((buffer) -> sent.addAndGet(buffer.readableBytes()));
	}

	private static ByteBuf utf8(String text) {
		return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
	}

}
