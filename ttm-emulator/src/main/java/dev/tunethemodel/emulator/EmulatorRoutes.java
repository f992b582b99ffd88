package dev.tunethemodel.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP face of the emulator: the v0 API, the pre-signed upload URLs, and the fault
 * switch; any other request, and every refusal, responded to with a plain-text reason.
 */
final class EmulatorRoutes {

	private final EmulatorApi api;

	private final Faults faults;

	private final byte[] apiKey;

	private final DatasetUploads uploads;

	private final RequestJournal journal;

	EmulatorRoutes(EmulatorApi api, Faults faults, RequestJournal journal, String apiKey, long maxUploadSize) {
		this.api = api;
		this.faults = faults;
		this.journal = journal;
		this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
		this.uploads = new DatasetUploads(api, maxUploadSize);
	}

	RouterFunction<ServerResponse> routes() {
		RouterFunction<ServerResponse> authenticated = RouterFunctions.route()
			.GET("/v0/models", (request) -> respond(this.api::listModels))
			.GET("/v0/public-models", (request) -> respond(this.api::listPublicModels))
			.POST("/v0/models", (request) -> withBody(request, this.api::createModel))
			.GET("/v0/models/{model}/status", (request) -> respond(() -> this.api.getModel(model(request))))
			.DELETE("/v0/models/{model}/delete", (request) -> respond(() -> this.api.deleteModel(model(request))))
			.POST("/v0/models/{model}/bind",
					(request) -> withBody(request, (body) -> this.api.bind(model(request), body)))
			.POST("/v0/models/{model}/fit", (request) -> respond(() -> this.api.fit(model(request))))
			.POST("/v0/models/{model}/classify",
					(request) -> withBody(request, (body) -> this.api.classify(model(request), body)))
			.POST("/v0/models/{model}/generate",
					(request) -> withBody(request, (body) -> this.api.generate(model(request), body)))
			.POST("/v0/files", (request) -> withBody(request, this.api::createFile))
			.GET("/v0/files", (request) -> respond(this.api::listFiles))
			.GET("/v0/files/{file}/status", (request) -> respond(() -> this.api.getFile(file(request))))
			.DELETE("/v0/files/{file}/delete", (request) -> respond(() -> this.api.deleteFile(file(request))))
			.POST("/__emulator/faults", (request) -> withBody(request, this::injectFault))
			.DELETE("/__emulator/faults", (request) -> respond(() -> {
				this.faults.clear();
				return Map.of("faults", 0);
			}))
			.filter(authenticated())
			.filter(recorded())
			.build();
		RouterFunction<ServerResponse> uploads = RouterFunctions.route()
			.PUT("/upload/{file}", this.uploads::upload)
			.build();
		RouterFunction<ServerResponse> known = authenticated.filter(faulty(this::recordedFaultResponse))
			.and(uploads.filter(faulty((request, fault) -> faultResponse(fault))));
		return known.and(RouterFunctions.route(RequestPredicates.all(), new UnmatchedRequests(known)::respond))
			.filter(reasons());
	}

	private Map<String, Object> injectFault(JsonNode body) {
		Long sent = JsonFields.wholeNumber(body, "status", Long.MIN_VALUE, Long.MAX_VALUE);
		long status = (sent != null) ? sent : 0;
		if (status != 0 && (status < EmulatorLimits.MIN_FAULT_STATUS || status > EmulatorLimits.MAX_FAULT_STATUS)) {
			throw EmulatorException.badRequest("status must be 0 or between " + EmulatorLimits.MIN_FAULT_STATUS
					+ " and " + EmulatorLimits.MAX_FAULT_STATUS + ", but is " + status);
		}
		Integer count = JsonFields.wholeInt(body, "count", 1, Integer.MAX_VALUE);
		Long retryAfter = JsonFields.wholeNumber(body, "retry_after", 0, EmulatorLimits.MAX_RETRY_AFTER.toSeconds());
		Long delay = JsonFields.wholeNumber(body, "delay_ms", 0, EmulatorLimits.MAX_FAULT_DELAY.toMillis());
		Fault fault = new Fault(Objects.requireNonNullElse(count, 1), (int) status,
				(retryAfter != null) ? Duration.ofSeconds(retryAfter) : null,
				Duration.ofMillis(Objects.requireNonNullElse(delay, 0L)));
		this.faults.add(fault);
		return Map.of("fault", Map.of("count", fault.count(), "status", fault.status()));
	}

	// refused unread: listed without the body, which the server discards
	private HandlerFilterFunction<ServerResponse, ServerResponse> authenticated() {
		return (request, next) -> {
			String key = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
			if (key == null || !MessageDigest.isEqual(this.apiKey, key.getBytes(StandardCharsets.UTF_8))) {
				record(request, null);
				return plain(HttpStatus.UNAUTHORIZED.value(), "Invalid API key");
			}
			return next.handle(request);
		};
	}

	// the body is read once, recorded and handed on
	private HandlerFilterFunction<ServerResponse, ServerResponse> recorded() {
		return (request, next) -> {
			if (isFaultSwitch(request)) {
				return next.handle(request);
			}
			return body(request).flatMap((body) -> {
				record(request, body.orElse(null));
				return next.handle(body.isPresent() ? ServerRequest.from(request).body(body.get()).build() : request);
			});
		};
	}

	// a request answered by a fault is listed too, with its body, as the API received it
	private Mono<ServerResponse> recordedFaultResponse(ServerRequest request, Fault fault) {
		return body(request).flatMap((body) -> {
			record(request, body.orElse(null));
			return faultResponse(fault);
		});
	}

	private static Mono<Optional<String>> body(ServerRequest request) {
		return request.bodyToMono(String.class)
			.onErrorMap(DataBufferLimitException.class, (ex) -> bodyTooLarge())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	private void record(ServerRequest request, @Nullable String body) {
		if (!isFaultSwitch(request)) {
			this.journal.record(new EmulatorRequest(request.method().name(), request.path(), body));
		}
	}

	private static boolean isFaultSwitch(ServerRequest request) {
		return request.path().startsWith("/__emulator");
	}

	private HandlerFilterFunction<ServerResponse, ServerResponse> faulty(
			BiFunction<ServerRequest, Fault, Mono<ServerResponse>> faultResponse) {
		return (request, next) -> {
			if (isFaultSwitch(request)) {
				return next.handle(request);
			}
			Fault fault = this.faults.next();
			if (fault == null) {
				return next.handle(request);
			}
			Mono<ServerResponse> response = (fault.status() == 0) ? next.handle(request)
					: faultResponse.apply(request, fault);
			return fault.delay().isZero() ? response
					: Mono.delay(fault.delay()).publishOn(DatasetUploads.eventLoopOf(request)).then(response);
		};
	}

	private static HandlerFilterFunction<ServerResponse, ServerResponse> reasons() {
		return (request, next) -> Mono.defer(() -> next.handle(request)).onErrorResume(EmulatorRoutes::reason);
	}

	// a refusal, thrown or signalled, says why; anything else is a bug, and says so
	private static Mono<ServerResponse> reason(Throwable ex) {
		return (ex instanceof EmulatorException refusal) ? plain(refusal.status(), refusal.reason())
				: plain(HttpStatus.INTERNAL_SERVER_ERROR.value(), "The emulator failed: " + ex);
	}

	private static Mono<ServerResponse> faultResponse(Fault fault) {
		ServerResponse.BodyBuilder response = ServerResponse.status(fault.status()).contentType(MediaType.TEXT_PLAIN);
		if (fault.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfter().toSeconds()));
		}
		return response.bodyValue("Injected fault: " + fault.status());
	}

	private Mono<ServerResponse> withBody(ServerRequest request, Function<JsonNode, Map<String, Object>> operation) {
		return request.bodyToMono(JsonNode.class)
			.onErrorMap(DataBufferLimitException.class, (ex) -> bodyTooLarge())
			// the codecs tell a body that is not JSON in several ways
			.onErrorMap((ex) -> !(ex instanceof EmulatorException),
					(ex) -> EmulatorException.badRequest("The body is not valid JSON"))
			.filter(JsonNode::isObject)
			.switchIfEmpty(Mono.error(() -> EmulatorException.badRequest("The body must be a JSON object")))
			.flatMap((body) -> respond(() -> operation.apply(body)));
	}

	private static EmulatorException bodyTooLarge() {
		return new EmulatorException(HttpStatus.CONTENT_TOO_LARGE.value(),
				"The body is larger than " + EmulatorLimits.MAX_JSON_BODY_BYTES / 1024 + " KiB");
	}

	private static Mono<ServerResponse> respond(Operation operation) {
		Map<String, Object> json = operation.run();
		return (json != null) ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json)
				: ServerResponse.ok().build();
	}

	private static Mono<ServerResponse> plain(int status, String reason) {
		return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).bodyValue(reason);
	}

	private static String model(ServerRequest request) {
		return request.pathVariable("model");
	}

	private static String file(ServerRequest request) {
		return request.pathVariable("file");
	}

	@FunctionalInterface
	private interface Operation {

		@Nullable Map<String, Object> run();

	}

}
