package dev.tunethemodel.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.tunethemodel.client.observation.TuneTheModelObservationContext;

/**
 * How calls reach the API: the web clients and the JSON mapper, built on the first call
 * so that they cost nothing at startup; each call's attempts, retried as the retry
 * settings say and ended by the timeout; the exchange of one attempt; the entries of a
 * list, passed on as they are read; and the {@code PUT} of an upload. Calls fail with the
 * client's exceptions only. A view of the client, made with options, shares its
 * {@link Wire} and changes the key, headers, timeout and retries of its calls.
 */
final class Transport {

	/**
	 * The {@code User-Agent} of every request.
	 */
	static final String USER_AGENT = "ttm-spring-boot-starter/" + ClientVersion.get();

	private static final String UPLOAD_REQUEST = "PUT <upload URL>";

	private final SingletonSupplier<Wire> wire;

	private final Routes routes;

	private final ApiErrors errors;

	private final Retries retries;

	private final Duration timeout;

	private final Observations observations;

	// the key and headers of a view's API requests, prepared once; null for the client's
	private final @Nullable Consumer<HttpHeaders> requestHeaders;

	// what a view is made from: the client's own transport
	private final @Nullable Transport client;

	/**
	 * Create the transport of a client.
	 * @param webClientBuilder supplies the builder to copy, asked for on the first call
	 * @param settings the client's settings
	 * @param observations observes the calls
	 */
	Transport(Supplier<WebClient.Builder> webClientBuilder, ClientSettings settings, Observations observations) {
		this.errors = new ApiErrors(settings.apiKey(), URI.create(settings.baseUrl()), Clock.systemUTC());
		this.wire = SingletonSupplier
			.of(() -> new Wire(webClientBuilder.get(), settings.apiKey(), settings.maxListEntries(), this.errors));
		this.routes = new Routes(settings.baseUrl());
		this.retries = new Retries(settings.retrySettings());
		this.timeout = settings.timeout();
		this.observations = observations;
		this.requestHeaders = null;
		this.client = null;
	}

	private Transport(Transport transport, SingletonSupplier<Wire> wire, ApiErrors errors, RetrySettings retrySettings,
			Duration timeout, @Nullable Consumer<HttpHeaders> requestHeaders) {
		this.wire = wire;
		this.routes = transport.routes;
		this.errors = errors;
		this.retries = new Retries(retrySettings);
		this.timeout = timeout;
		this.observations = transport.observations;
		this.requestHeaders = requestHeaders;
		this.client = (transport.client != null) ? transport.client : transport;
	}

	/**
	 * Return a transport that retries failed requests as the given settings say, over the
	 * same web clients and connections, with the same key, headers and timeout.
	 * @param retrySettings the retry settings
	 * @return the transport
	 */
	Transport withRetrySettings(RetrySettings retrySettings) {
		return new Transport(this, this.wire, this.errors, retrySettings, this.timeout, this.requestHeaders);
	}

	/**
	 * Return the transport of a view of the client, over the same web clients,
	 * connections, mapper and observations: its API requests carry the options' key and
	 * headers, its uploads neither, and its errors hide both keys.
	 * @param settings the view's settings: the client's, with the options' timeout and
	 * retry settings
	 * @param options the view's options, merged
	 * @return the transport
	 */
	Transport withOptions(ClientSettings settings, RequestOptions options) {
		Transport client = (this.client != null) ? this.client : this;
		String apiKey = options.apiKey();
		ApiErrors errors = (apiKey != null) ? client.errors.redactingApiKey(apiKey) : client.errors;
		SingletonSupplier<Wire> wire = (apiKey != null)
				? SingletonSupplier.of(() -> client.wire.obtain().withErrors(errors)) : client.wire;
		HttpHeaders headers = options.requestHeaders();
		return new Transport(client, wire, errors, settings.retrySettings(), settings.timeout(),
				(headers != null) ? (request) -> request.putAll(headers) : null);
	}

	/**
	 * Return what observes the calls.
	 * @return the observations
	 */
	Observations observations() {
		return this.observations;
	}

	/**
	 * Return the mapper that writes and reads the API's JSON.
	 * @return the mapper
	 */
	JsonMapper jsonMapper() {
		return this.wire.obtain().jsonMapper;
	}

	/**
	 * Return a call of an endpoint without an id.
	 * @param <T> the type of the response
	 * @param endpoint the endpoint
	 * @param body the request body, {@code null} for none
	 * @param decoder chooses the decoder of the response
	 * @return the call
	 */
	<T> Mono<T> call(Endpoint endpoint, @Nullable Object body, Function<ResponseDecoders, ResponseDecoder<T>> decoder) {
		return call(endpoint, body, decoder, null);
	}

	/**
	 * Return a call of an endpoint.
	 * @param <T> the type of the response
	 * @param endpoint the endpoint
	 * @param body the request body, {@code null} for none
	 * @param decoder chooses the decoder of the response
	 * @param id the id in the endpoint's URI, checked to need no encoding; {@code null}
	 * for an endpoint without one
	 * @return the call
	 */
	<T> Mono<T> call(Endpoint endpoint, @Nullable Object body, Function<ResponseDecoders, ResponseDecoder<T>> decoder,
			@Nullable String id) {
		ScheduledCall<T> call = scheduledCall(endpoint, body, decoder, id);
		return this.observations.operation(() -> endpoint.observationContext(id),
				(observed) -> withPolicies(this.errors, call::description, endpoint.safeToRetry(), call::attempt,
						observed));
	}

	/**
	 * Return a call of an endpoint whose attempts the caller makes and retries itself.
	 * @param <T> the type of the response
	 * @param endpoint the endpoint
	 * @param body the request body, {@code null} for none
	 * @param decoder chooses the decoder of the response
	 * @param id the id in the endpoint's URI, checked to need no encoding; {@code null}
	 * for an endpoint without one
	 * @return the call
	 */
	<T> ScheduledCall<T> scheduledCall(Endpoint endpoint, @Nullable Object body,
			Function<ResponseDecoders, ResponseDecoder<T>> decoder, @Nullable String id) {
		Wire wire = this.wire.obtain();
		byte[] json = (body != null) ? wire.writer.writeValueAsBytes(body) : null;
		// described only when something goes wrong
		Supplier<String> request = () -> (id != null) ? endpoint + " [" + id + "]" : endpoint.toString();
		ResponseDecoder<T> responseDecoder = decoder.apply(wire.decoders);
		return new ScheduledCall<>(() -> exchange(wire, endpoint, json, id, responseDecoder, request), request,
				endpoint.safeToRetry(), this.retries, this.errors, this.timeout);
	}

	/**
	 * Return a call of an endpoint that lists entries. The entries are passed on as they
	 * are read, as many as asked for; a failed attempt is retried only before the first
	 * entry. The timeout bounds the time spent waiting for entries asked for, not the
	 * time the subscriber takes to ask for more.
	 * @param <T> the type of an entry
	 * @param endpoint the endpoint, without an id
	 * @param decoder chooses the decoder of the response
	 * @return the call
	 */
	<T> Flux<T> list(Endpoint endpoint, Function<ResponseDecoders, ListDecoder<T>> decoder) {
		return this.observations.operationMany(() -> endpoint.observationContext(null), (observed) -> Flux.defer(() -> {
			Wire wire = this.wire.obtain();
			Supplier<String> request = endpoint::toString;
			ListDecoder<T> listDecoder = decoder.apply(wire.decoders);
			Attempts attempts = new Attempts(System.nanoTime() + this.timeout.toNanos(), observed);
			Flux<T> entries = attemptList(attempts, () -> requestSpec(wire, endpoint, null, null)
				.exchangeToFlux((response) -> response.statusCode().is2xxSuccessful()
						? listDecoder.decode(response, request) : wire.decoders.<T>errorResponse(response).flux()))
				.onErrorMap((ex) -> this.errors.callFailure(request.get(), ex, attempts.count));
			return WaitingTimeout.apply(entries, this.timeout,
					() -> this.errors.timeout(request.get(), this.timeout, attempts.count));
		}));
	}

	/**
	 * Return the {@code PUT} of a spooled dataset to an upload URL, without the API key:
	 * the URL is pre-signed, usually for another host. Each attempt sends the whole body
	 * again.
	 * @param uploadUrl the upload URL
	 * @param spool the finished spool
	 * @param observed counts the attempts, {@code null} when the upload is not observed
	 * @return completes when the dataset is stored
	 */
	Mono<Void> upload(URI uploadUrl, DatasetSpool spool, @Nullable TuneTheModelObservationContext observed) {
		return Mono.defer(() -> {
			ApiErrors errors = this.errors.redacting(uploadUrl);
			return withPolicies(errors, () -> UPLOAD_REQUEST, true,
					() -> put(this.wire.obtain(), uploadUrl, spool, errors), observed);
		});
	}

	/**
	 * Apply the retry settings and the timeout to a call.
	 * @param <T> the type of the response
	 * @param errors turns the call's failures into the client's exceptions
	 * @param request describes the request, for messages
	 * @param safeToRetry whether the request may be retried after it may have reached the
	 * API
	 * @param attempt makes one attempt
	 * @param observed counts the attempts, {@code null} when the call is not observed
	 * @return the call, retried as the retry settings say, ended by the timeout, failing
	 * with the client's exceptions only
	 */
	private <T> Mono<T> withPolicies(ApiErrors errors, Supplier<String> request, boolean safeToRetry,
			Supplier<Mono<T>> attempt, @Nullable TuneTheModelObservationContext observed) {
		return Mono.defer(() -> {
			Attempts attempts = new Attempts(System.nanoTime() + this.timeout.toNanos(), observed);
			return attempt(attempts, safeToRetry, attempt)
				.onErrorMap((ex) -> errors.callFailure(request.get(), ex, attempts.count))
				.timeout(this.timeout, Mono.error(() -> errors.timeout(request.get(), this.timeout, attempts.count)));
		});
	}

	// a retry only when an attempt fails: nothing is built for calls that succeed
	private <T> Mono<T> attempt(Attempts attempts, boolean safeToRetry, Supplier<Mono<T>> attempt) {
		attempts.started();
		return attempt.get().onErrorResume((ex) -> {
			Duration delay = this.retries.delay(ex, safeToRetry, attempts.count, attempts.deadline - System.nanoTime());
			return (delay != null) ? Mono.delay(delay).then(Mono.defer(() -> attempt(attempts, safeToRetry, attempt)))
					: Mono.error(ex);
		});
	}

	// entries passed on cannot be taken back: a retry only before the first one
	private <T> Flux<T> attemptList(Attempts attempts, Supplier<Flux<T>> attempt) {
		attempts.started();
		AtomicBoolean passedOn = new AtomicBoolean();
		return attempt.get().doOnNext((entry) -> passedOn.set(true)).onErrorResume((ex) -> {
			Duration delay = passedOn.get() ? null
					: this.retries.delay(ex, true, attempts.count, attempts.deadline - System.nanoTime());
			return (delay != null) ? Mono.delay(delay).thenMany(Flux.defer(() -> attemptList(attempts, attempt)))
					: Flux.error(ex);
		});
	}

	private <T> Mono<T> exchange(Wire wire, Endpoint endpoint, byte @Nullable [] json, @Nullable String id,
			ResponseDecoder<T> decoder, Supplier<String> request) {
		return requestSpec(wire, endpoint, json, id)
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? decoder.decode(response, request)
					: wire.decoders.errorResponse(response));
	}

	private WebClient.RequestBodySpec requestSpec(Wire wire, Endpoint endpoint, byte @Nullable [] json,
			@Nullable String id) {
		Routes.Route route = this.routes.get(endpoint);
		WebClient.RequestBodySpec spec = wire.apiClient.method(endpoint.method())
			.uri(route.uri(id))
			.attribute(Routes.URI_TEMPLATE_ATTRIBUTE, route.uriTemplate());
		if (this.requestHeaders != null) {
			// request headers replace the client's default ones of the same name
			spec.headers(this.requestHeaders);
		}
		if (json != null) {
			spec.contentType(MediaType.APPLICATION_JSON)
				.contentLength(json.length)
				.body((message, context) -> message
					.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(json))));
		}
		return spec;
	}

	private Mono<Void> put(Wire wire, URI uploadUrl, DatasetSpool spool, ApiErrors errors) {
		BodyInserter<Flux<DataBuffer>, ClientHttpRequest> content = (request, context) -> request
			.writeWith(spool.content(request.bufferFactory()));
		return wire.uploadClient.put()
			.uri(uploadUrl)
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(spool.contentLength())
			.body(content)
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? response.releaseBody()
					: wire.decoders.errorResponse(response, errors));
	}

	/**
	 * The attempts of one call.
	 */
	private static final class Attempts {

		private final long deadline;

		private final @Nullable TuneTheModelObservationContext observed;

		// written and read by one attempt at a time
		private volatile int count;

		Attempts(long deadline, @Nullable TuneTheModelObservationContext observed) {
			this.deadline = deadline;
			this.observed = observed;
		}

		void started() {
			this.count++;
			if (this.observed != null) {
				this.observed.setAttempts(this.count);
			}
		}

	}

}
