package dev.tunethemodel.client.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;

/**
 * A {@link ClientHttpConnector} on the JDK's {@link HttpClient} whose exchanges end with
 * their caller: a response body that is cancelled, fails, stays silent longer than the
 * read timeout or is dropped unread closes its connection at once, freeing what the
 * client buffered of it, and a request cancelled before its response aborts its exchange.
 * Spring's {@code JdkClientHttpConnector} caches the body, so that a body read in part
 * keeps its connection and buffers until the server ends it. A cancelled exchange ends
 * without an error, which nobody would wait for.
 * <p>
 * The JDK client logs request headers, the API key among them, when the system property
 * {@value #LOG_PROPERTY} asks for {@code headers} or {@code all}: this connector refuses
 * to be created then.
 *
 * @since 0.1.0
 */
public final class JdkHttpConnector implements ClientHttpConnector {

	/**
	 * The system property that makes the JDK client log what it sends.
	 */
	public static final String LOG_PROPERTY = "jdk.httpclient.HttpClient.log";

	private final HttpClient httpClient;

	private final @Nullable Duration readTimeout;

	/**
	 * Create a connector.
	 * @param httpClient the client that sends the requests
	 * @param readTimeout the longest wait for a response's headers, then for each part of
	 * its body, {@code null} for none
	 * @throws TuneTheModelConfigurationException if the JDK client logs request headers
	 */
	public JdkHttpConnector(HttpClient httpClient, @Nullable Duration readTimeout) {
		requireHeadersNotLogged();
		Assert.notNull(httpClient, "The HTTP client must not be null");
		this.httpClient = httpClient;
		this.readTimeout = readTimeout;
	}

	/**
	 * Fail when the JDK's {@code HttpClient} logs request headers, as
	 * {@code -Djdk.httpclient.HttpClient.log=headers} (or {@code all}) makes it do: it
	 * would write the API key to the application's log.
	 * @throws TuneTheModelConfigurationException if it does
	 */
	public static void requireHeadersNotLogged() {
		String logged = System.getProperty(LOG_PROPERTY);
		if (logged == null) {
			return;
		}
		for (String what : logged.split(",")) {
			String kind = what.strip().toLowerCase(Locale.ROOT);
			if (kind.equals("headers") || kind.equals("all")) {
				throw new TuneTheModelConfigurationException(Problem.LOGGED_HEADERS, "The JDK's HttpClient logs "
						+ "request headers (" + LOG_PROPERTY + "=" + logged + "), the API key among them");
			}
		}
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return Mono.defer(() -> {
			JdkHttpRequest request = new JdkHttpRequest(method, uri, this.readTimeout);
			return requestCallback.apply(request).then(Mono.defer(() -> send(request.getNativeRequest())));
		});
	}

	private Mono<ClientHttpResponse> send(HttpRequest request) {
		return Mono
			.<ClientHttpResponse>create(
					(sink) -> new Exchange(sink, this.readTimeout, this.httpClient.connectTimeout().orElse(null))
						.start(this.httpClient, request))
			// a response that arrives as its exchange is cancelled
			.doOnDiscard(JdkHttpResponse.class, JdkHttpResponse::abort);
	}

	/**
	 * One exchange, from the request to its response's headers.
	 */
	private static final class Exchange {

		private final MonoSink<ClientHttpResponse> sink;

		private final @Nullable Duration readTimeout;

		private final @Nullable Duration connectTimeout;

		private volatile boolean cancelled;

		Exchange(MonoSink<ClientHttpResponse> sink, @Nullable Duration readTimeout, @Nullable Duration connectTimeout) {
			this.sink = sink;
			this.readTimeout = readTimeout;
			this.connectTimeout = connectTimeout;
		}

		void start(HttpClient httpClient, HttpRequest request) {
			CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> response = httpClient.sendAsync(request,
					HttpResponse.BodyHandlers.ofPublisher());
			this.sink.onCancel(() -> {
				this.cancelled = true;
				response.cancel(true);
			});
			response.whenComplete(this::ended);
		}

		private void ended(@Nullable HttpResponse<Flow.Publisher<List<ByteBuffer>>> response,
				@Nullable Throwable failure) {
			if (response != null) {
				JdkHttpResponse adapted = new JdkHttpResponse(response, this.readTimeout);
				if (this.cancelled) {
					adapted.abort();
				}
				else {
					this.sink.success(adapted);
				}
			}
			else if (failure != null && !this.cancelled) {
				this.sink
					.error(withConnectTimeout((failure instanceof CompletionException && failure.getCause() != null)
							? failure.getCause() : failure));
			}
		}

		// the JDK's message does not say how long it waited, as Netty's does
		private Throwable withConnectTimeout(Throwable failure) {
			if (failure instanceof HttpConnectTimeoutException && this.connectTimeout != null) {
				HttpConnectTimeoutException timedOut = new HttpConnectTimeoutException(
						"HTTP connect timed out after " + this.connectTimeout.toMillis() + " ms");
				timedOut.initCause(failure);
				return timedOut;
			}
			return failure;
		}

	}

}
