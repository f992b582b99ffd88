package dev.tunethemodel.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.Model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests of how {@link TuneTheModelTemplate} reads list answers, from a local server that
 * sends them in parts: entries passed on as they arrive, repeats only before the first
 * entry, the time a subscriber takes not counted, and the limits on entries.
 */
class ListAnswerTests {

	private static final Duration VERIFY = Duration.ofSeconds(10);

	private static final String START = "{\"models\": [";

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicBoolean cancelled = new AtomicBoolean();

	private volatile IntFunction<Publisher<String>> answer;

	private DisposableServer server;

	@BeforeEach
	void startServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/v0/models", (request,
					response) -> response.sendString(Flux.from(this.answer.apply(this.requests.incrementAndGet()))
						.doFinally((signal) -> this.cancelled.compareAndSet(false, signal == SignalType.CANCEL)))))
			.bindNow();
	}

	@AfterEach
	void stopServer() {
		this.server.disposeNow();
	}

	@Test
	void entriesArePassedOnBeforeTheAnswerEnds() {
		this.answer = (request) -> Flux.concat(Flux.just(START + model(1) + ","), Flux.never());
		StepVerifier.create(builder().build().listModels().map(Model::id))
			.expectNext("m-1")
			.thenCancel()
			.verify(VERIFY);
		await().atMost(VERIFY).untilTrue(this.cancelled);
	}

	@Test
	void takingTheFirstEntriesOfAnEndlessListClosesTheConnection() {
		AtomicInteger sent = new AtomicInteger();
		this.answer = (request) -> Flux.concat(Flux.just(START),
				Flux.<String>generate((sink) -> sink.next(model(sent.incrementAndGet()) + ",")));
		StepVerifier.create(builder().build().listModels().take(3).map(Model::id))
			.expectNext("m-1", "m-2", "m-3")
			.expectComplete()
			.verify(VERIFY);
		await().atMost(VERIFY).untilTrue(this.cancelled);
	}

	@Test
	void subscriberThatTakesLongerThanTheTimeoutIsNotFailedForIt() {
		this.answer = (request) -> Flux.just(START + model(1) + "," + model(2) + "]}");
		// the first call of a JVM starts the HTTP client: not the time under test
		builder().build().listModels().blockLast(VERIFY);
		TuneTheModelTemplate template = builder().timeout(Duration.ofMillis(500)).build();
		StepVerifier.create(template.listModels().map(Model::id), 1)
			.expectNext("m-1")
			.thenAwait(Duration.ofMillis(1500))
			.thenRequest(1)
			.expectNext("m-2")
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void failureBeforeTheFirstEntryIsRepeated() {
		this.answer = (request) -> (request == 1) ? brokenAfter(START + "{\"model_id\": \"m-")
				: Flux.just(START + model(1) + "," + model(2) + "]}");
		StepVerifier.create(builder().build().listModels().map(Model::id))
			.expectNext("m-1", "m-2")
			.expectComplete()
			.verify(VERIFY);
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void failureAfterTheFirstEntryIsNotRepeated() {
		this.answer = (request) -> brokenAfter(START + model(request) + ",");
		StepVerifier.create(builder().build().listModels().map(Model::id))
			.expectNext("m-1")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelConnectionException.class)
				.hasMessageStartingWith("GET /v0/models to 127.0.0.1:" + this.server.port() + " failed: "))
			.verify(VERIFY);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void listLongerThanTheBoundEndsAfterTheBound() {
		this.answer = (request) -> Flux.just(START + model(1) + "," + model(2) + "," + model(3) + "]}");
		StepVerifier.create(builder().maxListEntries(2).build().listModels().map(Model::id))
			.expectNext("m-1", "m-2")
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessage("GET /v0/models returned 200 with more than 2 entries in \"models\", the client's limit "
						+ "(maxListEntries of the template's builder, tunethemodel.max-list-entries in Spring Boot)"))
			.verify(VERIFY);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void entryLargerThanTheCodecsLimitEndsTheList() {
		String large = "{\"model_id\": \"m-2\", \"name\": \"" + "n".repeat(2000) + "\"}";
		this.answer = (request) -> Flux.just(START + model(1) + "," + large + "]}");
		WebClient.Builder webClient = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1000));
		StepVerifier.create(builder().webClientBuilder(webClient).build().listModels().map(Model::id))
			.expectNext("m-1")
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessage("GET /v0/models returned 200 with an entry of \"models\" larger than 1000 bytes, "
						+ "the codecs' in-memory limit (spring.http.codecs.max-in-memory-size)"))
			.verify(VERIFY);
	}

	@Test
	void boundOfNoEntriesIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> builder().maxListEntries(0).build())
			.withMessage("The maximum number of entries of a list must be more than zero, but is 0");
	}

	private TuneTheModelTemplate.Builder builder() {
		return TuneTheModelTemplate.builder()
			.baseUrl("http://127.0.0.1:" + this.server.port())
			.apiKey("list-answer-key")
			.retrySettings(new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
	}

	// the connection is closed before the answer ends
	private static Publisher<String> brokenAfter(String start) {
		return Flux.concat(Flux.just(start),
				Mono.delay(Duration.ofMillis(100)).then(Mono.error(new IllegalStateException("broken"))));
	}

	private static String model(int number) {
		return "{\"model_id\": \"m-" + number + "\", \"status\": \"Ready\"}";
	}

}
