package dev.tunethemodel.client.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request of {@link JdkHttpConnector}: the JDK's {@link HttpRequest}, built as it is
 * committed. The body's buffers are copied as the JDK client asks for them, and released.
 */
final class JdkHttpRequest extends AbstractClientHttpRequest {

	private final HttpMethod method;

	private final URI uri;

	private final HttpRequest.Builder builder;

	JdkHttpRequest(HttpMethod method, URI uri, @Nullable Duration readTimeout) {
		this.method = method;
		this.uri = uri;
		this.builder = HttpRequest.newBuilder(uri);
		if (readTimeout != null) {
			this.builder.timeout(readTimeout);
		}
	}

	@Override
	public HttpMethod getMethod() {
		return this.method;
	}

	@Override
	public URI getURI() {
		return this.uri;
	}

	@Override
	public DataBufferFactory bufferFactory() {
		return DefaultDataBufferFactory.sharedInstance;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T getNativeRequest() {
		return (T) this.builder.build();
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		return doCommit(() -> {
			this.builder.method(this.method.name(), bodyPublisher(body));
			return Mono.empty();
		});
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return writeWith(Flux.from(body).concatMap(Function.identity()));
	}

	@Override
	public Mono<Void> setComplete() {
		return doCommit(() -> {
			this.builder.method(this.method.name(), HttpRequest.BodyPublishers.noBody());
			return Mono.empty();
		});
	}

	@Override
	protected void applyHeaders() {
		for (Map.Entry<String, List<String>> header : getHeaders().headerSet()) {
			// the JDK client sends the body publisher's length itself
			if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
				header.getValue().forEach((value) -> this.builder.header(header.getKey(), value));
			}
		}
	}

	@Override
	protected void applyCookies() {
		if (!getCookies().isEmpty()) {
			this.builder.header(HttpHeaders.COOKIE,
					getCookies().values()
						.stream()
						.flatMap(List::stream)
						.map(HttpCookie::toString)
						.collect(Collectors.joining("; ")));
		}
	}

	private HttpRequest.BodyPublisher bodyPublisher(Publisher<? extends DataBuffer> body) {
		Flow.Publisher<ByteBuffer> buffers = JdkFlowAdapter.publisherToFlowPublisher(
				Flux.from(body).map(JdkHttpRequest::copy).doOnDiscard(DataBuffer.class, DataBufferUtils::release));
		long contentLength = getHeaders().getContentLength();
		return (contentLength > 0) ? HttpRequest.BodyPublishers.fromPublisher(buffers, contentLength)
				: HttpRequest.BodyPublishers.fromPublisher(buffers);
	}

	// the JDK client may hold a buffer after the writer reuses or releases its own
	private static ByteBuffer copy(DataBuffer buffer) {
		try {
			ByteBuffer copy = ByteBuffer.allocate(buffer.readableByteCount());
			buffer.toByteBuffer(copy);
			return copy;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
