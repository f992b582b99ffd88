package dev.tunethemodel.connector;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelConnector}: its pool bounds the connections to the API, and
 * callers wait for a free one.
 */
class TuneTheModelConnectorTests {

	@Test
	void poolOfTwoServesFiftySlowCallsWithTwoSocketsAndNoDeadlock() {
		AtomicInteger open = new AtomicInteger();
		AtomicInteger mostOpen = new AtomicInteger();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			// per socket, not per request
			.doOnChannelInit((observer, channel, remoteAddress) -> {
				mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
				channel.closeFuture().addListener((closed) -> open.decrementAndGet());
			})
			.route((routes) -> routes.get("/v0/models",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(Mono.delay(Duration.ofMillis(100), Schedulers.boundedElastic())
							.thenReturn("{\"models\": []}"))))
			.bindNow();
		TuneTheModelConnector smallPool = new TuneTheModelConnector(TuneTheModelConnectorSettings.defaults()
			.withMaxConnections(2)
			.withPendingAcquireTimeout(Duration.ofSeconds(1))
			// no read timeout on a busy machine: it would replace a connection
			.withReadTimeout(Duration.ofSeconds(30)));
		try {
			TuneTheModelTemplate template = TuneTheModelTemplate.builder()
				.webClientBuilder(WebClient.builder().clientConnector(smallPool.getClientHttpConnector()))
				.baseUrl("http://127.0.0.1:" + server.port())
				.apiKey("ttm-connector-key-31c8")
				.build();
			AtomicInteger succeeded = new AtomicInteger();
			AtomicInteger timedOut = new AtomicInteger();
			StepVerifier
				.create(Flux.range(0, 50)
					.flatMap((i) -> template.listModels()
						.then(Mono.fromRunnable(succeeded::incrementAndGet))
						.onErrorResume(TuneTheModelTimeoutException.class,
								(ex) -> Mono.fromRunnable(timedOut::incrementAndGet)),
							50))
				.expectComplete()
				.verify(Duration.ofSeconds(30));
			assertThat(succeeded.get() + timedOut.get()).isEqualTo(50);
			assertThat(succeeded.get()).isGreaterThanOrEqualTo(2);
			assertThat(mostOpen.get()).isLessThanOrEqualTo(2);
		}
		finally {
			smallPool.destroy();
			server.disposeNow();
		}
	}

}
