package dev.tunethemodel.emulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Responds to the requests no route takes: 405 with {@code Allow} when the path has
 * routes for other methods, else 404, both with a reason.
 */
final class UnmatchedRequests {

	private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.PATCH, HttpMethod.DELETE);

	private final RouterFunction<ServerResponse> routes;

	/**
	 * Create an instance for the given routes.
	 * @param routes the routes, asked which methods they take on a path, so that the
	 * response follows them as they change
	 */
	UnmatchedRequests(RouterFunction<ServerResponse> routes) {
		this.routes = routes;
	}

	Mono<ServerResponse> respond(ServerRequest request) {
		String method = request.method().name();
		return Flux.fromIterable(METHODS)
			.filterWhen((other) -> this.routes.route(ServerRequest.from(request).method(other).build()).hasElement())
			.collect(Collectors.toCollection(LinkedHashSet::new))
			.flatMap((allowed) -> {
				if (allowed.isEmpty()) {
					return Mono.error(EmulatorException.notFound("No such endpoint: " + method + " " + request.path()));
				}
				List<String> names = allowed.stream().map(HttpMethod::name).toList();
				return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
					.header(HttpHeaders.ALLOW, String.join(", ", names))
					.contentType(MediaType.TEXT_PLAIN)
					.bodyValue(method + " is not allowed on " + request.path() + ": use " + String.join(" or ", names));
			});
	}

}
