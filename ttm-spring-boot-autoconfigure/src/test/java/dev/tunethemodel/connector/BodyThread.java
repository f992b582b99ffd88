package dev.tunethemodel.connector;

import java.time.Duration;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Finds the thread on which a connector ends a response's body: a local server sends the
 * end of the body a while after the client has read its start, so that the end comes from
 * the HTTP client's own threads, not from the thread that read the response's headers.
 * Public for the tests of the auto-configuration.
 */
public final class BodyThread {

	private BodyThread() {
	}

	/**
	 * Return the thread on which the given connector ends a response's body.
	 * @param connector the connector
	 * @return the thread
	 */
	public static Thread of(ClientHttpConnector connector) {
		Sinks.Empty<Void> read = Sinks.empty();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/body",
					(request, response) -> response.header("Content-Type", "text/plain")
						.sendString(Flux.concat(Mono.just("start,"),
								read.asMono().then(Mono.delay(Duration.ofMillis(100))).then(Mono.just("end"))))))
			.bindNow();
		try {
			return WebClient.builder()
				.clientConnector(connector)
				.build()
				.get()
				.uri("http://127.0.0.1:" + server.port() + "/body")
				.exchangeToMono((response) -> response.bodyToFlux(DataBuffer.class)
					.doOnNext((buffer) -> read.tryEmitEmpty())
					.doOnNext(DataBufferUtils::release)
					.then(Mono.fromCallable(Thread::currentThread)))
				.block(Duration.ofSeconds(10));
		}
		finally {
			server.disposeNow();
		}
	}

}
