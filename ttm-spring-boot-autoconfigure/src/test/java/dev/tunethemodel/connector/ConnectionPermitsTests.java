package dev.tunethemodel.connector;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import reactor.test.util.RaceTestUtils;

import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.testsupport.DroppedErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the JDK client's limit on requests in flight: a waiting request gets a permit
 * in turn or fails after the pending-acquire timeout, and every permit comes back however
 * its request ends.
 */
class ConnectionPermitsTests {

	@RegisterExtension
	final DroppedErrors dropped = new DroppedErrors();

	private static final URI ANY = URI.create("http://127.0.0.1:9/v0/models");

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private final AtomicInteger served = new AtomicInteger();

	private final DisposableServer server = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes
			.get("/ok", (request, response) -> response.sendString(answer(Duration.ofMillis(randomMillis(0, 10)))))
			.get("/slow", (request, response) -> response.sendString(answer(Duration.ofMillis(500))))
			// longer than any test: the connection stays busy until the client lets it go
			.get("/held", (request, response) -> response.sendString(answer(Duration.ofSeconds(30))))
			.get("/fail", (request, response) -> response.status(500).sendString(answer(Duration.ZERO)))
			.get("/drop", (request, response) -> {
				response.withConnection(Connection::dispose);
				return Mono.empty();
			}))
		.bindNow();

	@AfterEach
	void stopServer() {
		this.server.disposeNow();
	}

	@Test
	void waitingRequestGetsThePermitOfTheOneBeforeIt() {
		ConnectionPermits permits = new ConnectionPermits(1, Duration.ofSeconds(5));
		AtomicInteger granted = new AtomicInteger();
		ConnectionPermits.Permit[] first = new ConnectionPermits.Permit[1];
		permits.acquire().subscribe((permit) -> first[0] = permit);
		Disposable second = permits.acquire().subscribe((permit) -> granted.incrementAndGet());
		assertThat(permits.available()).isZero();
		assertThat(permits.waiting()).isOne();
		first[0].release();
		first[0].release();
		assertThat(granted).hasValue(1);
		assertThat(permits.available()).isZero();
		assertThat(permits.waiting()).isZero();
		second.dispose();
	}

	@Test
	void waitingRequestFailsAfterThePendingAcquireTimeoutNamingTheProperties() {
		ConnectionPermits permits = new ConnectionPermits(2, Duration.ofMillis(100));
		permits.acquire().subscribe();
		permits.acquire().subscribe();
		StepVerifier.create(permits.acquire())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TimeoutException.class)
				.hasMessage("No connection was free within 100ms (tunethemodel.pool.pending-acquire-timeout) "
						+ "while 2 requests were in flight (tunethemodel.pool.max-connections)"))
			.verify(Duration.ofSeconds(5));
		assertThat(permits.waiting()).isZero();
	}

	@Test
	void closingRefusesWaitingAndLaterRequests() {
		ConnectionPermits permits = new ConnectionPermits(1, Duration.ofSeconds(30));
		permits.acquire().subscribe();
		StepVerifier.create(permits.acquire())
			.then(permits::close)
			.expectErrorMessage("The Tune the Model connector is closed")
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(permits.acquire())
			.expectErrorMessage("The Tune the Model connector is closed")
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void permitComesBackWhenItsRequestAndTheWaiterItGoesToAreCancelledTogether() {
		ConnectionPermits permits = new ConnectionPermits(1, Duration.ofSeconds(30));
		// an exchange that never answers: only a cancel ends it
		ClientHttpConnector limited = new PermitLimitedConnector((method, uri, callback) -> Mono.never(), permits);
		for (int i = 0; i < 20_000; i++) {
			Disposable holder = limited.connect(HttpMethod.GET, ANY, (request) -> request.setComplete()).subscribe();
			Disposable waiter = limited.connect(HttpMethod.GET, ANY, (request) -> request.setComplete()).subscribe();
			RaceTestUtils.race(holder::dispose, waiter::dispose);
			assertThat(permits.available()).as("free permits after race %d", i).isOne();
			assertThat(permits.waiting()).isZero();
		}
	}

	@Test
	void jdkClientNeverHasMoreThanMaxConnectionsRequestsInFlight() {
		TuneTheModelConnector connector = jdkConnector(4, Duration.ofSeconds(30), Duration.ofSeconds(30));
		try {
			WebClient client = client(connector);
			StepVerifier
				.create(Flux.range(0, 1000)
					.flatMap((i) -> client.get().uri("/ok").retrieve().bodyToMono(String.class), 1000))
				.expectNextCount(1000)
				.expectComplete()
				.verify(Duration.ofSeconds(60));
			assertThat(this.served).hasValue(1000);
			assertThat(this.mostInFlight).hasValue(4);
			assertThat(permits(connector).available()).isEqualTo(4);
		}
		finally {
			connector.destroy();
		}
	}

	@Test
	void everyPermitComesBackAfterThousandsOfRequestsThatEndInEveryWay() {
		TuneTheModelConnector connector = jdkConnector(8, Duration.ofMillis(300), Duration.ofMillis(200));
		AtomicInteger answered = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger noFreeConnection = new AtomicInteger();
		AtomicInteger cancelled = new AtomicInteger();
		try {
			WebClient client = client(connector);
			Flux<Void> requests = Flux.range(0, 4000).flatMap((i) -> {
				Mono<?> request = switch (ThreadLocalRandom.current().nextInt(6)) {
					case 0 -> client.get().uri("/ok").retrieve().bodyToMono(String.class);
					// the body is never read: WebClient lets it go
					case 1 -> client.get().uri("/ok").exchangeToMono((response) -> Mono.just(response.statusCode()));
					// beyond the read timeout
					case 2 -> client.get().uri("/slow").retrieve().bodyToMono(String.class);
					case 3 -> client.get().uri("/fail").retrieve().bodyToMono(String.class);
					case 4 -> client.get().uri("/drop").retrieve().bodyToMono(String.class);
					// cancelled at any moment: waiting, sending, reading
					default -> client.get()
						.uri((ThreadLocalRandom.current().nextBoolean()) ? "/ok" : "/slow")
						.retrieve()
						.bodyToMono(String.class)
						.doOnCancel(cancelled::incrementAndGet)
						.take(Duration.ofMillis(randomMillis(0, 40)), Schedulers.parallel());
				};
				return request.doOnNext((answer) -> answered.incrementAndGet()).onErrorResume((ex) -> {
					if (ex.getCause() instanceof TimeoutException) {
						noFreeConnection.incrementAndGet();
					}
					failed.incrementAndGet();
					return Mono.empty();
				}).then();
			}, 300);
			StepVerifier.create(requests).expectComplete().verify(Duration.ofSeconds(120));
			ConnectionPermits permits = permits(connector);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(permits.available()).isEqualTo(8);
				assertThat(permits.waiting()).isZero();
			});
			assertThat(answered.get()).isPositive();
			assertThat(failed.get()).isPositive();
			assertThat(noFreeConnection.get()).isPositive();
			assertThat(cancelled.get()).isPositive();
			// cancelled exchanges end quietly, also after their cancel, without an error
			// nobody waits for
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(this.dropped.errors()::isEmpty);
		}
		finally {
			connector.destroy();
		}
	}

	@Test
	void callThatFindsNoFreeConnectionFailsWithATimeoutNamingTheProperties() {
		TuneTheModelConnector connector = jdkConnector(1, Duration.ofMillis(200), Duration.ofSeconds(30));
		try {
			TuneTheModelTemplate template = TuneTheModelTemplate.builder()
				.webClientBuilder(WebClient.builder().clientConnector(connector.getClientHttpConnector()))
				.baseUrl("http://127.0.0.1:" + this.server.port())
				.apiKey("ttm-permits-key-4f1a")
				.build();
			WebClient client = client(connector);
			Disposable busy = client.get().uri("/held").retrieve().bodyToMono(String.class).subscribe();
			await().atMost(Duration.ofSeconds(5)).until(() -> permits(connector).available() == 0);
			StepVerifier.create(template.listModels())
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelTimeoutException.class)
					.hasMessageContaining(
							"No connection was free within 200ms (tunethemodel.pool.pending-acquire-timeout)")
					.hasMessageContaining("(tunethemodel.pool.max-connections)"))
				.verify(Duration.ofSeconds(5));
			busy.dispose();
		}
		finally {
			connector.destroy();
		}
	}

	private Mono<String> answer(Duration delay) {
		// in flight until the answer is about to be sent, or the connection is gone
		return Mono.defer(() -> {
			AtomicBoolean done = new AtomicBoolean();
			Runnable leave = () -> {
				if (done.compareAndSet(false, true)) {
					this.inFlight.decrementAndGet();
				}
			};
			this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			this.served.incrementAndGet();
			return Mono.delay(delay, Schedulers.boundedElastic())
				.doOnNext((tick) -> leave.run())
				.doFinally((signal) -> leave.run())
				.thenReturn("{\"models\": []}");
		});
	}

	private WebClient client(TuneTheModelConnector connector) {
		return WebClient.builder()
			.clientConnector(connector.getClientHttpConnector())
			.baseUrl("http://127.0.0.1:" + this.server.port())
			.build();
	}

	private static TuneTheModelConnector jdkConnector(int maxConnections, Duration pendingAcquireTimeout,
			Duration readTimeout) {
		return ConnectorTransport.JDK.connector(TuneTheModelConnectorSettings.defaults()
			.withMaxConnections(maxConnections)
			.withPendingAcquireTimeout(pendingAcquireTimeout)
			.withReadTimeout(readTimeout));
	}

	private static ConnectionPermits permits(TuneTheModelConnector connector) {
		return ((JdkTransport) connector.transport()).permits();
	}

	private static long randomMillis(int from, int to) {
		return ThreadLocalRandom.current().nextInt(from, to);
	}

}
