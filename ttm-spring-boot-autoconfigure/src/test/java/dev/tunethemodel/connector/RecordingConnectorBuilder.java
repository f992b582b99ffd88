package dev.tunethemodel.connector;

import java.io.Closeable;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ClientHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An application's own {@link ClientHttpConnectorBuilder}, of another kind than Spring
 * Boot's Reactor Netty and JDK ones, as Jetty's or Apache HttpComponents' would be: its
 * closeable connector sends through the JDK's {@code HttpClient} and records the settings
 * it was built with, its requests, the most that were in flight at once, and whether it
 * was closed. Public for the tests of the auto-configuration.
 */
public final class RecordingConnectorBuilder implements ClientHttpConnectorBuilder<ClientHttpConnector> {

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile HttpClientSettings settings;

	@Override
	public ClientHttpConnector build(HttpClientSettings settings) {
		this.settings = settings;
		return new RecordingConnector(ClientHttpConnectorBuilder.jdk().build(settings));
	}

	/**
	 * Return the settings the connector was last built with.
	 * @return the settings, {@code null} before the first build
	 */
	public HttpClientSettings settings() {
		return this.settings;
	}

	/**
	 * Return how many requests the connector sent.
	 * @return the number of requests
	 */
	public int requests() {
		return this.requests.get();
	}

	/**
	 * Return the most requests that were in flight at once, from their sending to the end
	 * of their response's body.
	 * @return the most requests in flight
	 */
	public int mostInFlight() {
		return this.mostInFlight.get();
	}

	/**
	 * Return whether the connector was closed.
	 * @return whether it was closed
	 */
	public boolean isClosed() {
		return this.closed.get();
	}

	private final class RecordingConnector implements ClientHttpConnector, Closeable {

		private final ClientHttpConnector connector;

		RecordingConnector(ClientHttpConnector connector) {
			this.connector = connector;
		}

		@Override
		public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
				Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
			return Mono.defer(() -> {
				RecordingConnectorBuilder.this.requests.incrementAndGet();
				RecordingConnectorBuilder.this.mostInFlight
					.accumulateAndGet(RecordingConnectorBuilder.this.inFlight.incrementAndGet(), Math::max);
				AtomicBoolean ended = new AtomicBoolean();
				// before the signal goes on, and so before the connector's permit is
				// released
				Runnable end = () -> {
					if (ended.compareAndSet(false, true)) {
						RecordingConnectorBuilder.this.inFlight.decrementAndGet();
					}
				};
				return this.connector.connect(method, uri, requestCallback)
					.doOnError((ex) -> end.run())
					.doOnCancel(end)
					.<ClientHttpResponse>map((response) -> new ClientHttpResponseDecorator(response) {

						@Override
						public Flux<DataBuffer> getBody() {
							return super.getBody().doOnTerminate(end).doOnCancel(end);
						}

					});
			});
		}

		@Override
		public void close() {
			RecordingConnectorBuilder.this.closed.set(true);
		}

	}

}
