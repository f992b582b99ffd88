package dev.tunethemodel.client;

import java.util.function.Supplier;

import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

/**
 * Decodes a successful response.
 *
 * @param <T> the type of what the response holds
 */
@FunctionalInterface
interface ResponseDecoder<T> {

	/**
	 * Decode the body of a response.
	 * @param response the response, with a 2xx status
	 * @param request describes the request, for messages
	 * @return what the body holds
	 */
	Mono<T> decode(ClientResponse response, Supplier<String> request);

}
