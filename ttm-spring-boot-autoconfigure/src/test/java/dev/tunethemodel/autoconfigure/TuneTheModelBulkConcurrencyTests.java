package dev.tunethemodel.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import dev.tunethemodel.client.TuneTheModelOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@code tunethemodel.bulk.max-concurrency}, against a server that counts the
 * calls it has at once.
 */
class TuneTheModelBulkConcurrencyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger mostActive = new AtomicInteger();

	private volatile Duration answerDelay = Duration.ofMillis(100);

	private DisposableServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/v0/models/{model}/classify", (request, response) -> {
				this.mostActive.accumulateAndGet(this.active.incrementAndGet(), Math::max);
				// counted down before the answer is sent, or the client could count a new
				// call first
				return response.header("Content-Type", "application/json")
					.sendString(Mono.delay(this.answerDelay)
						.doOnTerminate(this.active::decrementAndGet)
						.doOnCancel(this.active::decrementAndGet)
						.thenReturn("{\"answer\": {\"scores\": [0.4, 0.6]}}"));
			}))
			.bindNow();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class))
			.withPropertyValues("tunethemodel.api-key=bulk-key",
					"tunethemodel.base-url=http://127.0.0.1:" + this.server.port());
	}

	@AfterEach
	void stopServer() {
		this.server.disposeNow();
	}

	@Test
	void bulkCallsGrowToTheConfiguredConcurrency() {
		this.contextRunner.withPropertyValues("tunethemodel.bulk.max-concurrency=6")
			.run((context) -> assertThat(classifyAll(context.getBean(TuneTheModelOperations.class), 120))
				.isEqualTo(120));
		assertThat(this.mostActive.get()).isEqualTo(6);
	}

	@Test
	void bulkCallsNeverWaitForAConnection() {
		this.answerDelay = Duration.ofMillis(600);
		// a call that waited for one of the 3 busy connections would wait most of an
		// answer and fail, with no repeats; a connection released late under load does
		// not
		this.contextRunner
			.withPropertyValues("tunethemodel.pool.max-connections=3",
					"tunethemodel.pool.pending-acquire-timeout=400ms", "tunethemodel.retry.max-retries=0")
			.run((context) -> assertThat(classifyAll(context.getBean(TuneTheModelOperations.class), 15)).isEqualTo(15));
		assertThat(this.mostActive.get()).isEqualTo(3);
	}

	@Test
	void maxBufferedResultsReachesTheClient() {
		this.contextRunner.withPropertyValues("tunethemodel.bulk.max-buffered-results=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("maximum number of buffered results of a bulk call must be more than zero"));
	}

	private static long classifyAll(TuneTheModelOperations operations, int count) {
		return operations.classifyAll("m-1", Flux.range(0, count).map((i) -> "text " + i)).count().block(TIMEOUT);
	}

}
