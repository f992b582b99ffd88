package dev.tunethemodel.connector;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ClientHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.connector.ConnectionPermits.Permit;

/**
 * A connector that lets a request through only with a permit, held until the response's
 * body is read to its end, or the exchange fails or is cancelled.
 */
final class PermitLimitedConnector implements ClientHttpConnector {

	private final ClientHttpConnector connector;

	private final ConnectionPermits permits;

	/**
	 * Create a connector.
	 * @param connector the connector to limit
	 * @param permits the permits
	 */
	PermitLimitedConnector(ClientHttpConnector connector, ConnectionPermits permits) {
		this.connector = connector;
		this.permits = permits;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return Mono.defer(() -> {
			Exchange exchange = new Exchange();
			return this.permits.acquire()
				.flatMap((permit) -> exchange.start(permit, () -> this.connector.connect(method, uri, requestCallback)))
				// outermost: flatMap may miss a cancel that races the exchange's start
				.doOnCancel(exchange::cancel);
		});
	}

	/**
	 * One exchange: its permit passes to the response once there is one.
	 */
	private static final class Exchange {

		private static final int PENDING = 0;

		private static final int RESPONDED = 1;

		private static final int ENDED = 2;

		private final AtomicInteger state = new AtomicInteger(PENDING);

		private volatile @Nullable Permit permit;

		Mono<ClientHttpResponse> start(Permit permit, Supplier<Mono<ClientHttpResponse>> connect) {
			this.permit = permit;
			if (this.state.get() == ENDED) {
				// cancelled while the permit came: nobody waits for this exchange
				permit.release();
				return Mono.empty();
			}
			return Mono.defer(connect).map((response) -> respond(response, permit)).doFinally((signal) -> end());
		}

		private ClientHttpResponse respond(ClientHttpResponse response, Permit permit) {
			// lost to a cancel, the permit is back already; a second release is a no-op
			this.state.compareAndSet(PENDING, RESPONDED);
			return new PermitReleasingResponse(response, permit);
		}

		// an error, a cancel or an empty end before a response: the permit is ours
		void end() {
			if (this.state.compareAndSet(PENDING, ENDED)) {
				release();
			}
		}

		void cancel() {
			end();
		}

		private void release() {
			Permit held = this.permit;
			if (held != null) {
				held.release();
			}
		}

	}

	/**
	 * A response that gives its permit back when its body ends, however it ends.
	 */
	private static final class PermitReleasingResponse extends ClientHttpResponseDecorator {

		private final Permit permit;

		PermitReleasingResponse(ClientHttpResponse delegate, Permit permit) {
			super(delegate);
			this.permit = permit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return super.getBody().doFinally((signal) -> this.permit.release());
		}

	}

}
