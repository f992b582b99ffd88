package dev.tunethemodel.client.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpResponse;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link JdkHttpConnector}: requests and responses as the JDK client exchanges
 * them, and exchanges that end early closing their connections.
 */
class JdkHttpConnectorTests {

	private static final Duration VERIFY = Duration.ofSeconds(10);

	private final AtomicInteger openConnections = new AtomicInteger();

	private final DisposableServer server = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.doOnConnection((connection) -> {
			this.openConnections.incrementAndGet();
			connection.onDispose(this.openConnections::decrementAndGet);
		})
		.route((routes) -> routes
			.post("/echo",
					(request, response) -> response.status(201)
						.header("X-Content-Length", String.valueOf(request.requestHeaders().get("Content-Length")))
						.header("X-Trace", String.join(",", request.requestHeaders().getAll("X-Trace")))
						.send(request.receive().retain()))
			.get("/stalled",
					(request, response) -> response.sendString(Flux.concat(Flux.just("{\"models\": ["), Flux.never())))
			.get("/slow",
					(request, response) -> response.sendString(Mono.delay(Duration.ofSeconds(30)).map(String::valueOf)))
			.get("/large",
					(request, response) -> response.sendString(Flux.range(0, 1000).map((i) -> "x".repeat(1024)))))
		.bindNow();

	private final JdkHttpConnector connector = new JdkHttpConnector(HttpClient.newHttpClient(), null);

	@AfterEach
	void stopServer() {
		this.server.disposeNow();
	}

	@Test
	void requestSendsItsHeadersAndItsBodyWithItsLength() {
		byte[] body = "{\"input\": \"text\"}".getBytes(StandardCharsets.UTF_8);
		Mono<ClientHttpResponse> exchange = this.connector.connect(HttpMethod.POST, uri("/echo"), (request) -> {
			request.getHeaders().setContentLength(body.length);
			request.getHeaders().addAll("X-Trace", List.of("a", "b"));
			return request.writeWith(Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
		});
		StepVerifier.create(exchange.flatMap((response) -> DataBufferUtils.join(response.getBody()).map((buffer) -> {
			assertThat(response.getStatusCode().value()).isEqualTo(201);
			assertThat(response.getHeaders().getFirst("x-content-length")).isEqualTo(String.valueOf(body.length));
			assertThat(response.getHeaders().getFirst("X-TRACE")).isEqualTo("a,b");
			return buffer.toString(StandardCharsets.UTF_8);
		}))).expectNext(new String(body, StandardCharsets.UTF_8)).expectComplete().verify(VERIFY);
	}

	@Test
	void cancelBeforeTheResponseClosesTheConnection() {
		Disposable exchange = this.connector.connect(HttpMethod.GET, uri("/slow"), (request) -> request.setComplete())
			.subscribe();
		await().atMost(VERIFY).until(() -> this.openConnections.get() == 1);
		exchange.dispose();
		await().atMost(VERIFY).until(() -> this.openConnections.get() == 0);
	}

	@Test
	void bodyCancelledAfterItsFirstPartClosesTheConnection() {
		Flux<DataBuffer> firstPart = this.connector
			.connect(HttpMethod.GET, uri("/large"), (request) -> request.setComplete())
			.flatMapMany(ClientHttpResponse::getBody)
			.take(1)
			.doOnNext(DataBufferUtils::release);
		StepVerifier.create(firstPart).expectNextCount(1).expectComplete().verify(VERIFY);
		await().atMost(VERIFY).until(() -> this.openConnections.get() == 0);
	}

	@Test
	void bodyReadToItsEndLeavesTheConnectionOpenForTheNextRequest() {
		Mono<Integer> length = this.connector.connect(HttpMethod.GET, uri("/large"), (request) -> request.setComplete())
			.flatMap((response) -> DataBufferUtils.join(response.getBody(), Integer.MAX_VALUE)
				.map(DataBuffer::readableByteCount));
		StepVerifier.create(length).expectNext(1024 * 1000).expectComplete().verify(VERIFY);
		await().during(Duration.ofMillis(300)).atMost(VERIFY).until(() -> this.openConnections.get() == 1);
	}

	@Test
	void bodyThatStopsComingFailsAfterTheReadTimeoutAndClosesTheConnection() {
		JdkHttpConnector connector = new JdkHttpConnector(HttpClient.newHttpClient(), Duration.ofMillis(200));
		Mono<DataBuffer> body = connector.connect(HttpMethod.GET, uri("/stalled"), (request) -> request.setComplete())
			.flatMap((response) -> DataBufferUtils.join(response.getBody()));
		StepVerifier.create(body)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HttpTimeoutException.class)
				.hasMessage("No part of the response's body within the read timeout of 200ms"))
			.verify(VERIFY);
		await().atMost(VERIFY).until(() -> this.openConnections.get() == 0);
	}

	@Test
	void bodyCanBeReadOnce() {
		Mono<ClientHttpResponse> exchange = this.connector.connect(HttpMethod.GET, uri("/large"),
				(request) -> request.setComplete());
		StepVerifier.create(exchange.flatMap((response) -> response.getBody().then().then(response.getBody().then())))
			.expectError(IllegalStateException.class)
			.verify(VERIFY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "headers", "all", "errors,Headers", "requests, all" })
	void refusesToBeCreatedWhenTheJdkClientLogsHeaders(String logged) {
		withLogProperty(logged,
				() -> assertThatExceptionOfType(TuneTheModelConfigurationException.class)
					.isThrownBy(() -> new JdkHttpConnector(HttpClient.newHttpClient(), null))
					.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.LOGGED_HEADERS))
					.withMessage("The JDK's HttpClient logs request headers (jdk.httpclient.HttpClient.log=" + logged
							+ "), the API key among them"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "errors", "requests,ssl" })
	void isCreatedWhenTheJdkClientLogsNoHeaders(String logged) {
		withLogProperty(logged,
				() -> assertThatNoException().isThrownBy(() -> new JdkHttpConnector(HttpClient.newHttpClient(), null)));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.port() + path);
	}

	private static void withLogProperty(String value, Runnable test) {
		System.setProperty(JdkHttpConnector.LOG_PROPERTY, value);
		try {
			test.run();
		}
		finally {
			System.clearProperty(JdkHttpConnector.LOG_PROPERTY);
		}
	}

}
