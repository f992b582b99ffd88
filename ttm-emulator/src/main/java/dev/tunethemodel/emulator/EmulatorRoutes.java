package dev.tunethemodel.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP face of the emulator: the v0 API, the pre-signed upload URLs, and the fault
 * switch.
 */
final class EmulatorRoutes {

	private static final int MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

	private final EmulatorApi api;

	private final Faults faults;

	private final byte[] apiKey;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	EmulatorRoutes(EmulatorApi api, Faults faults, String apiKey) {
		this.api = api;
		this.faults = faults;
		this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
	}

	RouterFunction<ServerResponse> routes() {
		RouterFunction<ServerResponse> authenticated = RouterFunctions.route()
			.GET("/v0/models", (request) -> answer(this.api::listModels))
			.GET("/v0/public-models", (request) -> answer(this.api::listPublicModels))
			.POST("/v0/models", (request) -> withBody(request, this.api::createModel))
			.GET("/v0/models/{model}/status", (request) -> answer(() -> this.api.getModel(model(request))))
			.DELETE("/v0/models/{model}/delete", (request) -> answer(() -> this.api.deleteModel(model(request))))
			.POST("/v0/models/{model}/bind",
					(request) -> withBody(request, (body) -> this.api.bind(model(request), body)))
			.POST("/v0/models/{model}/fit", (request) -> answer(() -> this.api.fit(model(request))))
			.POST("/v0/models/{model}/classify",
					(request) -> withBody(request, (body) -> this.api.classify(model(request), body)))
			.POST("/v0/models/{model}/generate",
					(request) -> withBody(request, (body) -> this.api.generate(model(request), body)))
			.POST("/v0/files", (request) -> withBody(request, this.api::createFile))
			.GET("/v0/files", (request) -> answer(this.api::listFiles))
			.GET("/v0/files/{file}/status", (request) -> answer(() -> this.api.getFile(file(request))))
			.DELETE("/v0/files/{file}/delete", (request) -> answer(() -> this.api.deleteFile(file(request))))
			.POST("/__emulator/faults", (request) -> withBody(request, this::injectFault))
			.DELETE("/__emulator/faults", (request) -> answer(() -> {
				this.faults.clear();
				return Map.of("faults", 0);
			}))
			.filter(authenticated())
			.build();
		RouterFunction<ServerResponse> uploads = RouterFunctions.route().PUT("/upload/{file}", this::upload).build();
		return authenticated.and(uploads).filter(faulty());
	}

	private Mono<ServerResponse> upload(ServerRequest request) {
		// as an object store: a chunked upload is refused
		if (request.headers().contentLength().isEmpty()) {
			return plain(HttpStatus.NOT_IMPLEMENTED.value(),
					"A header you provided implies functionality that is not implemented: Transfer-Encoding");
		}
		String signature = request.queryParam("signature").orElse(null);
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), MAX_UPLOAD_BYTES).map((buffer) -> {
			try {
				return this.jsonMapper.readTree(buffer.asInputStream(true));
			}
			catch (JacksonException ex) {
				return this.jsonMapper.nullNode();
			}
		}).defaultIfEmpty(this.jsonMapper.nullNode()).flatMap((body) -> answer(() -> {
			this.api.upload(file(request), signature, body.isNull() ? null : body);
			return null;
		}))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> plain(HttpStatus.CONTENT_TOO_LARGE.value(), "The dataset is larger than 256 MiB"));
	}

	private Map<String, Object> injectFault(JsonNode body) {
		Fault fault = new Fault(body.path("count").asInt(1), body.path("status").asInt(0),
				body.has("retry_after") ? Duration.ofSeconds(body.get("retry_after").asLong()) : null,
				Duration.ofMillis(body.path("delay_ms").asLong(0)));
		this.faults.add(fault);
		return Map.of("fault", Map.of("count", fault.count(), "status", fault.status()));
	}

	private HandlerFilterFunction<ServerResponse, ServerResponse> authenticated() {
		return (request, next) -> {
			String key = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
			if (key == null || !MessageDigest.isEqual(this.apiKey, key.getBytes(StandardCharsets.UTF_8))) {
				return plain(HttpStatus.UNAUTHORIZED.value(), "Invalid API key");
			}
			return next.handle(request);
		};
	}

	private HandlerFilterFunction<ServerResponse, ServerResponse> faulty() {
		return (request, next) -> {
			if (request.path().startsWith("/__emulator")) {
				return next.handle(request);
			}
			Fault fault = this.faults.next();
			if (fault == null) {
				return next.handle(request);
			}
			Mono<ServerResponse> answer = (fault.status() == 0) ? next.handle(request) : faultAnswer(fault);
			// written from a thread that may block: Netty's allocator may take a lock
			return fault.delay().isZero() ? answer
					: Mono.delay(fault.delay(), Schedulers.boundedElastic()).then(answer);
		};
	}

	private static Mono<ServerResponse> faultAnswer(Fault fault) {
		ServerResponse.BodyBuilder response = ServerResponse.status(fault.status()).contentType(MediaType.TEXT_PLAIN);
		if (fault.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfter().toSeconds()));
		}
		return response.bodyValue("Injected fault: " + fault.status());
	}

	private Mono<ServerResponse> withBody(ServerRequest request, Function<JsonNode, Map<String, Object>> operation) {
		return request.bodyToMono(JsonNode.class)
			// the codecs tell a body that is not JSON in several ways
			.onErrorMap((ex) -> !(ex instanceof EmulatorException),
					(ex) -> EmulatorException.badRequest("The body is not valid JSON"))
			.filter(JsonNode::isObject)
			.switchIfEmpty(Mono.error(() -> EmulatorException.badRequest("The body must be a JSON object")))
			.flatMap((body) -> answer(() -> operation.apply(body)))
			.onErrorResume(EmulatorException.class, (ex) -> plain(ex.status(), ex.getMessage()));
	}

	private static Mono<ServerResponse> answer(Operation operation) {
		try {
			Map<String, Object> json = operation.run();
			return (json != null) ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json)
					: ServerResponse.ok().build();
		}
		catch (EmulatorException ex) {
			return plain(ex.status(), ex.getMessage());
		}
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
