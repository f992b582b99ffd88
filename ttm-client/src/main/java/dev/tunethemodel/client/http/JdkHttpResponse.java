package dev.tunethemodel.client.http;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.AbstractClientHttpResponse;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

/**
 * A response of {@link JdkHttpConnector}, whose body is read straight from the JDK
 * client: cancelling it cancels the JDK's subscription, which closes the connection.
 * Cookies are not read: the API sets none.
 */
final class JdkHttpResponse extends AbstractClientHttpResponse {

	// the JDK client reads up to 16 KiB at a time: a response holds a few of them at most
	private static final int PREFETCH = 4;

	private final Body body;

	/**
	 * Adapt a response.
	 * @param response the JDK client's response
	 * @param readTimeout the longest silence while the body is read, {@code null} for
	 * none
	 */
	JdkHttpResponse(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, @Nullable Duration readTimeout) {
		this(response, new Body(response.body()), readTimeout);
	}

	private JdkHttpResponse(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, Body body,
			@Nullable Duration readTimeout) {
		super(HttpStatusCode.valueOf(response.statusCode()), headers(response), new LinkedMultiValueMap<>(),
				read(body, readTimeout));
		this.body = body;
	}

	private static Flux<DataBuffer> read(Body body, @Nullable Duration readTimeout) {
		Flux<DataBuffer> buffers = JdkFlowAdapter.flowPublisherToFlux(body)
			.flatMapIterable(Function.identity(), PREFETCH)
			.<DataBuffer>map(DefaultDataBufferFactory.sharedInstance::wrap)
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		// the JDK client bounds the wait for the headers only; the timeout cancels the
		// body
		return (readTimeout != null)
				? buffers.timeout(readTimeout, Flux.error(() -> new HttpTimeoutException(
						"No part of the response's body within the read timeout of " + readTimeout.toMillis() + "ms")))
				: buffers;
	}

	/**
	 * Close the connection of a body that nobody reads; a body being read is cancelled by
	 * its reader instead.
	 */
	void abort() {
		this.body.abort();
	}

	private static HttpHeaders headers(HttpResponse<?> response) {
		Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>(Locale.ROOT);
		headers.putAll(response.headers().map());
		return HttpHeaders.readOnlyHttpHeaders(MultiValueMap.fromMultiValue(headers));
	}

	/**
	 * The body as the JDK client publishes it, subscribed to once: by its reader, or by
	 * an abort that cancels it at once.
	 */
	private static final class Body implements Flow.Publisher<List<ByteBuffer>> {

		private final Flow.Publisher<List<ByteBuffer>> publisher;

		private final AtomicBoolean subscribed = new AtomicBoolean();

		Body(Flow.Publisher<List<ByteBuffer>> publisher) {
			this.publisher = publisher;
		}

		@Override
		public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
			if (this.subscribed.compareAndSet(false, true)) {
				this.publisher.subscribe(subscriber);
			}
			else {
				subscriber.onSubscribe(Cancelling.NO_SUBSCRIPTION);
				subscriber.onError(new IllegalStateException("The response body was aborted"));
			}
		}

		void abort() {
			if (this.subscribed.compareAndSet(false, true)) {
				this.publisher.subscribe(new Cancelling());
			}
		}

	}

	/**
	 * Cancels the body as soon as it is subscribed to.
	 */
	private static final class Cancelling implements Flow.Subscriber<List<ByteBuffer>> {

		static final Flow.Subscription NO_SUBSCRIPTION = new Flow.Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
			}

		};

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.cancel();
		}

		@Override
		public void onNext(List<ByteBuffer> item) {
		}

		@Override
		public void onError(Throwable throwable) {
		}

		@Override
		public void onComplete() {
		}

	}

}
